/**
 * The word-form suite of issue 12, on the synthetic bank tests/fixtures/search/ built through
 * the real pipeline and queried through the site's own search layer (pagefind-client.ts) in
 * the very pagefind.js a browser gets. Each practice of a word holds one form of it; every
 * form of the word, typed with «е» or «ё», must find every one of those practices. Unrelated
 * words must find nothing, so the suite fails both ways. Also here: synonyms, partial matches,
 * ranking, noise and typos at the level of the search layer (the same cases in Chromium are in
 * search-cases.browser.test.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchPages } from '../../src/lib/search/pagefind-client.ts';
import { openSearchBankIndex, pathOf, type OpenIndex } from './pagefind-node.ts';
import { present } from '../helpers/present.ts';

const practice = (id: string) => `/practices/${id}/`;

/** word → the practices holding one form each, and the forms a reader may type. */
const WORDS: Record<string, { pages: string[]; forms: string[] }> = {
  ресурсный: { pages: ['leksinsk/support', 'morfograd/network'], forms: ['ресурсный', 'ресурсных', 'ресурсным', 'ресурсные', 'ресурсная', 'ресурсного'] },
  районный: { pages: ['morfograd/rayon-a', 'leksinsk/rayon-b', 'morfograd/rayon-c'], forms: ['районный', 'районных', 'районному', 'районная', 'районного'] },
  молодой: { pages: ['morfograd/young-a', 'leksinsk/young-b'], forms: ['молодой', 'молодых', 'молодому', 'молодая', 'молодые'] },
  городской: { pages: ['morfograd/urban-a', 'leksinsk/urban-b', 'morfograd/urban-c'], forms: ['городской', 'городских', 'городскому', 'городская', 'городские'] },
  новый: { pages: ['morfograd/new-a', 'leksinsk/new-b', 'leksinsk/new-c'], forms: ['новый', 'новых', 'новым', 'новая', 'новой'] },
  девушка: { pages: ['morfograd/girls-a', 'leksinsk/girls-b', 'morfograd/girls-c'], forms: ['девушка', 'девушек', 'девушкам', 'девушки', 'девушку'] },
  копейка: { pages: ['morfograd/coins-a', 'leksinsk/coins-b'], forms: ['копейка', 'копеек', 'копейками', 'копейки'] },
  сотня: { pages: ['morfograd/hundreds-a', 'leksinsk/hundreds-b'], forms: ['сотня', 'сотен', 'сотни', 'сотнями'] },
  отец: { pages: ['morfograd/fathers-a', 'leksinsk/fathers-b'], forms: ['отец', 'отцов', 'отцы', 'отца'] },
  зелёный: { pages: ['morfograd/green-a', 'leksinsk/green-b'], forms: ['зелёный', 'зеленый', 'зелёных', 'зеленых', 'зелеными', 'зелёные'] },
  объединённый: { pages: ['leksinsk/unions'], forms: ['объединённый', 'объединенный', 'объединённых', 'объединенные'] },
};

/** Queries whose words are nowhere in the bank, and pages a word must not reach. */
const UNRELATED: [query: string, notFound: string[]][] = [
  ['экзопланета', []],
  ['синхрофазотрон', []],
  // No indexed word begins with «гж»: Pagefind alone would fall back to every «г.».
  ['гжель', []],
  ['районный', ['morfograd/urban-a', 'leksinsk/urban-b', 'morfograd/urban-c']],
  // «городсек» (a fleeting-vowel guess) and Pagefind's fallback must not reach plain «город».
  ['городской', ['morfograd/network', 'leksinsk/unions', 'morfograd/rayon-a']],
  ['девушка', ['morfograd/coins-a', 'leksinsk/young-b']],
  // «сотен» must not become the prefix «сот»: «сотрудник» would follow.
  ['сотен', ['leksinsk/coins-b', 'morfograd/fathers-a']],
];

let index: OpenIndex;
beforeAll(async () => {
  index = await openSearchBankIndex();
});
afterAll(() => index?.close());

const search = (query: string, selected: Record<string, string[]> = {}) => searchPages(index.search, query, selected, { limit: 100 });
const found = async (query: string) => (await search(query)).hits.map((h) => pathOf(h.url));

describe('every form finds every page that holds another form of the word', () => {
  for (const [word, { pages, forms }] of Object.entries(WORDS)) {
    test.each(forms)(`${word}: «%s»`, async (form) => {
      const got = await found(form);
      for (const page of pages) expect(got, `«${form}» → ${page}`).toContain(practice(page));
    });
  }
});

