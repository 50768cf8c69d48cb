/**
 * The real admin in Chromium, over a local copy of the repository, in the CMS's own
 * «work with local repository» mode. The only test double is the operating system's folder
 * picker: `showDirectoryPicker` resolves to a folder of the browser's private file system
 * (OPFS) filled with the bank's content files and a `.git` folder, as a clone would have.
 *
 * An editor creates a practice with two metrics and a topic and saves it; the file the CMS
 * writes passes `npm run check` in a copy of the bank and builds into a page showing the
 * figures. The admin makes no request to another host, breaks no rule of its CSP, and its
 * screens have no axe violations.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { axeViolations, openPage, siteInBrowser, type WatchedPage } from '../helpers/browser.ts';
import { buildBankLater, runScriptLater } from '../helpers/build-bank.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { projectRoot, publishedDist, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';
import { childEnv } from '../helpers/child-env.ts';

const contentDir = resolve(projectRoot, 'content');
const SLUG = 'admin-learning-city-check';
const TITLE = 'Проверка редакторской: волонтёры обучают горожан';

/** The repository's content files, as a clone has them: path → text. */
function repositoryFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(projectRoot, path).replaceAll('\\', '/')] = readFileSync(path, 'utf8');
  }
  return files;
}

/** What the CMS shows that could keep it from saving: its alerts and the fields it marks invalid. */
const cmsComplaints = (page: Page) =>
  page.evaluate(() => [
    ...[...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent?.trim() ?? ''),
    ...[...document.querySelectorAll('[aria-invalid="true"]')].map((el) => {
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
      const name = el.getAttribute('aria-label') ?? (labelledBy.join(' ').trim() || el.closest('[role="group"]')?.getAttribute('aria-label') || el.tagName);
      return `поле с ошибкой: ${name}`;
    }),
  ].filter((text) => text !== ''));

/**
 * The admin window's height. The CMS renders only the fields in view (12 of the new practice's
 * form at 720 px, 16 at 1200, 25 at 5000), so the axe test, which must see every field, opens a
 * tall window. The creation test scrolls to what it fills in, and 1200 px spares Chromium's
 * compositor about 8 s of CPU a run; at 720 px the CMS shows «Создать новую запись» twice.
 */
const HEIGHT = { creation: 1200, everyField: 5000 } as const;

/** Opens /admin/ with the folder picker answering with an OPFS folder holding `files`. */
async function openAdmin(site: ReturnType<typeof siteInBrowser>, height: number, colorScheme: 'light' | 'dark' = 'light'): Promise<WatchedPage & { cspViolations: () => Promise<string[]> }> {
  const watched = await openPage(site.browser, { colorScheme });
  const { page, context } = watched;
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
    // The test double for the OS folder picker, and only that.
    w.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
  });
  await page.setViewportSize({ width: 1280, height });
  await page.goto(`${site.server.url}/admin/`);
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    await root.getDirectoryHandle('.git', { create: true });
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1) ?? '', { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, repositoryFiles());
  return { ...watched, cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/** Every file of the OPFS repository: path → text. */
async function readRepository(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
    return out;
  });
}

async function signInLocally(page: Page) {
  await page.getByRole('button', { name: 'Работать с локальным репозиторием' }).click();
  await page.getByRole('button', { name: 'Создать новую запись' }).waitFor();
}

/** Picks a choice of a select field, whichever way the CMS shows it (radio buttons or a list). */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string | RegExp, option: RegExp, nth = 0) {
  const radios = scope.getByRole('radiogroup', { name: label }).nth(nth);
  if (await radios.count()) {
    await radios.getByRole('radio', { name: option }).check();
    return;
  }
  await scope.getByRole('combobox', { name: label }).nth(nth).click();
  await page.getByRole('option', { name: option }).click();
}

