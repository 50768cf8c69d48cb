/**
 * Limits on every parser and importer: each one ends in a Russian message naming the file (and
 * for content, the line and rule), never a stack trace, however hostile the input. The corpus
 * test (corpus.test.ts) runs the same kinds through `npm run check` and the build; these are the
 * units behind them, with more cases of each kind.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, parseYaml, YAML_LIMITS } from '../../src/lib/content/frontmatter.ts';
import { MAX_NESTING, MAX_TAGS, renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { findFigures } from '../../src/lib/content/checks/figures.ts';
import { neutraliseCell, toCsv } from '../../src/lib/open-data/csv.ts';
import type { Column } from '../../src/lib/open-data/columns.ts';
import { readReport } from '../../src/lib/editorial/import-report.ts';
import { DOCX_LIMITS } from '../../src/lib/editorial/docx-limits.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const noEnglish = (message: string) => expect(message).not.toMatch(/stack|Excessive|Unexpected|Error|undefined/);

describe('YAML', () => {
  const aliasBombs = [
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    `p: &p x\nq: [${Array.from({ length: YAML_LIMITS.maxAliasCount + 5 }, () => '*p').join(', ')}]\n`,
    'm: &m {a: 1, b: 2}\nn: &n [*m, *m, *m, *m, *m, *m, *m, *m]\no: &o [*n, *n, *n, *n, *n, *n, *n, *n]\nr: [*o, *o, *o, *o, *o, *o, *o, *o]\n',
  ];
  it.each(aliasBombs.map((y, i) => [i, y]))('refuses alias bomb %i with a Russian message, without throwing', (_, yaml) => {
    const { errors, data } = parseYaml(yaml);
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/^ошибка YAML: слишком много ссылок-псевдонимов/) }]);
    expect(data).toEqual({});
  });

  it('accepts a few aliases, as a real file may use', () => {
    expect(parseYaml('a: &a x\nb: *a\nc: [*a, *a]\n')).toMatchObject({ errors: [], data: { a: 'x', b: 'x', c: ['x', 'x'] } });
  });

  it.each([
    ['flow', `x: ${'['.repeat(4000)}${']'.repeat(4000)}\n`],
    ['flow maps', `x: ${'{a: '.repeat(60)}1${'}'.repeat(60)}\n`],
    ['block', `x:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('')}${'  '.repeat(41)}v\n`],
  ])('refuses nesting deeper than the limit (%s), once, in Russian', (_, yaml) => {
    const { errors } = parseYaml(yaml);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^ошибка YAML: слишком глубокая вложенность/);
  });

  it.each([
    ['x: [1, 2\n', /не закрыта скобка|не хватает закрывающего знака/],
    ['a: 1\na: 2\n', /поле указано дважды/],
    ['a:\n\t- x\n', /табуляци|отступ|неожиданный/],
    ['a: "x\\q"\n', /обратной косой/],
  ])('translates the parser: %j', (yaml, pattern) => {
    const { errors } = parseYaml(yaml);
    expect(errors.map((e) => e.message).join('\n')).toMatch(pattern);
    for (const e of errors) noEnglish(e.message);
  });
});

describe('the frontmatter fence', () => {
  it.each([
    ['a tab after the closing fence', '---\ntitle: x\n---\t\n\nТекст.\n'],
    ['spaces after both fences', '---  \ntitle: x\n--- \t\n\nТекст.\n'],
    ['a BOM', '\uFEFF---\ntitle: x\n---\n\nТекст.\n'],
    ['a BOM and CRLF', '\uFEFF---\r\ntitle: x\r\n---\r\n\r\nТекст.\r\n'],
  ])('is found with %s, and the body starts after it', (_, source) => {
    const fm = parseFrontmatter(source);
    expect(fm.errors).toEqual([]);
    expect(fm.data).toEqual({ title: 'x' });
    expect(fm.body.trim()).toBe('Текст.');
    expect(fm.bodyLine).toBe(4);
  });
});

describe('nesting in the body', () => {
  it.each([
    ['quotes', `${'> '.repeat(3000)}x\n`],
    ['lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['components', `${'<Callout>'.repeat(800)}x${'</Callout>'.repeat(800)}\n`],
    ['inline tags', `${'<em>'.repeat(5000)}x${'</em>'.repeat(5000)}\n`],
    ['emphasis', `${'*'.repeat(30000)}x${'*'.repeat(30000)}\n`],
    ['links in quotes', `${'> '.repeat(200)}[x](/a)\n`],
  ])('refuses %s nested past the limit with mdx/nesting, never a stack overflow', (_, body) => {
    const result = renderSafeMdx(body);
    expect(result.violations).toEqual([{ line: expect.any(Number), rule: 'nesting', message: expect.stringContaining(`глубже ${MAX_NESTING}`) }]);
    expect(result.html).toBe('');
  });

  it.each([
    ['a megabyte of quote markers', '>'.repeat(1_000_000)],
    ['a megabyte of unclosed tags', '<b>'.repeat(300_000)],
    ['tags that never end', '<b '.repeat(300_000)],
  ])('refuses %s before the parser sees it', (_, body) => {
    expect(renderSafeMdx(body).violations.map((v) => v.rule)).toEqual(['nesting']);
  });

  it.each([
    ['inline tags on one line', '<b>x</b> '.repeat(MAX_TAGS + 1), 1],
    ['components, one per paragraph', '<Callout>x</Callout>\n\n'.repeat(MAX_TAGS + 1), 2 * MAX_TAGS + 1],
    ['self-closing breaks', 'строка<br />\n'.repeat(MAX_TAGS + 1), MAX_TAGS + 1],
  ])('refuses more than MAX_TAGS tags (%s) with mdx/too-many-tags at the line of the first one too many', (_, body, line) => {
    expect(renderSafeMdx(body).violations).toEqual([{ line, rule: 'too-many-tags', message: expect.stringContaining(`больше ${MAX_TAGS} тегов`) }]);
  });

  it('accepts as many tags as the limit', () => {
    expect(renderSafeMdx('<b>x</b> '.repeat(MAX_TAGS)).violations).toEqual([]);
  });

  it('accepts the few levels a report uses', () => {
    const body = '> цитата\n>\n> - пункт\n>   - подпункт <b><em>важно</em></b>\n';
    expect(renderSafeMdx(body).violations).toEqual([]);
  });
});

describe('task lists', () => {
  it('render as ballot-box characters, with no form control', () => {
    const { html: typeset, violations } = renderSafeMdx('- [ ] не сделано\n- [x] сделано\n');
    // Typography puts no-break spaces after short words; the characters are what is checked.
    const html = typeset.replace(/\u00a0/g, ' ');
    expect(violations).toEqual([]);
    expect(html).not.toContain('<input');
    expect(html).toContain('☐ не сделано');
    expect(html).toContain('☑ сделано');
  });

  it('an input written by hand is still refused', () => {
    expect(renderSafeMdx('<input type="checkbox" disabled />\n').violations.map((v) => v.rule)).toEqual(['forbidden-element']);
  });
});

describe('figures in a long text', () => {
  it('are found in text whose words and lines are very long (linear, not quadratic)', () => {
    const longWord = `${'а'.repeat(300_000)} 5 человек`;
    expect(findFigures(longWord).map((f) => f.value)).toEqual([5]);
    // A long «word» right before the figure: the old regex backtracked over it from every
    // position (40 000 characters took 19 s); the scan reads it once.
    const glued = `${'«'.repeat(200_000)}5 человек`;
    expect(findFigures(glued).map((f) => [f.value, f.phrase])).toEqual([[5, '5 человек']]);
    const manyNumbers = 'x 1 '.repeat(100_000);
    expect(findFigures(manyNumbers)).toHaveLength(100_000);
    const noStops = `${'слово '.repeat(100_000)}15 тысяч человек`;
    expect(findFigures(noStops)[0]?.phrase).toBe('слово слово слово слово 15 тысяч человек');
  });
});

describe('CSV cells (OWASP formula neutralisation)', () => {
  const column = (name: string, type: Column['type']): Column => ({ name, type, description: name, required: false, property: name, get: (r) => r[name] });

  it.each(['=1+1', '+7 (3952) 00-00-00', '-Синтетика', '@SUM(A1)', '\tтаб', '\rвозврат', '=HYPERLINK("https://evil.example","x")'])('prefixes %j in a text column', (cell) => {
    expect(neutraliseCell(cell, 'string')).toBe(`'${cell}`);
  });

  it('leaves negative numbers in numeric columns as numbers, and ordinary text alone', () => {
    expect(neutraliseCell('-12.5', 'number')).toBe('-12.5');
    expect(neutraliseCell('-3', 'integer')).toBe('-3');
    expect(neutraliseCell('-1+2', 'number')).toBe("'-1+2");
    expect(neutraliseCell('Иркутск', 'string')).toBe('Иркутск');
    expect(neutraliseCell("'=уже", 'string')).toBe("'=уже");
  });

  it('every cell toCsv writes, read back by csv-parse, starts with no formula character', () => {
    const columns = [column('text', 'string'), column('n', 'number'), column('list', 'list')];
    const csv = toCsv(columns, [
      { text: '=cmd', n: -5, list: ['@a', 'b'] },
      { text: '\tx', n: 3, list: ['-b'] },
    ]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { text: "'=cmd", n: '-5', list: "'@a | b" },
      { text: "'\tx", n: '3', list: "'-b" },
    ]);
  });
});

/** A zip archive written by hand, so a part can claim one size and inflate to another. */
function zip(parts: { name: string; data: Buffer; declared?: number; method?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const body = method === 8 ? deflateRawSync(part.data) : part.data;
    const name = Buffer.from(part.name);
    const size = part.declared ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('reading a Word report', () => {
  const big = DOCX_LIMITS.maxUncompressedBytes + 1024 * 1024;

  it.each([
    ['declares a huge document', () => zip([{ name: 'word/document.xml', data: Buffer.from('<x/>'), declared: big }])],
    ['lies about its size and inflates past the limit', () => zip([{ name: 'word/document.xml', data: Buffer.alloc(big, 0x20), declared: 100 }])],
    ['spreads the size over many parts', () => zip(Array.from({ length: 5 }, (_, i) => ({ name: `word/p${i}.xml`, data: Buffer.alloc(Math.ceil(big / 5), 0x20) })))],
  ])('refuses a .docx that %s before mammoth opens it', async (_, make) => {
    await expect(readReport('отчёт.docx', make())).rejects.toThrow(/^отчёт\.docx: после распаковки документ занял бы .* МБ, больше допустимых 64 МБ/);
  });

  it('refuses an archive with too many parts', async () => {
    const parts = Array.from({ length: DOCX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `p${i}`, data: Buffer.from('x'), method: 0 }));
    await expect(readReport('много.docx', zip(parts))).rejects.toThrow(/^много\.docx: в архиве \.docx 2001 частей/);
  });

  it.each([
    ['not a zip at all', Buffer.from('это не архив')],
    ['a zip without a Word document in it', zip([{ name: 'readme.txt', data: Buffer.from('x') }])],
    ['a zip with broken XML', zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types') }, { name: 'word/document.xml', data: Buffer.from('<w:document><') }])],
  ])('says in Russian, naming the file, that %s is not a readable .docx', async (_, content) => {
    const error = await readReport('отчёт.docx', content).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^отчёт\.docx: (файл не читается как документ Word|документ Word не читается)/);
  });
});

describe('npm run new with a long name', () => {
  const bank = resolve(testOut, 'editorial-limits/content');
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], { cwd: projectRoot, encoding: 'utf8', input: '', env: childEnv({ CONTENT_DIR: bank }) });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  it.each([81, 300, 5000])('refuses a %i-character slug with a clear error, writing nothing', (length) => {
    rmSync(bank, { recursive: true, force: true });
    cpSync(resolve(projectRoot, 'content'), bank, { recursive: true });
    const slug = 'a'.repeat(length);
    const practice = run(['practice', '--city', 'irkutsk', '--title', 'Синтетическая практика', '--topics', 'nko', '--start', '2013', '--submission', 'irkutsk/2013-public-engagement', '--slug', slug]);
    expect(practice.status).toBe(1);
    expect(practice.output).toContain(`--slug: имя файла — не длиннее 80 знаков (сейчас ${length})`);
    expect(practice.output).not.toMatch(/ENAMETOOLONG|\n\s+at /);
    const city = run(['city', '--slug', slug, '--nominative', 'Синтетград']);
    expect(city.status).toBe(1);
    expect(city.output).toContain('имя файла — не длиннее 80 знаков');
    expect(existsSync(resolve(bank, 'practices/irkutsk', `_${slug.slice(0, 200)}.mdx`))).toBe(false);
    expect(readFileSync(resolve(bank, 'cities/irkutsk.yaml'), 'utf8')).toContain('Иркутск');
  });
});
