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

function withoutSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function cmsBundle(): string {
  let text = readFileSync(join(packageFolder(), 'dist', 'sveltia-cms.js'), 'utf8');
  for (const rewrite of rewrites(cmsFonts())) {
    const found = text.match(rewrite.pattern)?.length ?? 0;
    if (found !== rewrite.count) {
      throw new Error(
        `@sveltia/cms: ${rewrite.what} — адрес найден в dist/sveltia-cms.js ${found} раз(а) вместо ${rewrite.count}; проверьте src/lib/admin/bundle.ts после обновления пакета`,
      );
    }
    text = text.replace(rewrite.pattern, rewrite.replacement as string);
  }
  return withoutSourceMap(text);
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

/** The interface languages the package ships: `ru`, `en-US`, … */
export function cmsLocales(): string[] {
  return readdirSync(join(packageFolder(), 'locales'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function cmsLocale(locale: string): string {
  return readFileSync(join(packageFolder(), 'locales', `${locale}.json`), 'utf8');
}
