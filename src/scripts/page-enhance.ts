/**
 * Small things every page needs once its script runs:
 * - a wide table's scroll box says it scrolls (a visible hint, tied to the box's accessible
 *   description) only while the table is wider than its box;
 * - the printed page carries its address and the date in the running header: the print
 *   stylesheet reads them from two custom properties set here, the only way CSS margin boxes can
 *   show a page's own address (a stylesheet cannot read it, and the CSP forbids inline styles).
 */
import { formatDate } from '../lib/format-date.ts';
import { fill } from '../lib/search/template.ts';

// Strings come from Base.astro as data on <body>, so the browser never loads the whole of ru.ts.
const strings = { scrollHint: document.body.dataset.scrollHint ?? '', printDate: document.body.dataset.printDate ?? '{date}' };

let hints = 0;
function watchScroll(box: HTMLElement): void {
  const hint = document.createElement('p');
  hint.className = 'scroll-hint';
  hint.id = `scroll-hint-${++hints}`;
  hint.textContent = strings.scrollHint;
  hint.hidden = true;
  box.before(hint);
  const update = () => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    hint.hidden = !scrolls;
    box.toggleAttribute('data-scrolls', scrolls);
    const described = (box.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== hint.id);
    if (scrolls) described.push(hint.id);
    if (described.length) box.setAttribute('aria-describedby', described.join(' '));
    else box.removeAttribute('aria-describedby');
  };
  new ResizeObserver(update).observe(box);
  const table = box.querySelector('table');
  if (table) new ResizeObserver(update).observe(table);
  update();
}
for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) watchScroll(box);

const cssString = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
function setPrintHeader(): void {
  const root = document.documentElement.style;
  root.setProperty('--print-address', cssString(location.href));
  root.setProperty('--print-date', cssString(fill(strings.printDate, { date: formatDate(new Date()) })));
}
setPrintHeader();
// The address may change after load (the compare page writes its selection into it).
window.addEventListener('beforeprint', setPrintHeader);
