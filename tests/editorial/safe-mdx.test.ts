/**
 * Safe MDX: the body of a content file is parsed, never compiled. Every forbidden construct is
 * reported with its line and rule, and the allowed ones render to plain HTML.
 */
import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isSafeHref, renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { blocksToMdx, escapeMdxText, textToBlocks } from '../../src/lib/editorial/text-blocks.ts';

const FRONTMATTER = '---\ntitle: x\n---\n\n';
/** Body lines start at line 5 after FRONTMATTER. */
const render = (body: string) => renderSafeMdx(FRONTMATTER + body);
const rules = (body: string) => render(body).violations.map((v) => `${v.line}:${v.rule}`);

describe('the threat is real', () => {
  it('an MDX expression without any import runs when MDX is compiled the usual way', async () => {
    const marker = join(tmpdir(), `asdg-control-${randomUUID()}`);
    const source = `{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')}`;
    const mod = await evaluate(source, { Fragment: Symbol('Fragment'), jsx: () => null, jsxs: () => null });
    (mod.default as (props: object) => unknown)({});
    expect(existsSync(marker)).toBe(true);
    rmSync(marker, { force: true });
    // The bank's path: the same source is refused and nothing runs.
    expect(renderSafeMdx(source).violations.map((v) => v.rule)).toEqual(['expression']);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('forbidden constructs, each with its line and rule', () => {
  const cases: [string, string, string[]][] = [
    ['expression', "{process.exit(1)}", ['5:expression']],
    ['expression in text', 'Текст {1 + 1} текст', ['5:expression']],
    ['MDX comment', '{/* комментарий */}', ['5:expression']],
    ['import', "import fs from 'node:fs'", ['5:esm']],
    ['export', 'export const x = 1', ['5:esm']],
    ['expression in a heading', '## Итог {x}', ['5:expression']],
    ['component in a heading with a handler', '## <Callout onClick="x">a</Callout>', ['5:event-handler']],
    ['expression attribute', '<Callout title={x}>a</Callout>', ['5:expression-attribute']],
    ['spread attribute', '<Callout {...props}>a</Callout>', ['5:expression-attribute']],
    ['event handler', '<Callout onClick="alert(1)">a</Callout>', ['5:event-handler']],
    ['event handler, any case', '<Callout ONLOAD="alert(1)">a</Callout>', ['5:event-handler']],
    ['script', '<script>alert(1)</script>', ['5:forbidden-element']],
    ['script in capitals', '<SCRIPT>alert(1)</SCRIPT>', ['5:forbidden-element']],
    ['iframe', '<iframe src="https://example.org/" />', ['5:forbidden-element']],
    ['object', '<object data="x" />', ['5:forbidden-element']],
    ['embed', '<embed src="x" />', ['5:forbidden-element']],
    ['style', '<style>x</style>', ['5:forbidden-element']],
    ['form', '<form />', ['5:forbidden-element']],
    ['unknown component', '<Widget />', ['5:unknown-component']],
    ['a prototype name as a component', '<constructor />', ['5:unknown-component']],
    ['jsx link to javascript:', '<a href="javascript:alert(1)">x</a>', ['5:unsafe-url', '5:unknown-component']],
    ['jsx image with data:', '<img src="data:image/png;base64,AAAA" />', ['5:unsafe-url', '5:unknown-component']],
    ['markdown link to javascript:', '[x](javascript:alert(1))', ['5:unsafe-url']],
    ['mixed-case scheme', '[x](jAvAsCrIpT:alert(1))', ['5:unsafe-url']],
    ['entity-encoded scheme', '[x](&#x6A;avascript&#58;alert(1))', ['5:unsafe-url']],
    ['reference definition', '[x][a]\n\n[a]: javascript:alert(1)', ['5:unsafe-url']],
    ['data: image', '![x](data:image/svg+xml;base64,AAAA)', ['5:unsafe-url']],
    ['external image', '![x](https://example.org/x.png)', ['5:external-resource']],
    ['protocol-relative image', '![x](//example.org/x.png)', ['5:external-resource']],
    ['html comment', 'a\n\n<!-- x -->', ['7:syntax']],
    ['autolink', '<javascript:alert(1)>', ['5:syntax']],
    ['first-level heading', '# Заголовок', ['5:forbidden-element']],
    ['unknown attribute', '<Callout class="x">a</Callout>', ['5:unknown-attribute']],
    ['wrong attribute value', '<Callout type="danger">a</Callout>', ['5:invalid-attribute']],
    ['missing required attribute', '<Quote>a</Quote>', ['5:invalid-attribute']],
  ];
  it.each(cases)('%s', (_, body, expected) => {
    const result = render(body);
    expect(result.violations.map((v) => `${v.line}:${v.rule}`).sort()).toEqual([...expected].sort());
    expect(result.html).toBe('');
  });

  it('reports every violation of a file, not only the first', () => {
    expect(rules('{a}\n\n<Callout onClick="x">b</Callout>\n\n[c](javascript:x)')).toEqual(['5:expression', '7:event-handler', '9:unsafe-url']);
  });

  it('names the schemes a link may use', () => {
    for (const safe of ['https://example.org', 'http://example.org', 'mailto:a@example.org', 'tel:+73952000000', '/practices/', '#x', 'page/']) expect(isSafeHref(safe), safe).toBe(true);
    for (const bad of ['javascript:x', ' javascript:x', 'java\tscript:x', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd']) expect(isSafeHref(bad), bad).toBe(false);
  });
});

describe('allowed content', () => {
  it('renders Markdown, components and inline tags to plain HTML', () => {
    const result = render('## Итоги\n\nТекст **жирный**, <abbr title="некоммерческая организация">НКО</abbr>.\n\n- пункт\n\n<Callout type="tip">Совет</Callout>\n\n<Quote source="Отчёт">Цитата</Quote>\n\n[Сайт](https://admirk.ru) и [практика](/practices/)');
    expect(result.violations).toEqual([]);
    expect(result.html).toContain('<h2 id="итоги">Итоги</h2>');
    expect(result.html).toContain('<abbr title="некоммерческая организация">НКО</abbr>');
    expect(result.html).toContain('<aside class="callout callout--tip" role="note">');
    expect(result.html).toContain('<figcaption>Отчёт</figcaption>');
    expect(result.links.map((l) => l.href)).toEqual(['https://admirk.ru', '/practices/']);
    expect(result.html).not.toMatch(/<script|on[a-z]+=/i);
  });

  it('gives the body as plain text, block by block, for the figure checker', () => {
    expect(render('Первый абзац.\n\n- пункт один\n- пункт два').text).toBe('Первый абзац.\nпункт один\nпункт два');
  });
});

describe('escaping plain text', () => {
  const tricky = [
    'Бюджет {2013} <в тыс. руб.> & «ещё» *не* _курсив_ `код` [ссылка](x) ![img](y) # | ~ \\ !',
    '# не заголовок',
    '> не цитата',
    '1. не список',
    '+ не список',
    '===',
    '<!-- не комментарий -->',
    '<script>alert(1)</script>',
    "{process.getBuiltinModule('node:fs').writeFileSync('/tmp/x', 'x')}",
    '&#106;avascript:alert(1) &amp;',
    'import fs from "node:fs"',
    'export const a = 1',
  ];
  it.each(tricky)('keeps «%s» as text', (line) => {
    const result = renderSafeMdx(escapeMdxText(line));
    expect(result.violations).toEqual([]);
    expect(result.text).toBe(line);
  });

  it('keeps paragraphs and lists', () => {
    const mdx = blocksToMdx(textToBlocks('Абзац один.\nАбзац {два}.\n- пункт <один>\n- пункт два\n\nАбзац три.'));
    expect(renderSafeMdx(mdx).text).toBe('Абзац один.\nАбзац {два}.\nпункт <один>\nпункт два\nАбзац три.');
  });
});
