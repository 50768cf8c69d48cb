import { describe, expect, it } from 'vitest';
import { cleanIds, compareHref, parseSelection, parseStored, toggleId, MAX_COMPARED } from '../../src/lib/compare/selection.ts';

describe('the compare selection', () => {
  it('reads ?p= as distinct practice ids, dropping junk', () => {
    expect(parseSelection('?p=irkutsk/learning-city,primersk/resource-centre,irkutsk/learning-city')).toEqual(['irkutsk/learning-city', 'primersk/resource-centre']);
    expect(parseSelection('?p=irkutsk%2Flearning-city&p=a/b')).toEqual(['irkutsk/learning-city', 'a/b']);
    expect(parseSelection('?p=<script>,../etc,nocity')).toEqual([]);
    expect(cleanIds([1, null, ' a/b/ '])).toEqual(['a/b']);
  });

  it('writes a link that reads back to the same choice', () => {
    const ids = ['testograd/resource-centres', 'primersk/resource-centre'];
    const href = compareHref('/compare/', ids);
    expect(href).toBe('/compare/?p=testograd/resource-centres,primersk/resource-centre');
    expect(parseSelection(href.slice(href.indexOf('?')))).toEqual(ids);
    expect(compareHref('/compare/', [])).toBe('/compare/');
  });

  it('holds at most four and tolerates a broken store', () => {
    let ids: string[] = [];
    for (const id of ['a/1', 'a/2', 'a/3', 'a/4']) ids = toggleId(ids, id).ids;
    expect(toggleId(ids, 'a/5')).toEqual({ ids, change: 'full' });
    expect(toggleId(ids, 'a/2')).toEqual({ ids: ['a/1', 'a/3', 'a/4'], change: 'removed' });
    expect(ids).toHaveLength(MAX_COMPARED);
    expect(parseStored('{not json')).toEqual([]);
    expect(parseStored(JSON.stringify(['a/1', 'a/2', 'a/3', 'a/4', 'a/5']))).toHaveLength(MAX_COMPARED);
  });
});
