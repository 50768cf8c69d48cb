// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './src/lib/site/site-config.ts';
import { keptOutDir } from './src/lib/site/kept-out-dir.ts';
import { codeDigestOf } from './src/lib/code-digest.ts';

/**
 * The site's absolute address and base path, used in every link, feed, canonical link and the
 * sitemap: both from SITE_URL (its path is the base path). A publishing build (PUBLISH=1, set by
 * `npm run build -- --publish`) stops without it; otherwise the local preview address is used.
 */
const config = siteConfig(process.env);

/**
 * The middleware typesets every page and hands it to the search index, but it is outside a
 * page's module graph, which Astro hashes to decide what a rebuild may reuse. So its code's
 * digest (src/middleware.ts and what it imports: src/lib/code-digest.ts) is defined for every
 * page key (src/lib/page-keys.ts), and as a `define` it is in Astro's config hash too: an edit
 * to it renders every page afresh.
 */
const pagePipeline = codeDigestOf(new URL('./src/middleware.ts', import.meta.url).pathname);

export default defineConfig({
  site: config.origin,
  base: config.base,
  trailingSlash: 'always',
  // Test and benchmark builds of fixture banks write elsewhere, never over the published dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  // The sitemap lists HTML pages only (every page address ends in '/'); feeds, data files and
  // robots.txt are endpoints, and the integration already leaves out 404. Drafts have no page.
  // The editors' admin (/admin/) is not a reader's page (its own head says noindex): left out
  // by name, so it stays out even if it ever becomes an Astro page.
  // keptOutDir: the output folder is not emptied first; unchanged pages stay where they are and
  // what this build no longer makes is removed afterwards (src/lib/site/kept-out-dir.ts).
  integrations: [mdx(), sitemap({ filter: (page) => page.endsWith('/') && new URL(page).pathname !== `${config.base}admin/` }), keptOutDir()],
  server: { host: '127.0.0.1', port: 4321 },
  // Four pages rendered at a time: one waits for its files to be written while another renders
  // (a cold build of 1 000 practices with its index: 32.6–38.1 s with one, 27.1–29.9 s with four;
  // two and eight measured alike). The search index takes each page from the renderer itself, so
  // the interleaved log lines do not matter (src/lib/search/page-channel.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Astro inlines a component's script under 4 KB into every page that uses it (with its hash in
  // every page's CSP); at 10 000 practice pages that is 10 000 copies. A script file is loaded
  // once and cached. Other assets keep Vite's default (undefined: decide by size).
  // Vite's own cache (pre-bundled dependencies) goes beside Astro's when CACHE_DIR names one: the
  // test suite builds several fixture banks at once, and in the one node_modules/.vite they would
  // overwrite each other's files mid-build.
  vite: {
    cacheDir: process.env.CACHE_DIR ? `${process.env.CACHE_DIR}/vite` : undefined,
    define: { __ASDG_PAGE_PIPELINE__: JSON.stringify(pagePipeline) },
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  // Pages whose getStaticPaths gives a cacheKey (practice and submission pages, keys in
  // src/lib/page-keys.ts) are copied from the cache folder when neither their key nor their
  // template code changed, so a rebuild after editing one practice renders only what shows it.
  experimental: { incrementalBuild: true },
  // Shiki highlights code with inline styles, which the CSP below forbids; the bank has no code.
  markdown: { syntaxHighlight: false },
  // A strict Content Security Policy in a <meta> of every page: scripts only from the site itself
  // or with the hash Astro computes, never inline handlers; 'wasm-unsafe-eval' lets Pagefind
  // start its WebAssembly search (it evaluates no JavaScript). Tested in tests/quality/csp.test.ts.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
});
