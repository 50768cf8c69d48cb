/**
 * The one link between a view's form and its URL, shared by the catalogue and the search page:
 * the form's fields read as a view state, a state written back into the fields, and the history
 * entry each change makes. The DOM is reached only through the small shapes below, so the
 * behaviour is tested with plain objects (tests/search/form-state.test.ts).
 */
import { readState, writeState, type ViewState } from './url-state.ts';

/**
 * The event dispatched on a view's form once a state the reader did not type there is in its
 * fields (the URL's at start, Back and Forward, a reset): `writeToControls` sends it, and so does
 * a reset that unticks the boxes by hand. Setting
 * `checked` fires no event of its own, so the scripts that only read the fields (the filter
 * chips) would otherwise have to guess when the view script has run.
 */
export const STATE_SHOWN_EVENT = 'asdg:state-shown';

interface FormStateOptions<F extends string, S extends string> {
  facets: readonly F[];
  sorts?: readonly S[];
  /** Left out of the URL, so the default view keeps its plain address. */
  defaultSort?: S;
}

/** What `new FormData(form)` yields; files are ignored, as no view form has one. */
type FormEntries = Iterable<[string, FormDataEntryValue]>;

export function stateFromEntries<F extends string, S extends string = never>(
  entries: FormEntries,
  options: FormStateOptions<F, S>,
): ViewState<F, S> {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (typeof value === 'string') params.append(key, value);
  return readState(params, options.facets, options.sorts ?? []);
}

/** The form fields a view state is written into; the query's form hears STATE_SHOWN_EVENT. */
interface StateControls {
  query: { value: string; form?: EventTarget | null };
  sort?: { value: string } | undefined;
  checkboxes: Iterable<{ name: string; value: string; checked: boolean }>;
}

export function writeToControls<F extends string, S extends string>(
  state: ViewState<F, S>,
  controls: StateControls,
  defaultSort?: S,
): void {
  controls.query.value = state.q;
  if (controls.sort) controls.sort.value = state.sort ?? defaultSort ?? '';
  for (const box of controls.checkboxes) box.checked = state.selected[box.name as F]?.includes(box.value) ?? false;
  controls.query.form?.dispatchEvent(new Event(STATE_SHOWN_EVENT));
}

interface FormUrlSyncOptions<F extends string, S extends string> extends FormStateOptions<F, S> {
  /** The form's current fields, read at each change. */
  read: () => FormEntries;
  location: { readonly pathname: string; readonly search: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
}

interface FormUrlSync<F extends string, S extends string> {
  fromForm(): ViewState<F, S>;
  fromUrl(): ViewState<F, S>;
  /** The address of a state on this page. */
  urlOf(state: ViewState<F, S>): string;
  /**
   * Records the form's state in the history and returns it. Typing a query (`byTyping`)
   * replaces the entry its first keystroke made, so Back skips keystrokes but still returns to
   * the view before the query; any other change is an entry of its own. An unchanged address
   * makes no entry.
   */
  commit(byTyping?: boolean): ViewState<F, S>;
  /** After Back or Forward: the state in the URL; the next keystroke starts a new entry. */
  restore(): ViewState<F, S>;
  /** Shows the URL's state now, and again after every Back or Forward (`popstate` on `target`). */
  follow(target: { addEventListener(type: 'popstate', listener: () => void): void }, show: (state: ViewState<F, S>) => void): void;
}

export function formUrlSync<F extends string, S extends string = never>(options: FormUrlSyncOptions<F, S>): FormUrlSync<F, S> {
  const { location, history } = options;
  let typing = false;
  const urlOf = (state: ViewState<F, S>) => `${location.pathname}${writeState(state, options.facets, options.defaultSort)}`;
  const fromUrl = () => readState(new URLSearchParams(location.search), options.facets, options.sorts ?? []);
  return {
    fromForm: () => stateFromEntries(options.read(), options),
    fromUrl,
    urlOf,
    commit(byTyping = false) {
      const state = stateFromEntries(options.read(), options);
      const url = urlOf(state);
      if (url !== `${location.pathname}${location.search}`) {
        if (byTyping && typing) history.replaceState(null, '', url);
        else history.pushState(null, '', url);
      }
      typing = byTyping;
      return state;
    },
    restore() {
      typing = false;
      return fromUrl();
    },
    follow(target, show) {
      target.addEventListener('popstate', () => show(this.restore()));
      show(fromUrl());
    },
  };
}