// The two tests share nothing but the served site (each has its own browser context, so its own
// private file system) and run side by side: most of their time is the CMS's and Chromium's.
describe.concurrent('the admin at /admin/', () => {
  const site = siteInBrowser(publishedDist);

  it('creates a practice with two metrics and a topic; the file passes the checker and builds into its page', { timeout: 300_000 }, async ({ expect }) => {
    const admin = await openAdmin(site, HEIGHT.creation);
    const { page, context } = admin;
    try {
      await signInLocally(page);
      // The bank's practices are listed from the local folder.
      await page.getByText('«Неделя озеленения»', { exact: false }).first().waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'Создать новую запись' }).click();
      const form = page.getByRole('group', { name: /^Редактировать содержимое/ });
      // The new entry's form is drawn before the CMS has filled in its draft, which then
      // resets the fields: what is typed in that first moment is lost. Type the first field
      // again until it keeps its value, as an editor would on seeing it empty.
      const title = form.getByRole('textbox', { name: 'Название практики', exact: true });
      await expect
        .poll(
          async () => {
            await title.fill(TITLE);
            await page.waitForTimeout(250);
            return title.inputValue();
          },
          { timeout: 15_000 },
        )
        .toBe(TITLE);
      await choose(page, form, 'Город, который её реализовал', /Иркутск/);
      await choose(page, form, 'Материал города', /irkutsk\/2013-public-engagement/);
      await form.getByRole('textbox', { name: /^Краткое описание/ }).fill('Волонтёры обучают горожан знаниям, умениям и навыкам; к проекту присоединились более 230 структур.');
      await form.getByRole('combobox', { name: /^Темы/ }).click();
      await page.getByRole('option', { name: 'Волонтёрство' }).click();
      await form.getByRole('spinbutton', { name: 'Год начала практики' }).fill('2013');
      await choose(page, form, 'Состояние практики', /\(active\)/);
      await form.getByRole('spinbutton', { name: /^Год, на который известно/ }).fill('2013');

      const metrics = form.getByRole('group', { name: /Поле.*Показатели/ });
      const figures = [
        { kind: /\(events\)/, value: '657', qualifier: /\(exact\)/, unit: 'мероприятий', source: 'за год проведено 657 мероприятий' },
        { kind: /\(organisations\)/, value: '230', qualifier: /\(more-than\)/, unit: 'общественных, муниципальных, коммерческих структур', source: 'более 230 общественных, муниципальных, коммерческих структур' },
      ];
      for (const [i, figure] of figures.entries()) {
        await metrics.getByRole('button', { name: /^Добавить/ }).last().click();
        await choose(page, metrics, 'Что считается', figure.kind, i);
        await metrics.getByRole('spinbutton', { name: /^Число/ }).nth(i).fill(figure.value);
        await choose(page, metrics, 'Точность цифры', figure.qualifier, i);
        await metrics.getByRole('textbox', { name: /^Единица/ }).nth(i).fill(figure.unit);
        await metrics.getByRole('spinbutton', { name: /^Год, к которому/ }).nth(i).fill('2013');
        await metrics.getByRole('textbox', { name: /^Формулировка/ }).nth(i).fill(figure.source);
      }
      await form.getByRole('textbox', { name: /^Что нужно другому городу/ }).fill('Волонтёры и площадки для занятий; подробности — в администрации Иркутска.');
      await form.getByRole('textbox', { name: 'Организация, в которую обращаться' }).fill('Администрация города Иркутска');
      // «Сегодня» fills in the date; on a busy machine a click can come before the field takes it
      // (the CMS then refuses to save: «Это поле обязательно»). Click again until it shows a date.
      const published = form.getByRole('group', { name: /Дата публикации/ });
      await expect
        .poll(
          async () => {
            await published.getByRole('button', { name: 'Сегодня' }).click();
            await page.waitForTimeout(250);
            return published.locator('input[type="date"]').inputValue();
          },
          { timeout: 15_000 },
        )
        .toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await form.getByRole('textbox', { name: 'Текст', exact: true }).fill('По данным города, за год проведено 657 мероприятий.');
      // The project's own component, from the editor's «Insert» menu, which offers nothing else.
      await form.getByRole('button', { name: 'Вставить' }).click();
      await page.getByRole('menuitem', { name: /^Callout/ }).waitFor();
      const offered = await page.getByRole('menuitem').allInnerTexts();
      expect(offered, 'меню «Вставить»').toHaveLength(2);
      expect(offered[0]).toMatch(/^Callout/);
      expect(offered[1]).toMatch(/^Quote/);
      await page.getByRole('menuitem', { name: /^Callout/ }).click();
      await form.getByRole('radio', { name: 'important', exact: true }).check();
      await form.getByRole('textbox', { name: /^title/ }).fill('Что уточнить');
      await form.getByRole('textbox', { name: 'Текст', exact: true }).last().fill('Состав курсов стоит уточнить в администрации Иркутска.');
      await page.getByRole('textbox', { name: 'Слаг' }).fill(SLUG);

      const before = await readRepository(page);
      await page.getByRole('button', { name: 'Сохранить' }).click();
      const path = `content/practices/irkutsk/${SLUG}.mdx`;
      // An async predicate handed to waitForFunction is a Promise, truthy at once: poll instead.
      const saved = expect
        .poll(
          () =>
            page.evaluate(async (p) => {
              let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
              const parts = p.split('/');
              try {
                for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
                await dir.getFileHandle(parts.at(-1) ?? '');
                return true;
              } catch {
                return false;
              }
            }, path),
          { timeout: 90_000, interval: 250 },
        )
        .toBe(true);
      // Saving writes the repository in the page's storage: on a busy machine that has taken more
      // than 30 s. If it never comes, say what the CMS shows instead (a field it refuses, say).
      await saved.catch(async (error: unknown) => {
        throw new Error(`${path} не появился после «Сохранить»; CMS показывает: ${JSON.stringify(await cmsComplaints(page))}`, { cause: error });
      });
      const after = await readRepository(page);
      // One new file in the city's folder; nothing else touched.
      expect(Object.keys(after).filter((f) => !(f in before))).toEqual([path]);
      for (const [file, text] of Object.entries(before)) expect(after[file], file).toBe(text);
      const written = present(after[path], `${path} in the repository`);
      expect(written).toMatch(/^---\n[\s\S]*\n---\n/);

      // The file, unchanged, in a copy of the bank: `npm run check` accepts it …
      const bank = resolve(testOut, 'admin-browser/content');
      rmSync(bank, { recursive: true, force: true });
      cpSync(contentDir, bank, { recursive: true });
      mkdirSync(resolve(bank, 'practices/irkutsk'), { recursive: true });
      writeFileSync(resolve(bank, `practices/irkutsk/${SLUG}.mdx`), written);
      const check = await runScriptLater('scripts/check.ts', childEnv({ CONTENT_DIR: bank, NO_COLOR: '1' }));
      expect(check.status, `${check.output}\n${written}`).toBe(0);

      // … and the bank builds into the practice's page with both figures and the topic.
      const built = await buildBankLater('admin-browser', bank);
      expect(built.status, built.output.slice(-3000)).toBe(0);
      const { document } = readPage(built.dist, `/practices/irkutsk/${SLUG}/`);
      expect(textOf(document.querySelector('h1'))).toBe(TITLE);
      const rows = [...document.querySelectorAll('table.metrics tbody tr')].map((r) => textOf(r));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('657 мероприятий');
      expect(rows[0]).toContain('«за год проведено 657 мероприятий»');
      expect(rows[1]).toContain('более 230 общественных, муниципальных, коммерческих структур');
      expect(textOf(document.querySelector('main'))).toContain('Волонтёрство');
      expect(written).toContain('<Callout type="important" title="Что уточнить">\nСостав курсов стоит уточнить в администрации Иркутска.\n</Callout>');
      const callout = document.querySelector('aside.callout--important');
      expect(textOf(callout?.querySelector('.callout__title') ?? null)).toBe('Что уточнить');
      expect(textOf(callout)).toContain('Состав курсов стоит уточнить в администрации Иркутска.');

      expect(admin.foreignRequests).toEqual([]);
      expect(await admin.cspViolations()).toEqual([]);
      expect(admin.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe violations on its screens in the light and the dark scheme and makes no foreign request', { timeout: 120_000 }, async ({ expect }) => {
    const admin = await openAdmin(site, HEIGHT.everyField, 'light');
    const { page, context } = admin;
    const screens: Record<string, Awaited<ReturnType<typeof axeViolations>>> = {};
    /**
     * Checks the screen shown in both schemes. The CMS themes itself by script: it follows a
     * change of `prefers-color-scheme` by setting `data-theme` on <html>, so the switch is made
     * and awaited there rather than by loading the admin again per scheme.
     */
    const check = async (screen: string) => {
      const textColours = new Set<string>();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme, { timeout: 15_000 });
        textColours.add(await page.evaluate(() => getComputedStyle(document.body).color));
        screens[`${screen} (${scheme})`] = await axeViolations(page);
      }
      // The switch reached the page's colours, not only the attribute.
      expect(textColours.size, `${screen}: цвет текста одинаков в обеих схемах`).toBe(2);
    };
    try {
      await page.getByRole('button', { name: 'Работать с локальным репозиторием' }).waitFor();
      await check('вход');
      await signInLocally(page);
      await check('список практик');
      await page.getByRole('button', { name: 'Создать новую запись' }).click();
      await page.getByRole('textbox', { name: 'Название практики', exact: true }).waitFor();
      await check('новая практика');
      await page.getByRole('group', { name: /Поле.*Показатели/ }).getByRole('button', { name: /^Добавить/ }).last().click();
      await page.getByRole('combobox', { name: 'Что считается' }).waitFor();
      await check('строка показателя');
      const screenNames = ['вход', 'список практик', 'новая практика', 'строка показателя'];
      expect(screens).toEqual(Object.fromEntries(screenNames.flatMap((n) => [[`${n} (light)`, []], [`${n} (dark)`, []]])));
      expect(admin.foreignRequests).toEqual([]);
      expect(await admin.cspViolations()).toEqual([]);
      expect(admin.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
