/**
 * /submit/ does not grow with the bank: the page lists the cities only, and each city's
 * materials are a small file of their own, /submit/materials/<city>.json. Read from the built
 * multi-city fixture bank (expectations from its content files), then in Chromium: choosing a
 * city loads that city's file and no other, lists its materials only, and keeps what it loaded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, siteInBrowser } from '../helpers/browser.ts';
import { readBank } from '../helpers/content-bank.ts';
import { readPage } from '../helpers/html.ts';
import { fixturesDir } from '../helpers/paths.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import type { CitySubmissions } from '../../src/lib/editorial/submit-form.ts';
import { present } from '../helpers/present.ts';

const bank = readBank(resolve(fixturesDir, 'multi-city'));
const materialsOf = (city: string) => bank.submissions.filter((s) => s.data.city.id === city);
// Every fixture city has a material, so a list that shows them cannot be mistaken for the empty
// list shown while a file loads.
for (const city of bank.cities) if (!materialsOf(city.id).length) throw new Error(`multi-city: у города ${city.id} нет материалов`);
const MATERIALS = '/submit/materials/';

const { dist } = sharedBank('multi-city');

const readMaterials = (city: string) => JSON.parse(readFileSync(resolve(dist, `.${MATERIALS}${city}.json`), 'utf8')) as CitySubmissions;

describe('the built files', () => {
  it('has one file per city holding exactly that city’s materials, and every material once', () => {
    expect(bank.cities.length).toBeGreaterThan(1);
    const listed: string[] = [];
    for (const city of bank.cities) {
      const file = readMaterials(city.id);
      expect(file.city).toBe(city.id);
      expect(file.submissions.map((s) => s.id).sort()).toEqual(materialsOf(city.id).map((s) => s.id).sort());
      for (const s of file.submissions) {
        const source = present(bank.submissions.find((x) => x.id === s.id), `submission ${s.id}`);
        expect(s).toEqual({ id: source.id, city: source.data.city.id, year: source.data.year, title: source.data.title });
      }
      listed.push(...file.submissions.map((s) => s.id));
    }
    expect(listed.sort()).toEqual(bank.submissions.map((s) => s.id).sort());
  });

  it('puts no material on /submit/ itself: the material list holds the two fixed choices, the vocabulary none', () => {
    const { html, document } = readPage(dist, '/submit/');
    for (const s of bank.submissions) {
      expect(html).not.toContain(s.id);
      expect(html).not.toContain(s.data.title);
    }
    const options = [...document.querySelectorAll('#f-submission option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', 'new']);
    const form = document.querySelector('#submit-form');
    expect(JSON.parse(form?.getAttribute('data-vocabulary') ?? '{}').submissions).toEqual([]);
    expect(form?.getAttribute('data-materials')).toBe(MATERIALS);
    // The cities are all listed: the choice that decides which file is loaded.
    const cities = [...document.querySelectorAll('#f-city option')].map((o) => o.getAttribute('value'));
    expect(cities).toEqual(['', ...bank.cities.map((c) => c.id), 'new']);
  });
});

describe('the material list in a browser', () => {
  const site = siteInBrowser(dist);

  it('loads only the chosen city’s file, lists only its materials, and loads each city once', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(site.browser);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith(MATERIALS)) fetched.push(path.slice(MATERIALS.length));
    });
    await page.goto(`${site.server.url}/submit/`);
    const city = page.locator('#f-city');
    const list = page.locator('#f-submission');
    const values = () => list.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await values()).toEqual(['', 'new']);
    expect(fetched).toEqual([]);

    const first = present(bank.cities[0], 'a city').id;
    const second = present(bank.cities[1], 'a second city').id;
    for (const id of [first, second]) {
      await city.selectOption(id);
      await expect.poll(values).toEqual(['', ...materialsOf(id).map((s) => s.id), 'new']);
    }
    expect(fetched).toEqual([`${first}.json`, `${second}.json`]);
    // Back to the first city: its list is kept, nothing is loaded again.
    await city.selectOption(first);
    await expect.poll(values).toEqual(['', ...materialsOf(first).map((s) => s.id), 'new']);
    // A city new to the bank has no file: nothing is loaded, the list is set to a new report.
    await city.selectOption('new');
    expect(await list.inputValue()).toBe('new');
    expect(await values()).toEqual(['', 'new']);
    expect(fetched).toEqual([`${first}.json`, `${second}.json`]);

    const material = present(materialsOf(second)[0], 'a material of the second city');
    await city.selectOption(second);
    await list.selectOption(material.id);
    expect(await list.locator('option:checked').textContent()).toBe(`${material.data.year}: ${material.data.title}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('shows the list of the city chosen last when an earlier city’s file arrives late', async () => {
    const { page } = await openPage(site.browser);
    const slow = present(bank.cities[0], 'a city').id;
    const fast = present(bank.cities[1], 'a second city').id;
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(`**${MATERIALS}${slow}.json`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}/submit/`);
    const values = () => page.locator('#f-submission option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.locator('#f-city').selectOption(slow);
    await page.locator('#f-city').selectOption(fast);
    await expect.poll(values).toEqual(['', ...materialsOf(fast).map((s) => s.id), 'new']);
    const arrived = page.waitForResponse(`**${MATERIALS}${slow}.json`);
    release();
    await arrived;
    await page.waitForTimeout(200);
    expect(await values()).toEqual(['', ...materialsOf(fast).map((s) => s.id), 'new']);
  });

  it('says beside the list when a city’s file cannot be loaded, and still offers a new report', async () => {
    const { page } = await openPage(site.browser);
    const id = present(bank.cities[0], 'a city').id;
    await page.route(`**${MATERIALS}${id}.json`, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${site.server.url}/submit/`);
    await page.locator('#f-city').selectOption(id);
    const error = page.locator('#f-submission-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('Не удалось загрузить материалы города');
    expect(await page.locator('#f-submission').getAttribute('aria-describedby')).toContain('f-submission-error');
    await page.locator('#f-submission').selectOption('new');
    expect(await page.locator('#f-report-group').isVisible()).toBe(true);
    // Another city clears the message.
    await page.locator('#f-city').selectOption(present(bank.cities[1], 'a second city').id);
    await expect.poll(() => error.isVisible()).toBe(false);
  });
});
