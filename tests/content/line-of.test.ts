/**
 * The checker names a field's line without parsing a file again when the file never writes the
 * field's name (src/lib/content/checks/entry-cache.ts); the line must be the parser's.
 */
import { describe, expect, it } from 'vitest';
import { lazyLineOf } from '../../src/lib/content/checks/entry-cache.ts';
import { parseFrontmatter, parseYaml } from '../../src/lib/content/frontmatter.ts';

const mdx = ['---', 'title: Ресурсный центр', 'contact:', '  organisation: Администрация', 'metrics:', '  - kind: events', '    value: 5', '---', '', 'Текст о programme.', ''].join('\n');
const noMetadata = 'Просто текст без метаданных.\n';
const yaml = ['name:', '  nominative: Тестоград', 'federalDistrict: siberia', ''].join('\n');
const paths: (readonly PropertyKey[])[] = [['title'], ['programme'], ['budget'], ['contact', 'person'], ['contact', 'organisation'], ['metrics', 0, 'value'], ['confirmed'], ['name', 'genitive'], ['federalDistrict']];

describe('lazyLineOf', () => {
  it.each([
    ['practice.mdx', mdx, (s: string) => parseFrontmatter(s).lineOf],
    ['\uFEFFwith-bom.mdx', `\uFEFF${mdx}`, (s: string) => parseFrontmatter(s).lineOf],
    ['bare.mdx', noMetadata, (s: string) => parseFrontmatter(s).lineOf],
    ['city.yaml', yaml, (s: string) => parseYaml(s).lineOf],
  ])('%s: every field, present or absent, on the parser’s line', (file, source, parsed) => {
    const full = parsed(source);
    const lines = paths.map((path) => lazyLineOf(file.replace('\uFEFF', ''), source)(path));
    expect(lines).toEqual(paths.map((path) => full(path)));
    // The case the shortcut answers, and one it must not (a word in the body is no field).
    expect(lazyLineOf('practice.mdx', mdx)(['budget'])).toBe(2);
    expect(lazyLineOf('practice.mdx', mdx)(['contact', 'person'])).toBe(3);
  });
});
