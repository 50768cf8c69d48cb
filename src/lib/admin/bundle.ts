/**
 * The CMS's own browser bundle (Sveltia CMS), read from node_modules and served by the site
 * itself: the admin loads nothing from another host.
 *
 * The bundle has hard-coded addresses of other hosts: it fetches its interface strings (other
 * than English) and fonts from CDNs, checks a CDN for a newer version and polls GitHub's status
 * page. Each is rewritten (`rewrites` below), as is the one thing its page does against WCAG
 * (it forbids zooming): strings and fonts come from the package's own files
 * published beside the admin (`src/pages/admin/locales/`, `src/pages/admin/fonts/`), the checks
 * answer «nothing new» without a request. The build fails if an address is not found as often as
 * expected, so an upgrade cannot bring a CDN back unnoticed; the version is pinned in
 * package.json for the same reason. The source-map comments are dropped (maps are not published).
 *
 * A published site carries no local address (localhost, 127.0.0.1): the CMS's messages that
 * name one are reworded, its interface offers only English (built in) and Russian, so only
 * ru.json ships, reworded the same way, and a development-only address is dropped. What is left
 * are the CMS's own comparisons of the browser's host name with a local one (they decide
 * whether the local-folder mode is offered and which addresses count as secure): code that
 * recognises a local host, not an address the site points to.
 *
 * What is left pointing elsewhere belongs to features the admin does not offer (image
 * optimisation, maps, code highlighting, stock photos, AI translation, other backends); the
 * browser test drives the admin and asserts it requests no other host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageFolder(): string {
  // The package exports only its npm entry (npm/index.js); dist/ beside it holds the
  // self-contained browser build and locales/ the interface strings.
  return join(dirname(require.resolve('@sveltia/cms', { paths: [process.cwd()] })), '..');
}

interface Rewrite {
  /** What the address is for, in the build error if it is missing. */
  what: string;
  pattern: RegExp;
  replacement: string | ((match: string, ...groups: string[]) => string);
  /** How many times the pattern must be found. */
  count: number;
}

/**
 * Every address of another host the admin would request on its own, rewritten. Each must be
 * found exactly `count` times, or the build fails and names it.
 */
function rewrites(fontFiles: readonly string[]): Rewrite[] {
  return [
    {
      // `${base}@${version}/locales`: the interface strings other than English.
      what: 'переводы интерфейса (unpkg)',
      pattern: /`\$\{\w+\}@\$\{\w+\}\/locales`/g,
      // Relative to the admin page (/admin/), so it works under any base path.
      replacement: '`./locales`',
      count: 1,
    },
    {
      // The update check asks the CDN for the newest version every hour; the version is pinned
      // here and upgraded through package.json, so the answer is «no news», without a request.
      what: 'проверка обновлений (unpkg …/package.json)',
      pattern: /`\$\{\w+\}\/package\.json`/g,
      replacement: '`data:application/json,{}`',
      count: 1,
    },
    {
      // GitHub's public status page, polled every five minutes for an incident banner.
      what: 'статус GitHub (githubstatus.com)',
      pattern: /`https:\/\/www\.githubstatus\.com\/api\/v2\/status\.json`/g,
      replacement: '`data:application/json,{}`',
      count: 1,
    },
    {
      // Not an address, an accessibility fix: the CMS's own viewport <meta> forbids zooming
      // (maximum-scale=1), which WCAG 1.4.4 does not allow (axe: meta-viewport).
      what: 'запрет масштабирования (maximum-scale=1)',
      pattern: /,`maximum-scale=1`/g,
      replacement: '',
      count: 1,
    },
    {
      // The interface languages: English is built into the bundle, Russian is the editors'
      // language; only their strings are published (ADMIN_LOCALES).
      what: 'список языков интерфейса',
      // The list that follows the default locale (`en-US`); another list of bare language codes
      // (a stock-photo service's) is left alone.
      pattern: /(=`en-US`,\w+=)`((?:[a-z]{2}(?:-[A-Z]{2})?,){5,}[a-z]{2}(?:-[A-Z]{2})?)`\.split\(`,`\)/g,
      replacement: (_match: string, head: string, list: string) => {
        const offered = list.split(',');
        const missing = ADMIN_LOCALES.filter((l) => !offered.includes(l));
        if (missing.length) throw new Error(`@sveltia/cms: нет языка интерфейса ${missing.join(', ')}`);
        return `${head}\`${ADMIN_LOCALES.join(',')}\`.split(\`,\`)`;
      },
      count: 1,
    },
    {
      // The address of the CMS's own development server, used only when DEV is set (never here).
      what: 'адрес сервера разработки CMS (localhost:5174)',
      pattern: /`http:\/\/localhost:5174`/g,
      replacement: 'void 0',
      count: 1,
    },
    ...LOCAL_ADDRESS_WORDING.map(([pattern, replacement, count]) => ({
      what: `сообщение о локальном адресе (${pattern.source})`,
      pattern,
      replacement,
      count,
    })),
    {
      // Interface fonts: the same files ship in the package (npm/assets), served from /admin/fonts/.
      what: 'шрифты интерфейса (cdn.jsdelivr.net)',
      pattern: /url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2\)/g,
      replacement: (_match, family: string, variant: string) => {
        const file = fontFiles.find((f) => f.startsWith(`${family}-${variant}-`) && f.endsWith('.woff2'));
        if (!file) throw new Error(`@sveltia/cms: нет файла шрифта ${family} ${variant} в npm/assets`);
        return `url(./fonts/${file})`;
      },
      count: 3,
    },
  ];
}

