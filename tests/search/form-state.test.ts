import { describe, expect, it } from 'vitest';
import { formUrlSync, STATE_SHOWN_EVENT, stateFromEntries, writeToControls } from '../../src/lib/search/form-state.ts';
import { present } from '../helpers/present.ts';

const facets = ['topic', 'city'] as const;
const sorts = ['relevance', 'city', 'year'] as const;
type F = (typeof facets)[number];
type S = (typeof sorts)[number];

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/** A page with a history stack: pushState adds an entry, replaceState rewrites the current one. */
function page(search = '') {
  const entries = [`/practices/${search}`];
  let at = 0;
  const location = {
    pathname: '/practices/',
    get search() {
      const url = present(entries[at], `history entry ${at}`);
      return url.slice(url.indexOf('?') === -1 ? url.length : url.indexOf('?'));
    },
  };
  const history = {
    pushState: (_: unknown, __: string, url: string) => {
      entries.splice(at + 1, Infinity, url);
      at = entries.length - 1;
    },
    replaceState: (_: unknown, __: string, url: string) => {
      entries[at] = url;
    },
  };
  const back = () => {
    at -= 1;
  };
  return { entries, location, history, back, current: () => entries[at] };
}

describe('form state', () => {
  it('reads a form as a view state: trimmed query, repeated facets once, unknown sort dropped', () => {
    const state = stateFromEntries<F, S>(
      form([['q', '  школьное   питание '], ['topic', 'nko'], ['topic', 'nko'], ['topic', 'youth'], ['city', ' '], ['sort', 'price']]),
      { facets, sorts },
    );
    expect(state).toEqual({ q: 'школьное питание', selected: { topic: ['nko', 'youth'], city: [] }, sort: undefined });
  });

  it('ignores a file in the form data', () => {
    const data = form([['q', 'парк']]);
    data.append('topic', new Blob(['x']), 'x.txt');
    expect(stateFromEntries<F, S>(data, { facets, sorts }).selected.topic).toEqual([]);
  });

  it('writes a state into the fields, the default sort when none is set', () => {
    const query = { value: 'old' };
    const sort = { value: 'year' };
    const boxes = [
      { name: 'topic', value: 'nko', checked: false },
      { name: 'topic', value: 'youth', checked: true },
      { name: 'city', value: 'irkutsk', checked: false },
    ];
    writeToControls<F, S>({ q: 'парк', selected: { topic: ['nko'], city: ['irkutsk'] }, sort: undefined }, { query, sort, checkboxes: boxes }, 'relevance');
    expect(query.value).toBe('парк');
    expect(sort.value).toBe('relevance');
    expect(boxes.map((b) => b.checked)).toEqual([true, false, true]);
  });

  it('tells the query’s form once the fields hold the state (STATE_SHOWN_EVENT)', () => {
    const form = new EventTarget();
    const box = { name: 'topic', value: 'nko', checked: false };
    const seen: boolean[] = [];
    form.addEventListener(STATE_SHOWN_EVENT, () => seen.push(box.checked));
    writeToControls<F, S>({ q: '', selected: { topic: ['nko'], city: [] }, sort: undefined }, { query: { value: '', form }, checkboxes: [box] });
    expect(seen).toEqual([true]);
  });
});

describe('form and URL in the history', () => {
  function setup(search = '') {
    const p = page(search);
    let fields: [string, string][] = [];
    const sync = formUrlSync<F, S>({ facets, sorts, defaultSort: 'relevance', read: () => form(fields), location: p.location, history: p.history });
    return { ...p, sync, set: (next: [string, string][]) => (fields = next) };
  }

  it('typing replaces the entry its first keystroke made; Back returns to the view before the query', () => {
    const t = setup();
    t.set([['q', 'п']]);
    t.sync.commit(true);
    t.set([['q', 'па']]);
    t.sync.commit(true);
    t.set([['q', 'парк']]);
    t.sync.commit(true);
    expect(t.entries).toEqual(['/practices/', '/practices/?q=%D0%BF%D0%B0%D1%80%D0%BA']);
    t.back();
    expect(t.sync.restore()).toEqual({ q: '', selected: { topic: [], city: [] }, sort: undefined });
  });

  it('a facet or sort change is an entry of its own, and ends the typing run', () => {
    const t = setup();
    t.set([['q', 'парк']]);
    t.sync.commit(true);
    t.set([['q', 'парк'], ['topic', 'nko']]);
    t.sync.commit(false);
    t.set([['q', 'парки'], ['topic', 'nko']]);
    t.sync.commit(true);
    t.set([['q', 'парки'], ['topic', 'nko'], ['sort', 'city']]);
    t.sync.commit(false);
    expect(t.entries).toHaveLength(5);
    expect(t.current()).toBe('/practices/?q=%D0%BF%D0%B0%D1%80%D0%BA%D0%B8&topic=nko&sort=city');
  });

  it('an unchanged address makes no entry, and the default sort stays out of it', () => {
    const t = setup('?topic=nko');
    t.set([['topic', 'nko'], ['sort', 'relevance']]);
    const state = t.sync.commit(false);
    expect(state.sort).toBe('relevance');
    expect(t.entries).toEqual(['/practices/?topic=nko']);
  });

  it('after Back, the next keystroke starts a new entry instead of rewriting the restored one', () => {
    const t = setup();
    t.set([['q', 'a']]);
    t.sync.commit(true);
    t.set([['q', 'a'], ['topic', 'nko']]);
    t.sync.commit(false);
    t.back();
    expect(t.sync.restore().q).toBe('a');
    t.set([['q', 'ab']]);
    t.sync.commit(true);
    expect(t.entries).toEqual(['/practices/', '/practices/?q=a', '/practices/?q=ab']);
  });

  it('builds the address of any state on the page', () => {
    const t = setup();
    expect(t.sync.urlOf({ q: 'сад', selected: { topic: ['nko', 'youth'], city: [] }, sort: 'year' })).toBe(
      '/practices/?q=%D1%81%D0%B0%D0%B4&topic=nko&topic=youth&sort=year',
    );
    expect(t.sync.fromUrl().q).toBe('');
  });
});

describe('following the URL', () => {
  it('shows the URL state at once and again on each popstate, which also ends a typing run', () => {
    const p = page('?q=a');
    let fields: [string, string][] = [['q', 'a']];
    const sync = formUrlSync<F, S>({ facets, sorts, read: () => form(fields), location: p.location, history: p.history });
    const listeners: (() => void)[] = [];
    const shown: string[] = [];
    sync.follow({ addEventListener: (_type, listener) => listeners.push(listener) }, (state) => shown.push(state.q));
    expect(shown).toEqual(['a']);
    fields = [['q', 'ab']];
    sync.commit(true);
    p.back();
    for (const listener of listeners) listener();
    expect(shown).toEqual(['a', 'a']);
    fields = [['q', 'abc']];
    sync.commit(true);
    expect(p.entries).toEqual(['/practices/?q=a', '/practices/?q=abc']);
  });
});
