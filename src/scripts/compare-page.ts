/**
 * The compare page: reads the choice from the URL (or, without one, from localStorage), loads
 * only the shown practices (/compare/p/<city>/<slug>.json each, in parallel, kept once loaded)
 * and lays out the table `buildComparison` describes. The «add» choice loads one city's list
 * (/compare/c/<city>.json) when the reader picks that city. Every change rewrites
 * both the URL (so the address bar is always the link to send) and the stored choice. Its words
 * are in the root's `data-strings` (page-strings.ts), not imported from ru.ts.
 */
import type { ComparePageStrings } from '../lib/compare/page-strings.ts';
import { fill } from '../lib/search/template.ts';
import { buildComparison, type CellLine } from '../lib/compare/table.ts';
import type { CompareRecord } from '../lib/compare/record.ts';
import type { CityChoices } from '../lib/compare/from-bank.ts';
import { compareHref, MAX_COMPARED, MIN_COMPARED, parseSelection } from '../lib/compare/selection.ts';
import { readSelection, writeSelection } from './compare-store.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function lineNode(line: CellLine): HTMLElement {
  const cls = `cl${line.tone ? ` cl--${line.tone}` : ''}`;
  if (line.href) return el('span', { class: cls }, el('a', { href: line.href }, line.text));
  return el('span', { class: cls }, line.text);
}

/** A practice's record, or undefined when the bank has no such practice (404). */
async function loadRecord(prefix: string, id: string): Promise<CompareRecord | undefined> {
  const url = `${prefix}${id}.json`;
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as CompareRecord;
}

async function loadChoices(prefix: string, city: string): Promise<CityChoices> {
  const url = `${prefix}${city}.json`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as CityChoices;
}

