/**
 * Security of the published site: every page carries a Content Security Policy that allows no
 * inline script, no page has an inline event handler or a javascript: URL, every inline script
 * Astro emits is covered by a hash, and in Chromium the policy really blocks an injected script.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_CSP } from '../../src/lib/admin/admin-page.ts';
import { scanTags } from '../helpers/html-scan.ts';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { publishedDist } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

function builtPages(): string[] {
  requireBuilt(publishedDist);
  return readdirSync(publishedDist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(publishedDist, join(e.parentPath, e.name)))
    .sort();
}

/** The policy of a page as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name)) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The admin's page, the one page with a policy of its own. */
const isAdmin = (file: string) => file.replaceAll('\\', '/') === 'admin/index.html';

describe('every built page', () => {
  const pages = builtPages();

  it('gives the admin’s own policy to /admin/ alone', () => {
    expect(pages.filter((file) => readFileSync(join(publishedDist, file), 'utf8').includes(ADMIN_CSP))).toEqual(['admin/index.html']);
    // What the admin's policy adds is an inline-style allowance and GitHub's API, nothing for scripts.
    const admin = parsePolicy(ADMIN_CSP);
    expect(admin.get('script-src')).toEqual(["'self'"]);
    expect(admin.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'https://api.github.com']);
  });

  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has a strict CSP that covers its inline scripts, and no inline handlers', (file) => {
    const html = readFileSync(join(publishedDist, file), 'utf8');
    const tags = scanTags(html);
    const metas = tags.filter((t) => t.name === 'meta' && t.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(metas, 'ровно один <meta http-equiv="content-security-policy">').toHaveLength(1);
    const meta = present(metas[0], '<meta http-equiv="content-security-policy">');
    const policy = parsePolicy(meta.attributes.get('content') ?? '');
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
    expect(scriptSrc, 'script-src').toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain('*');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    if (isAdmin(file)) {
      // The admin (a third-party CMS) has its own policy, and only it: see src/lib/admin/admin-page.ts.
      expect(meta.attributes.get('content')).toBe(ADMIN_CSP);
    } else {
      // The site's own pages allow no inline style and no other host, whatever the admin needs.
      expect(policy.get('style-src') ?? [], 'style-src').not.toContain("'unsafe-inline'");
      const hosts = [...policy.values()].flat().filter((source) => /^(https?:|\*)/.test(source) || source.includes('.'));
      expect(hosts, 'источники с других сайтов').toEqual([]);
    }

    // The policy must come before anything it governs.
    const metaIndex = tags.indexOf(meta);
    const firstGoverned = tags.findIndex((t) => t.name === 'script' || (t.name === 'link' && t.attributes.get('rel') === 'stylesheet'));
    if (firstGoverned >= 0) expect(metaIndex).toBeLessThan(firstGoverned);

    // Inline scripts run only by their hash: each must be listed, or the page breaks.
    for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\ssrc=/.test(attributes) || body === '') continue;
      if (/type="(application\/(ld\+)?json|speculationrules)"/.test(attributes)) continue;
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      expect(scriptSrc, `inline <script> без хэша в CSP: ${body.slice(0, 80)}`).toContain(hash);
    }

    const handlers = tags.flatMap((t) =>
      [...t.attributes.entries()]
        .filter(([name, value]) => /^on[a-z]+$/.test(name) || /^\s*javascript:/i.test(value))
        .map(([name, value]) => `${file}:${t.line}: <${t.name} ${name}="${value}">`),
    );
    expect(handlers).toEqual([]);
    // A plain-text grep as well, in case markup the scanner does not understand hides a handler.
    expect(html.replace(/<script\b[\s\S]*?<\/script>/g, '').match(/<[^>]*\son[a-z]+\s*=/gi) ?? []).toEqual([]);
  });
});

describe('the policy in a browser', () => {
  const site = siteInBrowser(publishedDist);

  it('blocks an injected inline script and an inline handler, and reports the violations', async () => {
    const { page, context, consoleErrors } = await openPage(site.browser);
    try {
      await page.goto(`${site.server.url}/practices/irkutsk/resource-centres/`);
      const outcome = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown>;
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const script = document.createElement('script');
        script.textContent = 'window.__injectedRan = true;';
        document.head.append(script);
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__handlerRan = true;');
        document.body.append(button);
        button.click();
        // Violation events are dispatched asynchronously.
        for (let i = 0; i < 50 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
        return { injected: w.__injectedRan === true, handler: w.__handlerRan === true, violations };
      });
      expect(outcome.injected).toBe(false);
      expect(outcome.handler).toBe(false);
      expect(outcome.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-attr inline/)]));
      // Chromium reports each blocked script on the console too: proof the page saw the policy.
      expect(consoleErrors.some((e) => e.includes('Content Security Policy'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('still lets the site’s own search run (Pagefind needs only wasm-unsafe-eval)', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(site.browser);
    try {
      await page.goto(`${site.server.url}/`);
      // A string, not a function: Vitest would rewrite a dynamic import() inside a function.
      const count = await page.evaluate<number>(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const search = await pagefind.search('ресурсные центры');
        return search.results.length;
      })()`);
      expect(count).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
