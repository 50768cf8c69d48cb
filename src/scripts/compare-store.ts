/**
 * The reader's choice of practices in localStorage, shared by every «Сравнить» button, the tray
 * and the compare page. A change is announced on `window` so all of them stay in step, including
 * across tabs (the `storage` event).
 */
import { parseStored, STORAGE_KEY, toggleId, type ToggleResult } from '../lib/compare/selection.ts';

const CHANGE_EVENT = 'asdg:compare-change';

export function readSelection(): string[] {
  try {
    return parseStored(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (private mode, policy): the choice then lives in the URL only.
    return [];
  }
}

export function writeSelection(ids: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    /* see readSelection */
  }
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: [...ids] }));
}

export function toggleSelection(id: string): ToggleResult {
  const result = toggleId(readSelection(), id);
  if (result.change !== 'full') writeSelection(result.ids);
  return result;
}

export function onSelectionChange(listener: (ids: string[]) => void): void {
  window.addEventListener(CHANGE_EVENT, () => listener(readSelection()));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) listener(readSelection());
  });
}