async function init(root: HTMLElement): Promise<void> {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const app = q<HTMLElement>('[data-compare-app]');
  const status = q<HTMLElement>('[data-compare-status]');
  const controls = q<HTMLElement>('[data-compare-controls]');
  const wrap = q<HTMLElement>('[data-compare-wrap]');
  const table = q<HTMLTableElement>('[data-compare-table]');
  const empty = q<HTMLElement>('[data-compare-empty]');
  const hideSame = q<HTMLInputElement>('[data-compare-hide-same]');
  const addForm = q<HTMLFormElement>('[data-compare-add]');
  const addSelect = q<HTMLSelectElement>('[data-compare-add-select]');
  const share = q<HTMLAnchorElement>('[data-compare-share]');
  const base = root.dataset.base ?? '/compare/';
  const t = JSON.parse(root.dataset.strings ?? '{}') as ComparePageStrings;
  app.hidden = false;

  const practicesPrefix = root.dataset.practices ?? 'p/';
  const citiesPrefix = root.dataset.cities ?? 'c/';
  const addCity = q<HTMLSelectElement>('[data-compare-add-city]');
  const addButton = addForm.querySelector('button') as HTMLButtonElement;
  const byId = new Map<string, CompareRecord>();

  const fromUrl = parseSelection(location.search);
  const asked = fromUrl.length > 0 ? fromUrl : readSelection();
  const notices: string[] = [];
  let ids = asked;
  if (ids.length > MAX_COMPARED) {
    notices.push(t.tooMany);
    ids = ids.slice(0, MAX_COMPARED);
  }
  try {
    const records = await Promise.all(ids.map((id) => loadRecord(practicesPrefix, id)));
    ids.forEach((id, i) => {
      const record = records[i];
      if (record) byId.set(id, record);
    });
  } catch {
    status.replaceChildren(el('p', {}, t.loadError));
    return;
  }
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) notices.unshift(fill(t.unknown, { ids: unknown.join(', ') }));
  ids = ids.filter((id) => byId.has(id));

  function commit(next: string[], focus: () => void): void {
    ids = next;
    // Notices about the opened link (unknown ids, too many) no longer apply once the reader acts.
    notices.length = 0;
    writeSelection(ids);
    history.replaceState(history.state, '', compareHref(base, ids));
    render();
    focus();
  }

  function renderStatus(): void {
    const messages = [...notices];
    const showing = t.showing[ids.length] ?? '';
    if (ids.length === 0) messages.push(t.empty);
    else if (ids.length < MIN_COMPARED) messages.push(showing, t.needMore);
    else messages.push(showing);
    status.replaceChildren(...messages.map((m) => el('p', {}, m)));
  }

  let choices: CityChoices | undefined;
  function renderAdd(): void {
    const full = ids.length >= MAX_COMPARED;
    addCity.disabled = full;
    const options = (choices?.city === addCity.value ? choices.practices : [])
      .filter((p) => !ids.includes(p.id))
      .map((p) => el('option', { value: p.id }, p.title));
    addSelect.replaceChildren(el('option', { value: '' }, t.addChoose), ...options);
    addSelect.disabled = full || options.length === 0;
    addButton.disabled = addSelect.disabled;
  }

  function renderTable(records: CompareRecord[]): void {
    const comparison = buildComparison(records, t.table);
    const head = el('tr', {}, el('td'));
    for (const column of comparison.columns) {
      const remove = el('button', { type: 'button', class: 'col-remove', 'data-remove': column.id, 'aria-label': fill(t.removeFor, { title: column.title }) }, t.remove);
      remove.addEventListener('click', () => {
        const position = ids.indexOf(column.id);
        commit(ids.filter((x) => x !== column.id), () => {
          const buttons = table.querySelectorAll<HTMLButtonElement>('button[data-remove]');
          (buttons[Math.min(position, buttons.length - 1)] ?? addSelect).focus();
        });
      });
      const record = byId.get(column.id);
      head.append(
        el('th', { scope: 'col', 'data-practice': column.id },
          el('a', { href: column.url }, column.title),
          el('span', { class: 'col-city' }, record?.city.name ?? ''),
          remove),
      );
    }
    const thead = table.tHead ?? table.createTHead();
    thead.replaceChildren(head);
    for (const body of [...table.tBodies]) body.remove();
    const span = String(comparison.columns.length + 1);
    for (const group of comparison.groups) {
      const body = el('tbody', { 'data-group': group.key, 'data-all-same': String(group.rows.every((r) => r.same)) });
      body.append(el('tr', {}, el('th', { scope: 'rowgroup', colspan: span }, group.label)));
      for (const row of group.rows) {
        const th = el('th', { scope: 'row' }, row.label);
        if (row.warning) th.append(el('span', { class: 'row-warning', 'data-not-comparable': '' }, row.warning));
        const tr = el('tr', { 'data-row': row.key, 'data-same': String(row.same) }, th);
        row.cells.forEach((cell, i) => {
          // data-label: on a phone the table is stacked and each value is headed by its practice's name.
          const td = el('td', { 'data-practice': comparison.columns[i]?.id ?? '', 'data-label': comparison.columns[i]?.title ?? '' });
          td.append(...(cell.length ? cell.map(lineNode) : [t.none]));
          tr.append(td);
        });
        body.append(tr);
      }
      table.append(body);
    }
  }

  function render(): void {
    renderStatus();
    renderAdd();
    const records = ids.map((id) => byId.get(id)).filter((r): r is CompareRecord => r !== undefined);
    share.href = compareHref(base, ids);
    controls.hidden = false;
    hideSame.disabled = records.length < MIN_COMPARED;
    table.classList.toggle('hide-same', hideSame.checked && !hideSame.disabled);
    wrap.hidden = records.length === 0;
    empty.hidden = records.length > 0;
    if (records.length) renderTable(records);
  }

  hideSame.addEventListener('change', () => table.classList.toggle('hide-same', hideSame.checked && !hideSame.disabled));
  addCity.addEventListener('change', async () => {
    const city = addCity.value;
    if (!city) {
      choices = undefined;
      renderAdd();
      return;
    }
    try {
      const loaded = await loadChoices(citiesPrefix, city);
      if (addCity.value === city) choices = loaded;
    } catch {
      status.replaceChildren(el('p', {}, t.loadError));
    }
    renderAdd();
  });
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = addSelect.value;
    if (!id || ids.includes(id) || ids.length >= MAX_COMPARED) return;
    try {
      const record = byId.get(id) ?? (await loadRecord(practicesPrefix, id));
      if (!record) return;
      byId.set(id, record);
    } catch {
      status.replaceChildren(el('p', {}, t.loadError));
      return;
    }
    commit([...ids, id], () => addSelect.focus());
  });

  // The link opened is the choice from now on: a colleague's link becomes the reader's comparison.
  writeSelection(ids);
  history.replaceState(history.state, '', compareHref(base, ids));
  render();
}

const root = document.querySelector<HTMLElement>('[data-compare-page]');
if (root) void init(root);
