/** Every URL of the site is built here, so a link and its page cannot drift apart. */
const base = import.meta.env?.BASE_URL ?? '/';
const join = (path: string) => `${base.replace(/\/$/, '')}${path}`;

export const urls = {
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