/** Interface languages the admin offers; `en-US` is built into the bundle, the others ship as JSON. */
const ADMIN_LOCALES = ['en-US', 'ru'] as const;
const BUILT_IN_LOCALE = 'en-US';

/** The CMS's English messages naming a local address, reworded: [pattern, replacement, count]. */
const LOCAL_ADDRESS_WORDING: [RegExp, string, number][] = [
  [/HTTPS or localhost URLs/g, 'HTTPS URLs or this computer', 1],
  [/HTTPS or localhost`/g, 'HTTPS or this computer`', 1],
  [/HTTPS protocol or a localhost address/g, 'HTTPS protocol or this computer', 1],
  [/HTTPS protocol or localhost addresses/g, 'HTTPS protocol or this computer', 1],
];

/** The same messages in ru.json: [pattern, replacement, count]. */
const LOCAL_ADDRESS_WORDING_RU: [RegExp, string, number][] = [
  [/URL-адресами HTTPS или localhost/g, 'адресами HTTPS или на этом компьютере', 1],
  [/адрес localhost/g, 'адрес этого компьютера', 1],
  [/адреса localhost/g, 'адреса этого компьютера', 1],
];

function rewritten(text: string, file: string, rules: readonly Rewrite[]): string {
  for (const rewrite of rules) {
    const found = text.match(rewrite.pattern)?.length ?? 0;
    if (found !== rewrite.count) {
      throw new Error(
        `@sveltia/cms: ${rewrite.what} — адрес найден в ${file} ${found} раз(а) вместо ${rewrite.count}; проверьте src/lib/admin/bundle.ts после обновления пакета`,
      );
    }
    text = text.replace(rewrite.pattern, rewrite.replacement as string);
  }
  return text;
}

function withoutSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function cmsBundle(): string {
  const text = readFileSync(join(packageFolder(), 'dist', 'sveltia-cms.js'), 'utf8');
  return withoutSourceMap(rewritten(text, 'dist/sveltia-cms.js', rewrites(cmsFonts())));
}

/** Font files of the admin's interface, shipped in the package. */
export function cmsFonts(): string[] {
  return readdirSync(join(packageFolder(), 'npm', 'assets')).filter((f) => f.endsWith('.woff2')).sort();
}

export function cmsFont(file: string): Buffer {
  return readFileSync(join(packageFolder(), 'npm', 'assets', file));
}

export function cmsChunk(name: 'react-dom'): string {
  return withoutSourceMap(readFileSync(join(packageFolder(), 'dist', 'chunks', `${name}.js`), 'utf8'));
}

/** The interface languages published beside the admin (English is built into the bundle). */
export function cmsLocales(): string[] {
  const shipped = new Set(
    readdirSync(join(packageFolder(), 'locales'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length)),
  );
  const locales = ADMIN_LOCALES.filter((l) => l !== BUILT_IN_LOCALE);
  for (const locale of locales) if (!shipped.has(locale)) throw new Error(`@sveltia/cms: нет файла locales/${locale}.json`);
  return [...locales];
}

export function cmsLocale(locale: string): string {
  const text = readFileSync(join(packageFolder(), 'locales', `${locale}.json`), 'utf8');
  const wording = locale === 'ru' ? LOCAL_ADDRESS_WORDING_RU : [];
  return rewritten(
    text,
    `locales/${locale}.json`,
    wording.map(([pattern, replacement, count]) => ({ what: `сообщение о локальном адресе (${pattern.source})`, pattern, replacement, count })),
  );
}
