/**
 * The search results view. Pagefind is loaded on first interaction (a query in the URL, or the
 * reader focusing the field), never on page load alone. Results come PAGE_SIZE at a time, each with
 * its type, city, year and an excerpt with the matched words marked. Filter counts are asked for
 * only when the filters are open or set, so a plain first search fetches no filter data.
 */
import { hasSelection, type ViewState } from '../lib/search/url-state.ts';
import { formUrlSync, STATE_SHOWN_EVENT, writeToControls } from '../lib/search/form-state.ts';
import { FACETS, type Facet } from '../lib/search/record.ts';
import { PAGE_SIZE, loadHits, loadSearch, searchPages, type PagefindResult, type SearchHit } from '../lib/search/pagefind-client.ts';
import { countOf } from '../lib/format-count.ts';
import { fill, type SearchStrings } from '../lib/search/template.ts';

type State = ViewState<Facet>;

/**
 * Pagefind's excerpt is page text, HTML-escaped, with <mark> around matches. It is parsed in an
 * inert document and rebuilt from text and <mark> only, so nothing else from the index can
 * become markup in the page.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body;
  const out: Node[] = [];
  const walk = (node: Node, marked: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = document.createTextNode(child.textContent ?? '');
        if (marked) {
          const mark = document.createElement('mark');
          mark.append(text);
          out.push(mark);
        } else out.push(text);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child, marked || (child as Element).tagName === 'MARK');
      }
    }
  };
  walk(parsed, false);
  return out;
}

function resultItem(hit: SearchHit, strings: SearchStrings): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const heading = document.createElement('h3');
  heading.className = 'result__title';
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.title;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result__meta';
  meta.textContent = [hit.type ? strings.types[hit.type] : undefined, hit.city, hit.year].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result__excerpt';
  excerpt.append(...excerptNodes(hit.excerpt || hit.summary || ''));
  li.append(heading, meta, excerpt);
  return li;
}

function start(root: HTMLElement): void {
  // The page renders all of these (src/pages/search/index.astro); a missing one is a bug there.
  const need = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`search page: no ${selector}`);
    return found;
  };
  const form = need<HTMLFormElement>('form[data-search-form]');
  const filters = need<HTMLDetailsElement>('[data-search-filters]');
  const section = need<HTMLElement>('[data-search-results]');
  const status = need<HTMLElement>('[data-search-status]');
  const list = need<HTMLOListElement>('[data-search-list]');
  const more = need<HTMLButtonElement>('[data-search-more]');
  const reset = root.querySelector<HTMLButtonElement>('[data-search-reset]');
  const query = form.elements.namedItem('q') as HTMLInputElement;
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const strings = JSON.parse(root.dataset.strings ?? '{}') as SearchStrings;
  const bundle = root.dataset.pagefindBundle ?? '/pagefind/pagefind.js';
  const synonymsUrl = root.dataset.searchSynonyms ?? '/search/synonyms.json';

  let results: PagefindResult[] = [];
  let shown = 0;
  let ticket = 0;

  const say = (text: string) => {
    section.hidden = false;
    status.textContent = text;
  };
  /** «Возможно, вы искали «…»?» as a link to that query, after the status text. */
  const suggest = (suggestion: string) => {
    const [before, after = ''] = strings.suggest.split('{query}');
    const link = document.createElement('a');
    link.href = sync.urlOf({ q: suggestion, selected: fromForm().selected, sort: undefined });
    link.textContent = suggestion;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      query.value = suggestion;
      commit();
    });
    status.append(' ', before ?? '', link, after);
  };

  function showCounts(counts: Record<string, Record<string, number>>): void {
    for (const box of checkboxes) {
      const count = box.parentElement?.querySelector('[data-facet-count]');
      const n = counts[box.name]?.[box.value];
      if (count) count.textContent = n === undefined ? '' : `(${n})`;
    }
  }

  async function run(state: State): Promise<void> {
    const mine = ++ticket;
    if (!state.q && !hasSelection(state.selected)) {
      list.replaceChildren();
      more.hidden = true;
      results = [];
      showCounts({});
      say(strings.idle);
      return;
    }
    say(strings.loading);
    list.setAttribute('aria-busy', 'true');
    try {
      const search = await loadSearch(bundle, synonymsUrl);
      const countKeys = filters.open ? FACETS : FACETS.filter((f) => state.selected[f].length);
      const page = await searchPages(search, state.q, state.selected, { countKeys });
      if (mine !== ticket) return;
      results = page.results;
      shown = page.hits.length;
      list.replaceChildren(...page.hits.map((hit) => resultItem(hit, strings)));
      more.hidden = shown >= results.length;
      showCounts(page.counts);
      const found = fill(strings.results, { count: countOf(results.length, strings.resultForms) });
      if (results.length) say(page.partial ? `${strings.partial} ${found}` : found);
      else say(state.q ? fill(strings.nothing, { query: state.q }) : strings.nothingFiltered);
      if (page.suggestion) suggest(page.suggestion);
    } catch {
      if (mine !== ticket) return;
      list.replaceChildren();
      more.hidden = true;
      say(strings.error);
    } finally {
      if (mine === ticket) list.removeAttribute('aria-busy');
    }
  }

  more.addEventListener('click', async () => {
    const mine = ticket;
    const next = await loadHits(results, shown, PAGE_SIZE);
    if (mine !== ticket) return;
    const items = next.map((hit) => resultItem(hit, strings));
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
    // Keyboard readers continue from the first new result rather than from the button.
    items[0]?.querySelector('a')?.focus();
  });

  const sync = formUrlSync<Facet>({ facets: FACETS, read: () => new FormData(form), location, history });
  const fromForm = () => sync.fromForm();
  function toForm(state: State): void {
    writeToControls(state, { query, checkboxes });
    // On a phone the filters stay closed, so a shared filtered link shows its results first; chips say what is on.
    if (hasSelection(state.selected) && matchMedia('(min-width: 56rem)').matches) filters.open = true;
  }
  // Every change here is its own history entry: the query runs on submit, not per keystroke.
  const commit = () => void run(sync.commit());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== query) commit();
  });
  reset?.addEventListener('click', () => {
    for (const box of checkboxes) box.checked = false;
    form.dispatchEvent(new Event(STATE_SHOWN_EVENT));
    commit();
  });
  // Opening the filters asks for their counts; the first search left them out to stay light.
  filters.addEventListener('toggle', () => {
    if (filters.open && (query.value.trim() || checkboxes.some((b) => b.checked))) void run(fromForm());
  });
  // First interaction: start fetching Pagefind while the reader types.
  query.addEventListener('focus', () => void loadSearch(bundle, synonymsUrl).catch(() => undefined), { once: true });

  form.hidden = false;
  sync.follow(window, (state) => {
    toForm(state);
    void run(state);
  });
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
