/**
 * Chips for the filters that are on (`FilterChips.astro`). The page's own script keeps the form
 * and the URL in step; this one only reads the ticked boxes after every change and, when a chip
 * is pressed, unticks its box and reports the change the way a click on the box would.
 *
 * It also opens the filter panels only where there is room: on a phone a shared filtered link
 * shows the results first and the chips say which filters are on.
 */
// The chip's label comes from FilterChips.astro (`data-remove-label`, a `{label}` template), so
// the browser never loads the whole of ru.ts for one string.
import { STATE_SHOWN_EVENT } from '../lib/search/form-state.ts';
import { fill } from '../lib/search/template.ts';

const WIDE = '(min-width: 56rem)';

function setup(root: HTMLElement): void {
  const form = document.querySelector<HTMLFormElement>(root.dataset.form ?? '');
  if (!form) return;
  const list = root.querySelector<HTMLElement>('[data-filter-chips-list]');
  const clear = root.querySelector<HTMLButtonElement>('[data-filter-chips-clear]');
  if (!list || !clear) return;
  const removeLabel = root.dataset.removeLabel ?? '{label}';
  const boxes = () => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-chip-label]')];

  const render = () => {
    const on = boxes().filter((b) => b.checked);
    root.hidden = on.length === 0;
    list.replaceChildren(
      ...on.map((box) => {
        const label = box.dataset.chipLabel ?? box.value;
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('aria-label', fill(removeLabel, { label }));
        const text = document.createElement('span');
        text.textContent = label;
        const x = document.createElement('span');
        x.className = 'filter-chips__x';
        x.setAttribute('aria-hidden', 'true');
        x.textContent = '×';
        button.append(text, x);
        button.addEventListener('click', () => {
          const position = on.indexOf(box);
          box.checked = false;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          box.dispatchEvent(new Event('change', { bubbles: true }));
          // Focus stays among the chips, or goes to the results once none is left.
          const chips = [...list.querySelectorAll<HTMLButtonElement>('button')];
          (chips[Math.min(position, chips.length - 1)] ?? form.querySelector<HTMLElement>('input, select'))?.focus();
        });
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
  };

  clear.addEventListener('click', () => {
    const reset = document.querySelector<HTMLButtonElement>(root.dataset.reset ?? '');
    if (reset) reset.click();
    else for (const box of boxes()) box.checked = false;
    render();
    form.querySelector<HTMLElement>('input, select')?.focus();
  });
  form.addEventListener('change', () => queueMicrotask(render));
  form.addEventListener('input', () => queueMicrotask(render));
  form.addEventListener('reset', () => setTimeout(render));
  // The page's script writes the URL's filters into the boxes when it starts and after Back or
  // Forward, and says so: it may run long after this script on a slow phone (module scripts run
  // in page order, each once it has loaded). What it had done before this line is read now.
  form.addEventListener(STATE_SHOWN_EVENT, render);
  render();

  const wide = matchMedia(WIDE).matches;
  for (const panel of form.querySelectorAll<HTMLDetailsElement>('details[data-filters-panel]')) panel.open = wide;
}

for (const root of document.querySelectorAll<HTMLElement>('[data-filter-chips]')) setup(root);