describe('unrelated words are not found', () => {
  test.each(UNRELATED)('«%s»', async (query, notFound) => {
    const got = await found(query);
    if (notFound.length === 0) expect(got).toEqual([]);
    for (const page of notFound) expect(got, `«${query}» ↛ ${page}`).not.toContain(practice(page));
  });
});

describe('«ё» and «е» across a multi-word query', () => {
  test('«зеленые насаждения» (typed with «е») finds both pages, «зелёных насаждений» and «зелеными насаждениями»', async () => {
    const page = await search('зеленые насаждения');
    expect(page.partial).toBe(false);
    expect(page.hits.map((h) => pathOf(h.url)).sort()).toEqual([practice('leksinsk/green-b'), practice('morfograd/green-a')]);
  });
  test('«учет зеленых» finds «учёт зелёных» only', async () => {
    const page = await search('учет зеленых');
    expect(page.partial).toBe(false);
    expect(page.hits.map((h) => pathOf(h.url))).toEqual([practice('morfograd/green-a')]);
  });
});

describe('synonyms and abbreviations (content/synonyms.yaml)', () => {
  const pair = (a: string, b: string, pages: string[]) =>
    test(`«${a}» and «${b}» both find ${pages.join(', ')}`, async () => {
      for (const query of [a, b]) expect((await found(query)).filter((p) => p.startsWith('/practices/')).sort(), query).toEqual(pages.map(practice).sort());
    });
  pair('ТОС', 'территориальное общественное самоуправление', ['morfograd/tos-a', 'leksinsk/tos-b']);
  pair('НКО', 'некоммерческие организации', ['morfograd/nko-a', 'leksinsk/nko-b']);
  pair('добровольцы', 'волонтёры', ['morfograd/helpers', 'leksinsk/volunteers-b']);
  pair('learning city', 'обучающийся город', ['morfograd/learning-a', 'leksinsk/learning-b']);
  test('a phrase in quotes is searched as it stands, without synonyms or stems', async () => {
    expect(await found('"learning city"')).toEqual([practice('morfograd/learning-a')]);
  });
});

describe('partial matches', () => {
  test('no page holds «девушек» and «копеек»: the pages with one of them are shown, marked partial', async () => {
    const page = await search('девушек копеек');
    expect(page.partial).toBe(true);
    const got = page.hits.map((h) => pathOf(h.url));
    for (const p of ['morfograd/girls-a', 'morfograd/coins-a']) expect(got).toContain(practice(p));
  });
  test('pages holding two of three words stand above pages holding one', async () => {
    const page = await search('зелёных насаждений девушек');
    expect(page.partial).toBe(true);
    const got = page.hits.map((h) => pathOf(h.url));
    expect(got.slice(0, 2).sort()).toEqual([practice('leksinsk/green-b'), practice('morfograd/green-a')]);
    // One of three is below the majority: not shown.
    expect(got).not.toContain(practice('morfograd/girls-a'));
  });
  test('a query whose words are all on one page is not partial', async () => {
    expect((await search('волонтёры парков')).partial).toBe(false);
  });
});

describe('ranking', () => {
  test('the practice with «фестиваль» in its title stands above a page that only mentions it five times', async () => {
    const got = await found('фестиваль');
    expect(got[0]).toBe(practice('morfograd/festival'));
    expect(got).toContain(practice('leksinsk/festival-mention'));
  });
});

describe('noise', () => {
  test('«г.» and other stop words make no match by themselves', async () => {
    expect(await found('экзопланета г.')).toEqual([]);
    expect(await found('г. в и')).toEqual([]);
  });
  test('«г.» is never highlighted as a hit', async () => {
    const page = await search('г. Морфограда фестиваль');
    expect(page.hits.length).toBeGreaterThan(0);
    for (const hit of page.hits) expect(hit.excerpt, hit.url).not.toMatch(/<mark>г\.?<\/mark>/i);
  });
});

describe('a typo of one letter', () => {
  test('«волантеры» finds nothing but suggests «волонтеры», built from the bank\'s words', async () => {
    const page = await search('волантеры');
    expect(page.hits).toEqual([]);
    expect(page.suggestion).toBe('волонтеры');
  });
  test('«фистиваль» suggests «фестиваль»; the suggestion finds the practice', async () => {
    const page = await search('фистиваль');
    expect(page.suggestion).toBe('фестиваль');
    expect((await found(present(page.suggestion, 'a suggestion')))[0]).toBe(practice('morfograd/festival'));
  });
  test('a word of the bank gets no suggestion, and a word two letters off none either', async () => {
    expect((await search('фестиваль')).suggestion).toBeUndefined();
    expect((await search('фиствалль')).suggestion).toBeUndefined();
  });
});
