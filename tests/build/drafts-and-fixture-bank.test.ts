/**
 * A fixture bank of several synthetic cities built through the real pipeline: drafts stay
 * unpublished, and a folder of another bank is never mixed into the published site.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBank } from '../helpers/shared-bank.ts';
import { publishedDist } from '../helpers/paths.ts';
import { readPage, textOf } from '../helpers/html.ts';

let dist = '';

beforeAll(() => {
  dist = sharedBank('multi-city').dist;
});

describe('drafts', () => {
  it('are not published: no page, no mention anywhere in the built site', () => {
    const files = globSync('**/*.{html,xml,json,csv,txt}', { cwd: dist });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(resolve(dist, file), 'utf8');
      expect(text, file).not.toContain('Черновик практики Тестограда');
      expect(text, file).not.toContain('draft-practice');
    }
  });

  it('the published practices of the fixture bank all have pages', () => {
    for (const id of ['testograd/resource-centres', 'testograd/volunteer-lessons', 'primersk/resource-centre', 'obrazcovsk/good-deeds-contest']) {
      expect(textOf(readPage(dist, `/practices/${id}/`).document.querySelector('h1'))).not.toBe('');
    }
  });

  it('counts practices with Russian plural forms', () => {
    expect(textOf(readPage(dist, '/practices/').document.querySelector('main'))).toMatch(/4 практики/);
  });
});

describe('the published site', () => {
  it('never contains the synthetic fixture cities', () => {
    for (const file of globSync('**/*.html', { cwd: publishedDist })) {
      expect(readFileSync(resolve(publishedDist, file), 'utf8'), file).not.toMatch(/Тестоград|Примерск|Образцовск/);
    }
  });
});
