/**
 * Builds, at build time, the strings of the «Сравнение (N)» tray and of the «Сравнить» buttons
 * that `scripts/compare-button.ts` shows. They travel as one data attribute on <body>
 * (Base.astro), once per page rather than once per button (a button carries only its practice's
 * title), so the browser never loads the whole of ru.ts.
 */
import { ru } from '../../i18n/ru.ts';
import { MAX_COMPARED } from './selection.ts';

export interface TrayStrings {
  trayLabel: string;
  /** The tray link's text for 0…MAX_COMPARED practices (the selection is capped there). */
  tray: string[];
  full: string;
  /** The visible word of a card's button, which the script creates. */
  buttonText: string;
  /** Templates for fillTitle (lib/search/template.ts): the button's accessible name, its notices. */
  button: string;
  added: string;
  removed: string;
}

export function trayStrings(): TrayStrings {
  return {
    trayLabel: ru.compare.trayLabel,
    tray: Array.from({ length: MAX_COMPARED + 1 }, (_, count) => ru.compare.tray(count)),
    full: ru.compare.full(MAX_COMPARED),
    buttonText: ru.compare.button,
    button: ru.compare.buttonFor,
    added: ru.compare.added,
    removed: ru.compare.removed,
  };
}
