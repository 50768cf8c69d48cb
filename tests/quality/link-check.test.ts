/**
 * The link checker on small hand-written sites: each case is a folder of pages as a build would
 * write it, and what the checker must find in it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks, urlPathOf } from '../helpers/link-check.ts';
import { decodeEntities, scanTags } from '../helpers/html-scan.ts';

const made: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'link-check-'));
  made.push(dir);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = (body: string) => `<!doctype html><html lang="ru"><head><title>t</title></head><body>\n${body}\n</body></html>`;

describe('checkLinks', () => {
  it('passes a site whose links all lead somewhere', () => {
    const dir = site({
      'index.html': page('<a href="/practices/">все</a> <a href="practices/x/#facts">x</a> <img src="/logo.svg" alt="">'),
      'practices/index.html': page('<a href="../">домой</a> <a href="x/">x</a> <a href="#">наверх</a>'),
      'practices/x/index.html': page('<h2 id="facts">Факты</h2><a href="#facts">к фактам</a>'),
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const report = checkLinks(dir);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(3);
    expect(report.checked).toBe(7);
  });

  it('reports a missing page, a missing file and a missing anchor with their lines', () => {
    const dir = site({
      'index.html': page('<a href="/nowhere/">a</a>\n<img src="/missing.png" alt="">\n<a href="/other/#nope">b</a>'),
      'other/index.html': page('<p id="yes">y</p>'),
    });
    const { broken } = checkLinks(dir);
    expect(broken.map((b) => [b.line, b.url, b.message])).toEqual([
      [2, '/nowhere/', 'нет такой страницы'],
      [3, '/missing.png', 'нет такого файла'],
      [4, '/other/#nope', 'на странице /other/ нет элемента с id «nope»'],
    ]);
    expect(formatBrokenLinks(broken)).toContain('index.html:2: href="/nowhere/": нет такой страницы');
  });

  it('reports a directory linked without its trailing slash', () => {
    const dir = site({ 'index.html': page('<a href="/topics">темы</a>'), 'topics/index.html': page('') });
    expect(checkLinks(dir).broken.map((b) => b.message)).toEqual(['адрес папки без «/» в конце']);
  });

  it('lists external links without checking them, and treats the own site as internal', () => {
    const dir = site({
      'index.html': page(
        '<link rel="canonical" href="https://bank.example/sub/"><a href="https://admirk.ru">Иркутск</a>' +
          '<a href="https://bank.example/sub/gone/">x</a><a href="mailto:a@b.ru">почта</a><a href="tel:+7">тел</a>',
      ),
    });
    const report = checkLinks(dir, { site: 'https://bank.example/sub/' });
    expect(report.external).toEqual(['https://admirk.ru/']);
    expect(report.broken.map((b) => b.url)).toEqual(['https://bank.example/sub/gone/']);
  });

  it('decodes entities and percent-encoding, and reads srcset', () => {
    const dir = site({
      'index.html': page('<a href="/поиск/?q=a&amp;b=1#%D1%82%D0%BE%D1%87%D0%BA%D0%B0">п</a><img alt="" srcset="/a.png 1x, /b.png 2x" src="/a.png">'),
      'поиск/index.html': page('<p id="точка">.</p>'),
      'a.png': '',
    });
    expect(checkLinks(dir).broken.map((b) => [b.attribute, b.url])).toEqual([['srcset', '/b.png']]);
  });

  it('ignores what is inside comments and scripts, but checks a script src', () => {
    const dir = site({
      'index.html': page('<!-- <a href="/old/">x</a> --><script type="module" src="/app.js"></script><script>const s = "<a href=\'/x/\'>";</script>'),
    });
    expect(checkLinks(dir).broken.map((b) => b.url)).toEqual(['/app.js']);
  });

  it('refuses javascript: URLs and empty links', () => {
    const dir = site({ 'index.html': page('<a href="javascript:alert(1)">x</a><a href="">y</a>') });
    expect(checkLinks(dir).broken.map((b) => b.message)).toEqual(['ссылка javascript: запрещена', 'пустая ссылка']);
  });

  it('does not let a link climb out of the site', () => {
    const dir = site({ 'a/index.html': page('<a href="../../../etc/passwd">x</a>') });
    // URL resolution stops at the root, so this is simply a missing file of the site.
    expect(checkLinks(dir).broken.map((b) => b.message)).toEqual(['нет такого файла']);
  });
});

describe('helpers', () => {
  it('maps built files to the URLs they answer', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf(join('practices', 'irkutsk', 'x', 'index.html'))).toBe('/practices/irkutsk/x/');
    expect(urlPathOf('404.html')).toBe('/404.html');
  });

  it('scans tags with their lines and attributes', () => {
    const tags = scanTags('<p>\n<a href="/x/" data-y=\'1\' hidden>t</a>\n<input value=a>');
    expect(tags.map((t) => [t.name, t.line, Object.fromEntries(t.attributes)])).toEqual([
      ['p', 1, {}],
      ['a', 2, { href: '/x/', 'data-y': '1', hidden: '' }],
      ['input', 3, { value: 'a' }],
    ]);
    expect(decodeEntities('&laquo;&amp;&#1092;&#x444;')).toBe('&laquo;&фф');
  });
});
