/**
 * The state of a search or catalogue view lives in its URL (`?q=…&topic=nko&topic=youth&sort=city`),
 * so a filtered view can be shared and the back button restores it. A facet with several values
 * repeats its key, exactly as a GET form with checkboxes would send it: the same URL works
 * whether the script or the browser built it.
 */

export interface ViewState<F extends string, S extends string = never> {
  /** The text query, trimmed, inner spaces folded; '' for none. */
  q: string;
  /** Selected values per facet, in the order they were first given, without repeats. */
  selected: Record<F, string[]>;
  /** Sort key; only views that sort have one. */
  sort: S | undefined;
}

export const normaliseQuery = (q: string) => q.replace(/\s+/g, ' ').trim();

export function readState<F extends string, S extends string = never>(
  params: URLSearchParams,
  facets: readonly F[],
  sorts: readonly S[] = [],
): ViewState<F, S> {
  const selected = {} as Record<F, string[]>;
  for (const facet of facets) {
    selected[facet] = [...new Set(params.getAll(facet).map((v) => v.trim()).filter(Boolean))];
  }
  const sort = params.get('sort') as S | null;
  return {
    q: normaliseQuery(params.get('q') ?? ''),
    selected,
    sort: sort !== null && sorts.includes(sort) ? sort : undefined,
  };
}

/**
 * `?q=…&facet=…&sort=…`, or '' when nothing is set. `defaultSort` is left out, so the plain
 * catalogue keeps its plain address.
 */
export function writeState<F extends string, S extends string>(state: ViewState<F, S>, facets: readonly F[], defaultSort?: S): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of facets) for (const value of state.selected[facet] ?? []) params.append(facet, value);
  if (state.sort && state.sort !== defaultSort) params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasSelection<F extends string>(selected: Record<F, string[]>): boolean {
  return Object.values<string[]>(selected).some((values) => values.length > 0);
}
