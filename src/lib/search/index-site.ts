/**
 * Builds the Pagefind index for a built site. Wrapped here so every caller (the build, tests,
 * the benchmark) handles Pagefind's errors the same way.
 *
 * What is indexed: the `data-pagefind-body` element of practice, submission, city and topic
 * pages, and nothing else. Two guards keep it so. Pages are marked in their markup (Pagefind
 * skips a page without `data-pagefind-body` once any page has it), and only these four sections
 * are handed to Pagefind at all (INDEXED_SECTIONS), so a page elsewhere that marks a body by
 * mistake does not join the results. Lists in those sections (/practices/, /cities/, the year
 * pages) carry no body and stay out; tests/search/index-scope.test.ts checks both.
 *
 * Pagefind is pinned to 1.4.0 (package.json): from 1.5.0 it strips diacritics before stemming,
 * so «й» becomes «и» and Russian words such as «ресурсный» stop being stemmed; «ресурсный
 * центр» then misses «ресурсных центров». tests/search/russian-queries.test.ts shows whether an
 * upgrade is safe.
 */
import * as pagefind from 'pagefind';

/** URL sections whose pages may enter the index. */
export const INDEXED_SECTIONS = ['practices', 'submissions', 'cities', 'topics'] as const;

export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: `{${INDEXED_SECTIONS.join(',')}}/**/*.html` });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
