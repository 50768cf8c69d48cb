/**
 * The submit page: the form logic in Node, then the built page in headless Chromium — errors
 * beside their fields and in a focused summary for an invalid form; for a valid one, a file
 * the checker accepts, offered as a download and as a prefilled "new file" link.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { preparePractice, newFileUrl } from '../../src/lib/editorial/submit-form.ts';
import { DEFAULT_REPOSITORY_URL, repositoryUrl } from '../../src/lib/editorial/repository.ts';
import { axeViolations, downloadedText, openPage, siteInBrowser } from '../helpers/browser.ts';
import { submitVocabulary } from '../helpers/submit-vocabulary.ts';
import { projectRoot, publishedDist, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

const content = resolve(projectRoot, 'content');
const vocabulary = submitVocabulary(content);
const valid = {
  city: 'irkutsk',
  title: 'Проверочная практика {не код}',
  summary: 'Синтетическое краткое описание для теста.',
  topics: ['nko', 'tos'],
  startYear: '2013',
  status: 'active',
  statusYear: '2013',
  submission: 'irkutsk/2013-public-engagement',
  transferability: 'Синтетический текст о повторении.',
  'contact-organisation': 'Администрация города Иркутска',
  body: 'Первый абзац с {фигурными} скобками и <угловыми>.\n- пункт списка',
};

/** Writes a file into a copy of the bank and checks the whole bank. */
function checkWith(path: string, file: string) {
  const bank = resolve(testOut, 'editorial-submit/content');
  rmSync(bank, { recursive: true, force: true });
  cpSync(content, bank, { recursive: true });
  const target = resolve(bank, path.replace(/^content\//, ''));
  mkdirSync(resolve(target, '..'), { recursive: true });
  writeFileSync(target, file);
  // Completeness warnings are about what a city has sent so far (tests/repeat/), not the form's file.
  return checkBank({ projectRoot, contentRoot: bank }).problems.filter((p) => p.rule !== 'completeness');
}

describe('the form logic', () => {
  it('turns a valid form into a file the checker accepts', () => {
    const result = preparePractice(valid, vocabulary, '2026-01-01');
    expect(result.errors).toEqual([]);
    expect(result.path).toBe('content/practices/irkutsk/proverochnaya-praktika-ne-kod.mdx');
    expect(checkWith(present(result.path, 'the file path'), present(result.file, 'the file'))).toEqual([]);
  });

  it('names each wrong field with the schema message', () => {
    const result = preparePractice({ ...valid, title: '', topics: ['nko', 'нко'], startYear: '13', 'contact-email': 'нет', submission: '' }, vocabulary, '2026-01-01');
    expect(result.errors.map((e) => e.field).sort()).toEqual(['contact-email', 'startYear', 'submission', 'title', 'topics']);
    expect(result.errors.find((e) => e.field === 'topics')?.message).toMatch(/^неизвестная тема «нко»; допустимые: /);
    expect(result.file).toBeUndefined();
  });

  it('refuses a submission of another city', () => {
    const other = { ...vocabulary, submissions: [...vocabulary.submissions, { id: 'tomsk/2013-x', city: 'tomsk', year: 2013, title: 'x' }], cities: [...vocabulary.cities, { id: 'tomsk', name: 'Томск' }] };
    expect(preparePractice({ ...valid, submission: 'tomsk/2013-x' }, other, '2026-01-01').errors).toEqual([
      { field: 'submission', message: 'этот материал прислал другой город; выберите материал своего города' },
    ]);
  });

  it('links to the repository new-file page with the file filled in', () => {
    const url = new URL(newFileUrl('https://github.com/example/bank/', 'main', 'content/practices/irkutsk/x.mdx', 'a & b\n{c}'));
    expect(url.origin + url.pathname).toBe('https://github.com/example/bank/new/main');
    expect(url.searchParams.get('filename')).toBe('content/practices/irkutsk/x.mdx');
    expect(url.searchParams.get('value')).toBe('a & b\n{c}');
  });

  it('reads the repository address from REPOSITORY_URL, with a documented default', () => {
    expect(repositoryUrl({})).toBe(DEFAULT_REPOSITORY_URL);
    expect(repositoryUrl({ REPOSITORY_URL: 'https://gitlab.example.org/asdg/bank.git' })).toBe('https://gitlab.example.org/asdg/bank');
    expect(() => repositoryUrl({ REPOSITORY_URL: 'javascript:alert(1)' })).toThrow();
  });
});

describe('the submit page in a browser', () => {
  const site = siteInBrowser(publishedDist);

  it('shows errors beside the fields and in a focused summary', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(site.browser);
    await page.goto(`${site.server.url}/submit/`);
    await page.getByLabel('Название практики (обязательно)', { exact: true }).fill('Проверка');
    await page.getByLabel('Год начала (обязательно)', { exact: true }).fill('13');
    await page.getByRole('button', { name: 'Проверить и подготовить файл' }).click();

    const summary = page.locator('#submit-errors');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('submit-errors');
    expect(await page.locator('#submit-errors-title').textContent()).toMatch(/^Исправьте ошибки в форме \(\d+\):$/);
    const city = page.locator('#f-city');
    expect(await city.getAttribute('aria-invalid')).toBe('true');
    expect(await city.getAttribute('aria-describedby')).toContain('f-city-error');
    expect(await page.locator('#f-city-error').isVisible()).toBe(true);
    expect(await page.locator('#f-startYear-error').textContent()).toMatch(/год/);
    expect(await page.locator('#f-title').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#f-topics').getAttribute('aria-invalid')).toBe('true');
    // A summary link takes the keyboard to its field.
    await page.locator('#submit-errors-list a[href="#f-startYear"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-startYear');
    expect(await page.locator('#submit-result').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('offers a valid form as a file the checker accepts, to download or to open in the repository', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(site.browser, { colorScheme: 'dark' });
    await page.goto(`${site.server.url}/submit/`);
    const field = (label: string) => page.getByLabel(`${label} (обязательно)`, { exact: true });
    await field('Город').selectOption('irkutsk');
    await field('Название практики').fill(valid.title);
    await field('Краткое описание').fill(valid.summary);
    await page.getByLabel('НКО и общественные объединения', { exact: true }).check();
    await field('Год начала').fill('2013');
    await field('На какой год известно состояние').fill('2013');
    await field('Материал города, из которого взята практика').selectOption('irkutsk/2013-public-engagement');
    await field('Что нужно другому городу, чтобы повторить практику').fill(valid.transferability);
    await field('Организация').fill(valid['contact-organisation']);
    await field('Описание практики').fill(valid.body);
    await page.getByRole('button', { name: 'Проверить и подготовить файл' }).click();

    const result = page.locator('#submit-result');
    await expect.poll(() => result.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('submit-result-title');
    expect(await page.locator('#submit-errors').isVisible()).toBe(false);

    const download = page.waitForEvent('download');
    await page.locator('#submit-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('proverochnaya-praktika-ne-kod.mdx');
    const text = await downloadedText(file);
    expect(text).toBe(await page.locator('#submit-preview').textContent());
    expect(checkWith('content/practices/irkutsk/proverochnaya-praktika-ne-kod.mdx', text)).toEqual([]);

    const href = await page.locator('#submit-repository').getAttribute('href');
    const url = new URL(present(href, 'the link to the repository'));
    expect(url.pathname).toMatch(/\/new\/main$/);
    expect(url.searchParams.get('filename')).toBe('content/practices/irkutsk/proverochnaya-praktika-ne-kod.mdx');
    expect(url.searchParams.get('value')).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
