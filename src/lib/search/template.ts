/**
 * Interface strings reach the client scripts as data in the page (see strings.ts) rather than by
 * importing src/i18n/ru.ts, which holds every string of the site and would weigh on every
 * search. Templates carry `{name}` placeholders; plurals carry the three Russian forms (counted
 * with format-count.ts).
 */

export interface SearchStrings {
  loading: string;
  idle: string;
  /** `{count}` = «3 результата». */
  results: string;
  resultForms: [string, string, string];
  /** `{query}`. */
  nothing: string;
  nothingFiltered: string;
  error: string;
  /** Labels of page types, by id. */
  types: Record<string, string>;
  /** `{shown}`, `{total}`. */
  showing: string;
  none: string;
  searching: string;
  textError: string;
  /** No page holds every word of the query (search page). */
  partial: string;
  /** The same for the catalogue's practices. */
  cataloguePartial: string;
  /** `{query}` = the suggested query, shown as a link. */
  suggest: string;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Quotes a title in «ёлочки» unless it already has quotes of its own. */
function quoteOnce(title: string): string {
  return /[«»"„“]/.test(title) ? title : `«${title}»`;
}

/** A template naming a practice: `{title}` as it is, `{quoted}` quoted once. */
export function fillTitle(template: string, title: string): string {
  return fill(template, { title, quoted: quoteOnce(title) });
}
