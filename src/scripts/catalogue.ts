/**
 * The catalogue with JavaScript: reads the practice cards already in the page, narrows and
 * orders them by the form's query, facets and sort, and keeps that state in the URL
 * (pushState; popstate restores it). Facets work on the cards alone, so they are instant and
 * fetch nothing; only a text query loads Pagefind, on first use.
 */
import { readState, writeState, type ViewState } from '../lib/search/url-state.ts';
import {
  CATALOGUE_FACETS,
  CATALOGUE_SORTS,
  DEFAULT_SORT,
  viewOf,
  type CatalogueFacet,
  type CatalogueItem,
  type CatalogueSort,
} from '../lib/search/catalogue.ts';
import { loadSearch, matchingPractices } from '../lib/search/pagefind-client.ts';
import { fill, type SearchStrings } from '../lib/search/template.ts';

type State = ViewState<CatalogueFacet, CatalogueSort>;

function itemOf(card: HTMLElement): CatalogueItem {
  const d = card.dataset;
  return {
    id: d.practice ?? '',
    title: card.querySelector('.card__title')?.textContent?.trim() ?? '',
    city: d.city ?? '',
    cityName: d.cityName ?? '',
    district: d.district ?? '',
    topics: (d.topics ?? '').split(' ').filter(Boolean),
    year: d.year ?? '',
    status: d.status ?? '',
    published: d.published ?? '',
    complete: d.complete ?? '',
  };
}

function start(root: HTMLElement): void {
  // The page renders all of these (src/pages/practices/index.astro); a missing one is a bug there.
  const need = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`catalogue: no ${selector}`);
    return found;
  };
  const form = need<HTMLFormElement>('form[data-catalogue-form]');
  const list = need<HTMLElement>('[data-catalogue-list]');
  const status = need<HTMLElement>('[data-catalogue-status]');
  const empty = need<HTMLElement>('[data-catalogue-empty]');
  const reset = root.querySelector<HTMLButtonElement>('[data-catalogue-reset]');
  const query = form.elements.namedItem('q') as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as SearchStrings;
  const bundle = root.dataset.pagefindBundle ?? '/pagefind/pagefind.js';
  const synonymsUrl = root.dataset.searchSynonyms ?? '/search/synonyms.json';

  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-practice]')];
  const items = cards.map(itemOf);
  const cardOf = new Map(cards.map((card, i) => [items[i]!.id, card]));
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

  let found: { q: string; ids: Set<string>; partial: boolean } | undefined;
  let textFailed = false;
  let ticket = 0;

  async function idsFor(q: string): Promise<Set<string> | null> {
    if (!q) return null;
    if (found?.q === q) return found.ids;
    try {
      const { ids, partial } = await matchingPractices(await loadSearch(bundle, synonymsUrl), q);
      found = { q, ids, partial };
      textFailed = false;
      return ids;
    } catch {
      // The facets still work from the cards; the status line says the text query did not.
      textFailed = true;
      return null;
    }
  }

  async function render(state: State): Promise<void> {
    const mine = ++ticket;
    if (state.q && found?.q !== state.q) status.textContent = strings.searching;
    const matched = await idsFor(state.q);
    if (mine !== ticket) return; // a newer state has been asked for meanwhile
    const { shown, counts } = viewOf(items, state, matched);
    const visible = new Set(shown.map((item) => item.id));
    for (const item of shown) list.append(cardOf.get(item.id)!);
    for (const card of cards) card.hidden = !visible.has(card.dataset.practice ?? '');
    for (const box of checkboxes) {
      const facet = box.name as CatalogueFacet;
      const n = counts[facet]?.get(box.value) ?? 0;
      const count = box.parentElement?.querySelector('[data-facet-count]');
      if (count) count.textContent = `(${n})`;
      box.disabled = n === 0 && !box.checked;
    }
    empty.hidden = shown.length > 0;
    const showing = fill(strings.showing, { shown: shown.length, total: items.length });
    const partial = state.q && found?.q === state.q && found.partial ? `${strings.cataloguePartial} ` : '';
    status.textContent = textFailed ? `${strings.textError} ${showing}` : `${partial}${showing}`;
  }

  function fromForm(): State {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return readState(params, CATALOGUE_FACETS, CATALOGUE_SORTS);
  }

  function toForm(state: State): void {
    query.value = state.q;
    sort.value = state.sort ?? DEFAULT_SORT;
    for (const box of checkboxes) box.checked = state.selected[box.name as CatalogueFacet]?.includes(box.value) ?? false;
  }

  const fromUrl = () => readState(new URLSearchParams(location.search), CATALOGUE_FACETS, CATALOGUE_SORTS);

  // Typing a query replaces the history entry it started, so Back skips keystrokes but still
  // returns to the view before the query; any other change is a history entry of its own.
  let typing = false;
  function commit(byTyping: boolean): void {
    const state = fromForm();
    const url = `${location.pathname}${writeState(state, CATALOGUE_FACETS, DEFAULT_SORT)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (byTyping && typing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typing = byTyping;
    void render(state);
  }

  form.addEventListener('input', (event) => {
    if (event.target === query) commit(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== query) commit(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typing = false;
    commit(false);
  });
  reset?.addEventListener('click', () => {
    toForm(readState(new URLSearchParams(), CATALOGUE_FACETS, CATALOGUE_SORTS));
    commit(false);
    query.focus();
  });
  window.addEventListener('popstate', () => {
    typing = false;
    const state = fromUrl();
    toForm(state);
    void render(state);
  });

  form.hidden = false;
  const initial = fromUrl();
  toForm(initial);
  void render(initial);
}

const root = document.querySelector<HTMLElement>('[data-catalogue]');
if (root) start(root);
