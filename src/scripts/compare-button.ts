/**
 * «Сравнить» buttons and the «Сравнение (N)» tray. The practice page renders its button hidden
 * and it is shown here; a card's button is created here, from the card's id and title (a card
 * is drawn some ten times across the site). A reader without JavaScript never meets a button
 * that does nothing.
 */
import { urls } from '../lib/urls.ts';
import { compareHref } from '../lib/compare/selection.ts';
import { onSelectionChange, readSelection, toggleSelection } from './compare-store.ts';
import type { TrayStrings } from '../lib/compare/tray-strings.ts';
import { fillTitle } from '../lib/search/template.ts';

// The strings are on <body> (Base.astro), once per page; each button carries only its title.

let strings: TrayStrings = { trayLabel: '', tray: [], full: '', buttonText: '', button: '', added: '', removed: '' };

function tray(): { link: HTMLAnchorElement; status: HTMLElement } {
  const existing = document.querySelector<HTMLElement>('[data-compare-tray]');
  if (existing) {
    return {
      link: existing.querySelector('a') as HTMLAnchorElement,
      status: existing.querySelector('[role="status"]') as HTMLElement,
    };
  }
  const box = document.createElement('div');
  box.className = 'compare-tray';
  box.dataset.compareTray = '';
  box.dataset.pagefindIgnore = '';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', strings.trayLabel);
  const link = document.createElement('a');
  link.className = 'compare-tray__link';
  const status = document.createElement('p');
  status.className = 'compare-sr';
  status.setAttribute('role', 'status');
  box.append(link, status);
  document.body.append(box);
  return { link, status };
}

function sync(buttons: HTMLButtonElement[], ids: string[]): void {
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(ids.includes(button.dataset.compareToggle ?? '')));
  }
  const { link } = tray();
  link.textContent = strings.tray[Math.min(ids.length, strings.tray.length - 1)] ?? '';
  link.href = compareHref(urls.compare(), ids);
  // Only the link hides: the status beside it must stay in the page to be heard.
  link.hidden = ids.length === 0;
}

/** Adds a hidden button to a card (PracticeCard.astro); shown below with the others. */
function addToCard(card: HTMLElement): void {
  const title = card.querySelector('[data-card-title]')?.textContent?.trim();
  if (!card.dataset.practice || !title || card.querySelector('button[data-compare-toggle]')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'compare-button';
  button.dataset.compareToggle = card.dataset.practice;
  button.dataset.compareTitle = title;
  button.dataset.pagefindIgnore = '';
  button.setAttribute('aria-pressed', 'false');
  // Appended hidden, then shown: the card's roving focus (card-keys.ts) watches `hidden`.
  button.hidden = true;
  const mark = document.createElement('span');
  mark.className = 'compare-button__mark';
  mark.setAttribute('aria-hidden', 'true');
  button.append(mark, strings.buttonText);
  card.append(button);
}

const cards = document.querySelectorAll<HTMLElement>('article.card[data-practice]');
const hasButtons = cards.length > 0 || document.querySelector('button[data-compare-toggle]') !== null;
if (hasButtons) strings = JSON.parse(document.body.dataset.compareStrings ?? '{}') as TrayStrings;
for (const card of cards) addToCard(card);
const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-compare-toggle]')];
if (buttons.length > 0) {
  const { status } = tray();
  for (const button of buttons) {
    const id = button.dataset.compareToggle ?? '';
    const title = button.dataset.compareTitle ?? id;
    // Named before it shows, so many buttons on a page stay distinct to a screen reader.
    button.setAttribute('aria-label', fillTitle(strings.button, title));
    button.hidden = false;
    button.addEventListener('click', () => {
      const result = toggleSelection(id);
      status.textContent =
        result.change === 'full' ? strings.full
        : fillTitle(result.change === 'added' ? strings.added : strings.removed, title);
      sync(buttons, result.ids);
    });
  }
  sync(buttons, readSelection());
  onSelectionChange((ids) => sync(buttons, ids));
}
