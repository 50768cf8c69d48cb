/** Every URL of the site is built here, so a link and its page cannot drift apart. */
/**
 * The base path. Vite replaces `import.meta.env.BASE_URL` only when written out in full (not
 * with `?.`); in plain Node (the checker, the scripts) there is no `import.meta.env` at all.
 */
const BASE: string = (() => {
  try {
    return import.meta.env.BASE_URL || '/';
  } catch {
    return '/';
  }
})();

/** The site's URLs under a base path (`/` or `/practice-bank/`). */
function urlsUnder(base: string) {
  const join = (path: string) => `${base.replace(/\/$/, '')}${path}`;
  return {
    home: () => join('/'),
    practices: () => join('/practices/'),
    practice: (id: string) => join(`/practices/${id}/`),
    practicesOfYear: (year: number) => join(`/practices/year/${year}/`),
    search: () => join('/search/'),
    searchBundle: () => join('/pagefind/pagefind.js'),
    cities: () => join('/cities/'),
    city: (id: string) => join(`/cities/${id}/`),
    topics: () => join('/topics/'),
    topic: (id: string) => join(`/topics/${id}/`),
    submissions: () => join('/submissions/'),
    submission: (id: string) => join(`/submissions/${id}/`),
    questionnaire: (id: string) => join(`/questionnaires/${id}/`),
    about: () => join('/about/'),
    compare: () => join('/compare/'),
    /** Prefix of the per-practice compare records: `${comparePractices()}<city>/<slug>.json`. */
    comparePractices: () => join('/compare/p/'),
    /** Prefix of the per-city choice lists: `${compareCities()}<city>.json`. */
    compareCities: () => join('/compare/c/'),
    submit: () => join('/submit/'),
    searchSynonyms: () => join('/search/synonyms.json'),
  };
}

export const urls = urlsUnder(BASE);

/**
 * The same URLs from the site's root, whatever the base path: content files link to pages as
 * `/practices/…/`, and the checker resolves those links against these.
 */
export const rootUrls = urlsUnder('/');

/** A root-relative address of the site (`/rss.xml`) under the base path; others unchanged. */
function withBase(href: string, base: string = BASE): string {
  if (!href.startsWith('/') || href.startsWith('//') || base === '/') return href;
  const prefix = base.replace(/\/$/, '');
  return href === prefix || href.startsWith(`${prefix}/`) ? href : `${prefix}${href}`;
}

/**
 * Rendered content HTML with its root-relative links and images under the base path. The
 * renderer (safe-mdx.ts) writes attributes in double quotes.
 */
export function htmlWithBase(html: string, base: string = BASE): string {
  if (base === '/') return html;
  return html.replace(/(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g, (_, attr: string, href: string) => `${attr}${withBase(href, base)}"`);
}
