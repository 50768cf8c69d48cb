/**
 * The catalogue with JavaScript: reads the practice cards already in the page, narrows and
 * orders them by the form's query, facets and sort, and keeps that state in the URL
 * (pushState; popstate restores it). Facets work on the cards alone, so they are instant and
 * fetch nothing; only a text query loads Pagefind, on first use.
 *
 * A bank larger than one page (data-pages > 1): the page holds only its own cards, so any
 * query, facet or order other than the default is asked of the Pagefind index over the whole
 * bank (src/lib/search/catalogue-remote.ts) and the matching cards are drawn in the same list, a
 * batch at a time; the default view is the static page with its pagination.
 */
import { readState, type ViewState } from '../lib/search/url-state.ts';
import { formUrlSync, writeToControls } from '../lib/search/form-state.ts';
import {
  CATALOGUE_FACETS,
  CATALOGUE_SORTS,
  DEFAULT_SORT,
  viewOf,
  type CatalogueFacet,
  type CatalogueItem,
  type CatalogueSort,
} from '../lib/search/catalogue.ts';
import { loadSearch, matchingPractices, mergeCatalogue } from '../lib/search/pagefind-client.ts';
import { loadCards, remoteView, REMOTE_BATCH, type RemoteCard } from '../lib/search/catalogue-remote.ts';
import { urls } from '../lib/urls.ts';
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
  const indexFolder = new URL('./', new URL(bundle, location.href)).href;
  const synonymsUrl = root.dataset.searchSynonyms ?? '/search/synonyms.json';

  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-practice]')];
  const items = cards.map(itemOf);
  const cardOf = new Map(cards.map((card) => [card.dataset.practice ?? '', card]));
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

  const remote = Number(root.dataset.pages ?? '1') > 1;
  const total = Number(root.dataset.total ?? cards.length);
  const pager = root.querySelector<HTMLElement>('[data-catalogue-pager]');
  const staticStatus = status.textContent ?? '';
  const totals = JSON.parse(root.dataset.facetTotals ?? '{}') as Partial<Record<CatalogueFacet, Record<string, number>>>;
  const topicLabel = (id: string) =>
    form.querySelector(`input[name="topic"][value="${CSS.escape(id)}"]`)?.closest('label')?.querySelector('span')?.textContent?.trim() ?? id;
  let more: HTMLButtonElement | undefined;
  let drawn: HTMLElement[] = [];

  function cardElement(card: RemoteCard): HTMLElement {
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
      const node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const article = make('article', 'card');
    article.dataset.practice = card.id;
    article.dataset.city = card.city;
    article.dataset.topics = card.topics.join(' ');
    article.dataset.remote = '';
    const heading = make('h2', 'card__title');
    const link = make('a', undefined, card.title);
    link.href = card.url;
    heading.append(link);
    const meta = make('p', 'card__meta');
    const city = make('a', undefined, card.cityName);
    city.href = urls.city(card.city);
    const dot = make('span', undefined, ' · ');
    dot.setAttribute('aria-hidden', 'true');
    meta.append(city, dot, make('span', undefined, card.years));
    const tags = make('ul', 'tags');
    for (const topic of card.topics) {
      const a = make('a', undefined, topicLabel(topic));
      a.href = urls.topic(topic);
      const li = make('li');
      li.append(a);
      tags.append(li);
    }
    article.append(heading, meta, make('p', 'card__summary', card.summary), tags);
    return article;
  }

  const isDefault = (state: State) => !state.q && (state.sort ?? DEFAULT_SORT) === DEFAULT_SORT && CATALOGUE_FACETS.every((f) => state.selected[f].length === 0);

  function setCounts(counts: Record<CatalogueFacet, Map<string, number>> | undefined): void {
    for (const box of checkboxes) {
      const facet = box.name as CatalogueFacet;
      const n = counts ? (counts[facet]?.get(box.value) ?? 0) : (totals[facet]?.[box.value] ?? 0);
      const count = box.parentElement?.querySelector('[data-facet-count]');
      if (count) count.textContent = `(${n})`;
      box.disabled = n === 0 && !box.checked;
    }
  }

  async function renderRemote(state: State): Promise<void> {
    const mine = ++ticket;
    for (const node of drawn) node.remove();
    drawn = [];
    more?.remove();
    more = undefined;
    if (isDefault(state)) {
      for (const card of cards) card.hidden = false;
      if (pager) pager.hidden = false;
      empty.hidden = true;
      setCounts(undefined);
      status.textContent = staticStatus;
      return;
    }
    status.textContent = strings.searching;
    let view: Awaited<ReturnType<typeof remoteView>>;
    try {
      // The text goes through the site's query layer (stems, synonyms, partial matches) like
      // every search; the index then narrows, counts and orders those practices.
      const matched = await idsFor(state.q);
      if (state.q && textFailed) throw new Error('text query failed');
      view = await remoteView(await mergeCatalogue((await loadSearch(bundle, synonymsUrl)).pagefind, indexFolder), state, matched);
    } catch {
      if (mine === ticket) status.textContent = strings.textError;
      return;
    }
    if (mine !== ticket) return;
    for (const card of cards) card.hidden = true;
    if (pager) pager.hidden = true;
    setCounts(view.counts);
    const results = view.results;
    empty.hidden = results.length > 0;
    const partial = state.q && found?.q === state.q && found.partial ? `${strings.cataloguePartial} ` : '';
    status.textContent = `${partial}${fill(strings.showing, { shown: results.length, total })}`;
    let shown = 0;
    const drawMore = async (focus: boolean) => {
      const batch = await loadCards(results, shown, REMOTE_BATCH);
      if (mine !== ticket) return;
      const nodes = batch.map(cardElement);
      list.append(...nodes);
      drawn.push(...nodes);
      shown += batch.length;
      if (focus) nodes[0]?.querySelector('a')?.focus();
      if (shown < results.length) {
        if (!more) {
          more = document.createElement('button');
          more.type = 'button';
          more.className = 'catalogue__more';
          more.dataset.catalogueMore = '';
          more.textContent = root.dataset.more ?? '';
          more.addEventListener('click', () => void drawMore(true));
          list.after(more);
        }
      } else {
        more?.remove();
        more = undefined;
      }
    };
    await drawMore(false);
  }

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
    if (remote) return renderRemote(state);
    const mine = ++ticket;
    if (state.q && found?.q !== state.q) status.textContent = strings.searching;
    const matched = await idsFor(state.q);
    if (mine !== ticket) return; // a newer state has been asked for meanwhile
    const { shown, counts } = viewOf(items, state, matched);
    const visible = new Set(shown.map((item) => item.id));
    list.append(...shown.flatMap((item) => cardOf.get(item.id) ?? []));
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

  const sync = formUrlSync<CatalogueFacet, CatalogueSort>({
    facets: CATALOGUE_FACETS,
    sorts: CATALOGUE_SORTS,
    defaultSort: DEFAULT_SORT,
    read: () => new FormData(form),
    location,
    history,
  });
  const toForm = (state: State) => writeToControls(state, { query, sort, checkboxes }, DEFAULT_SORT);
  const commit = (byTyping: boolean) => void render(sync.commit(byTyping));

  form.addEventListener('input', (event) => {
    if (event.target === query) commit(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== query) commit(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(false);
  });
  reset?.addEventListener('click', () => {
    toForm(readState(new URLSearchParams(), CATALOGUE_FACETS, CATALOGUE_SORTS));
    commit(false);
    query.focus();
  });

  form.hidden = false;
  sync.follow(window, (state) => {
    toForm(state);
    void render(state);
  });
}

const root = document.querySelector<HTMLElement>('[data-catalogue]');
if (root) start(root);
