/**
 * One Tab stop per practice card: its title link. The card's other controls — the city link,
 * the topic chips and «Сравнить» — leave the Tab order and are reached from the title with the
 * arrow keys (→/↓ next, ←/↑ back, Home/End), a roving focus inside the card. Without JavaScript
 * nothing changes and every link stays in the Tab order. A reader with a screen reader still
 * meets every link in reading order; the card's hint (`aria-describedby`) names the keys.
 */
const cards = document.querySelectorAll<HTMLElement>('[data-card-keys]');

let hintElement: HTMLElement | undefined;
/**
 * The hint is the same for every card, so the page carries its text once (on <body>, Base.astro)
 * and every title points at one hidden element.
 */
function keysHint(): HTMLElement | undefined {
  const text = document.body.dataset.cardHint;
  if (!text) return undefined;
  if (!hintElement) {
    hintElement = document.createElement('span');
    hintElement.id = 'card-keys-hint';
    hintElement.className = 'compare-sr';
    hintElement.textContent = text;
    document.body.append(hintElement);
  }
  return hintElement;
}

for (const card of cards) {
  const title = card.querySelector<HTMLElement>('[data-card-title]');
  if (!title) continue;
  const others = () =>
    [...card.querySelectorAll<HTMLElement>('a[href], button')].filter((el) => el !== title && !el.closest('[hidden]') && !(el as HTMLButtonElement).hidden);
  const stops = () => [title, ...others()];
  const leaveTabOrder = () => {
    for (const el of others()) el.tabIndex = -1;
  };
  leaveTabOrder();
  // The compare button appears once its own script runs; keep it out of the Tab order then too.
  new MutationObserver(leaveTabOrder).observe(card, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  const hint = keysHint();
  if (hint) title.setAttribute('aria-describedby', hint.id);
  card.addEventListener('keydown', (event) => {
    const list = stops();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown' ? list[Math.min(at + 1, list.length - 1)]
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? list[Math.max(at - 1, 0)]
      : event.key === 'Home' ? list[0]
      : event.key === 'End' ? list[list.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
  // Tab from a control inside the card leaves the card, as from its title.
  card.addEventListener('focusout', (event) => {
    if (!card.contains(event.relatedTarget as Node | null)) leaveTabOrder();
  });
}
