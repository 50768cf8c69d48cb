/**
 * A way in for every city. In Chromium, the submit form for a city and a report the bank does
 * not have yet produces files that, added to a copy of the bank, pass the checker and build into
 * the city's page, the report's page and the practice's page; the result says in plain Russian
 * what to do with them and keeps the paths for the editors' part. Without JavaScript the form
 * is not there to send anything, and the page says how to send a practice by e-mail. A year
 * typed as «20x3» is reported as a wrong year, not as an empty field.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { prepareBundle } from '../../src/lib/editorial/submit-bundle.ts';
import { preparePractice } from '../../src/lib/editorial/submit-form.ts';
import { siteConfig } from '../../src/lib/site/site-config.ts';
import { buildBank } from '../helpers/build-bank.ts';
import { axeViolations, downloadedText, openPage, siteInBrowser } from '../helpers/browser.ts';
import { submitVocabulary } from '../helpers/submit-vocabulary.ts';
import { projectRoot, publishedDist, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

const content = resolve(projectRoot, 'content');
const vocabulary = submitVocabulary(content);
const practice = {
  city: 'irkutsk',
  title: 'Проверочная практика',
  summary: 'Синтетическое краткое описание для теста.',
  topics: ['nko'],
  startYear: '2013',
  status: 'active',
  statusYear: '2013',
  submission: 'irkutsk/2013-public-engagement',
  transferability: 'Синтетический текст о повторении.',
  'contact-organisation': 'Синтетическая организация',
  body: 'Синтетический абзац.',
};

describe('a year that is not a number', () => {
  for (const field of ['startYear', 'statusYear', 'endYear'] as const) {
    it(`is a wrong year in ${field}, not an empty field`, () => {
      const errors = preparePractice({ ...practice, [field]: '20x3' }, vocabulary, '2026-01-01').errors.filter((e) => e.field === field);
      expect(errors).toHaveLength(1);
      const [error] = errors;
      expect(error?.message).not.toBe('обязательное поле');
      expect(error?.message).toMatch(/год/);
    });
  }
  it('still calls an empty required year an empty field', () => {
    expect(preparePractice({ ...practice, startYear: '' }, vocabulary, '2026-01-01').errors).toContainEqual({ field: 'startYear', message: 'обязательное поле' });
  });
});

describe('the bundle logic', () => {
  it('asks for the new city’s record and the report, naming each field', () => {
    const result = prepareBundle({ ...practice, city: 'new', submission: 'irkutsk/2013-public-engagement', 'newcity-nominative': 'Тестоград' }, vocabulary, '2026-01-01');
    const fields = result.errors.map((e) => e.field);
    for (const f of ['newcity-genitive', 'newcity-locative', 'newcity-region', 'newcity-district', 'newcity-lat', 'newcity-lon', 'submission']) expect(fields).toContain(f);
    expect(result.files).toEqual([]);
  });
  it('refuses a report the bank already has', () => {
    const result = prepareBundle({ ...practice, submission: 'new', 'report-year': '2013', 'report-title': 'x', 'report-text': 'Текст.' }, vocabulary, '2026-01-01');
    expect(result.errors.map((e) => e.field)).toContain('report-year');
  });
});

/** Content files as a city would fill them in: a new city (Тестоград is synthetic) and its report. */
const city = { nominative: 'Тестоград', genitive: 'Тестограда', locative: 'в Тестограде', region: 'Тестовая область', lat: '55,5', lon: '85,25' };
const reportText = 'Что наиболее значительное удалось сделать в области взаимодействия с общественностью в 2024 году\nВ Тестограде открыт синтетический центр; в нём прошло 12 встреч.\n- Синтетический пункт списка.';

