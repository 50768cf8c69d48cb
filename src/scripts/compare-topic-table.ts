/**
 * Sorting of the topic tables: each sortable header gets a button; the sorted column carries
 * aria-sort. Empty cells sort last in both directions, since «—» is no value.
 */
function sortValue(cell: Element | undefined, type: string): string | number | undefined {
  // A text column (city, practice) sorts by the text the cell shows; it is never empty.
  const raw = type === 'text' ? cell?.textContent?.trim() : cell?.getAttribute('data-sort-value');
  if (raw === null || raw === undefined || raw === '') return undefined;
  return type === 'number' ? Number(raw) : raw;
}

function enhance(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  const body = table.tBodies[0];
  if (!body) return;
  headers.forEach((th, column) => {
    const type = th.dataset.sortType ?? 'none';
    if (type === 'none') return;
    const label = th.querySelector('.topic-table__label');
    if (!label) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'topic-table__sort';
    button.dataset.sortColumn = th.dataset.column ?? '';
    button.textContent = label.textContent;
    label.replaceWith(button);
    button.addEventListener('click', () => {
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      const sign = direction === 'ascending' ? 1 : -1;
      const rows = [...body.rows];
      rows.sort((a, b) => {
        const va = sortValue(a.cells[column], type);
        const vb = sortValue(b.cells[column], type);
        if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
        const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'ru');
        return sign * order;
      });
      body.append(...rows);
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
    });
  });
  table.dataset.sortable = 'true';
  // The caption promises sort buttons only once they exist.
  const caption = table.caption;
  // Its text comes from TopicTable.astro, so the browser never loads the whole of ru.ts.
  const sortable = table.dataset.captionSortable;
  if (caption && sortable) caption.textContent = sortable;
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-topic-table]')) enhance(table);
