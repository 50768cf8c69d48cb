// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * The site's absolute address, used in feeds, canonical links and the sitemap. Set SITE_URL
 * when publishing; the default serves the local preview.
 */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Test and benchmark builds of fixture banks write elsewhere, never over the published dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  server: { host: '127.0.0.1', port: 4321 },
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