describe('the submit page in a browser', () => {
  const site = siteInBrowser(publishedDist);

  it('without JavaScript, offers the editors’ e-mail and no form that could send anything', async () => {
    const { page, foreignRequests } = await openPage(site.browser, { javaScript: false });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.server.url}/submit/`);
    const email = siteConfig({}).editorsEmail;
    const mail = page.locator('#submit-noscript-title + p a[href^="mailto:"]');
    expect(await mail.textContent()).toBe(email);
    expect(await page.getByRole('heading', { name: 'Как прислать практику без формы' }).isVisible()).toBe(true);
    expect(await page.locator('#submit-form').isVisible()).toBe(false);
    // No field of the page takes what a person types, except the site search in the header.
    expect(await page.locator('input:visible, textarea:visible, select:visible').evaluateAll((els) => els.filter((e) => !e.closest('header')).length)).toBe(0);
    // Even a form submitted by force sends nothing personal: the form is hidden and posts nowhere.
    await page.evaluate(() => document.querySelector<HTMLFormElement>('#submit-form')?.requestSubmit());
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain('title=');
    expect(requests.filter((u) => u.includes('?'))).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('turns a new city and a new report into files that build into their pages', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(site.browser);
    await page.goto(`${site.server.url}/submit/`);
    const field = (label: string) => page.getByLabel(`${label} (обязательно)`, { exact: true });
    await field('Город').selectOption('new');
    await field('Название города').fill(city.nominative);
    await field('Название в родительном падеже (нет чего? — Томска)').fill(city.genitive);
    await field('С предлогом «в» (в Томске)').fill(city.locative);
    await field('Субъект РФ (Томская область)').fill(city.region);
    await field('Федеральный округ').selectOption('siberian');
    await field('Широта центра города').fill(city.lat);
    await field('Долгота центра города').fill(city.lon);
    // A new city has no material in the bank yet: the form switches to a new report itself.
    expect(await field('Материал города, из которого взята практика').inputValue()).toBe('new');
    await field('Отчётный год').fill('2024');
    await field('О чём отчёт (заголовок)').fill('Синтетический отчёт Тестограда за 2024 год');
    await field('Текст отчёта').fill(reportText);
    await field('Название практики').fill('Синтетический центр');
    await field('Краткое описание').fill('Синтетическое описание практики вымышленного города.');
    await page.getByLabel('НКО и общественные объединения', { exact: true }).check();
    await field('Год начала').fill('2024');
    await field('На какой год известно состояние').fill('2024');
    await field('Что нужно другому городу, чтобы повторить практику').fill('Синтетический текст.');
    await field('Организация').fill('Администрация Тестограда');
    await field('Описание практики').fill('Синтетический центр, 12 встреч.');
    await page.getByRole('button', { name: 'Проверить и подготовить файл' }).click();

    const result = page.locator('#submit-result');
    await expect.poll(() => result.isVisible()).toBe(true);
    // Typography binds short words to the next one with a no-break space; compare the words.
    const lead = (await page.locator('#submit-result').innerText()).replaceAll('\u00a0', ' ');
    expect(lead).toContain('Подготовлено файлов: 3');
    expect(lead).toContain('Отправьте все файлы одним письмом в редакцию банка практик АСДГ');
    expect(lead).toContain('Редакция банка сверит');
    // Developer words only inside the closed «Для редакторов» part.
    const visible = await page.locator('#submit-result').evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelector('details')?.remove();
      return clone.textContent ?? '';
    });
    // File names (testograd.yaml) are what a person attaches; paths, formats and git words are not for them.
    expect(visible).not.toMatch(/content\/|YAML|MDX|запрос на изменение|pull request|репозитор/);
    expect(await page.locator('#submit-result details').getAttribute('open')).toBeNull();
    expect(await page.locator('#submit-paths').textContent()).toContain('content/cities/testograd.yaml');
    const mail = await page.locator('#submit-mail').getAttribute('href');
    expect(mail).toMatch(/^mailto:[^?]+\?subject=/);

    const bank = resolve(testOut, 'submit-new-city/content');
    rmSync(bank, { recursive: true, force: true });
    cpSync(content, bank, { recursive: true });
    const paths = (await page.locator('#submit-paths code').allTextContents());
    expect(paths.sort()).toEqual(['content/cities/testograd.yaml', 'content/practices/testograd/sinteticheskiy-tsentr.mdx', 'content/submissions/testograd/2024-public-engagement.mdx']);
    const links = page.locator('#submit-files a[download]');
    expect(await links.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const download = page.waitForEvent('download');
      await links.nth(i).click();
      const file = await download;
      const name = file.suggestedFilename();
      const path = present(paths.find((p) => p.endsWith(name.replace(/^testograd-/, ''))), `path of ${name}`);
      const target = resolve(bank, path.replace(/^content\//, ''));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await downloadedText(file));
    }
    expect(checkBank({ projectRoot, contentRoot: bank }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const built = buildBank('submit-new-city', bank);
    expect(built.status, built.output.slice(-3000)).toBe(0);
    const page404 = (p: string) => existsSync(resolve(built.dist, p, 'index.html'));
    expect(page404('cities/testograd')).toBe(true);
    expect(page404('submissions/testograd/2024-public-engagement')).toBe(true);
    expect(page404('practices/testograd/sinteticheskiy-tsentr')).toBe(true);
    expect(readFileSync(resolve(built.dist, 'submissions/testograd/2024-public-engagement/index.html'), 'utf8').replaceAll('\u00a0', ' ').replaceAll('&nbsp;', ' ')).toContain('в нём прошло 12 встреч');
    expect(readFileSync(resolve(built.dist, 'cities/testograd/index.html'), 'utf8')).toContain('Синтетический центр');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 300_000);

  it('sends a report that comes as a file with the practice, and tells the editors to import it', async () => {
    const { page, consoleErrors } = await openPage(site.browser);
    await page.goto(`${site.server.url}/submit/`);
    const field = (label: string) => page.getByLabel(`${label} (обязательно)`, { exact: true });
    await field('Город').selectOption('irkutsk');
    await field('Материал города, из которого взята практика').selectOption('new');
    await field('Отчётный год').fill('2014');
    await field('О чём отчёт (заголовок)').fill('Синтетический отчёт');
    await page.getByLabel('Или файл отчёта (Word, PDF, текст) (необязательно)', { exact: true }).setInputFiles({ name: 'otchet-2014.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('synthetic') });
    await field('Название практики').fill(practice.title);
    await field('Краткое описание').fill(practice.summary);
    await page.getByLabel('НКО и общественные объединения', { exact: true }).check();
    await field('Год начала').fill('2014');
    await field('На какой год известно состояние').fill('2014');
    await field('Что нужно другому городу, чтобы повторить практику').fill(practice.transferability);
    await field('Организация').fill(practice['contact-organisation']);
    await field('Описание практики').fill(practice.body);
    await page.getByRole('button', { name: 'Проверить и подготовить файл' }).click();
    await expect.poll(() => page.locator('#submit-result').isVisible()).toBe(true);
    const names = await page.locator('#submit-files a[download]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).download));
    expect(names).toEqual(['proverochnaya-praktika.mdx', 'otchet-2014.docx']);
    expect(await page.locator('#submit-report-file-note').textContent()).toContain('irkutsk/2014-public-engagement');
    expect(consoleErrors).toEqual([]);
  });
});
