/**
 * The adoption trail on a rebuild that keeps the cache: the per-practice compare files
 * (/compare/p/<city>/<slug>.json) show the trail's practices («Взята у», «Повторили»), so when
 * the middle practice of the fixture chain Тестоград → Примерск → Образцовск is renamed, the
 * files of its source and of its adopter change too, although those two practices did not.
 * A practice outside the chain keeps its restored file. The first build is the shared
 * multi-city one (a private copy of its site and cache); this file builds only the rebuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto } from '../helpers/build-bank.ts';
import { sharedBankCopy } from '../helpers/shared-bank.ts';

const OLD_TITLE = 'Ресурсный центр Примерска';
const NEW_TITLE = 'Переименованный синтетический центр Примерска';

interface CompareFile {
  id: string;
  title: string;
  adaptedFrom?: { id: string; title: string };
  adoptedBy: { id: string; title: string }[];
}

let secondOutput = '';
let second = '';
const before = new Map<string, string>();
const compareFile = (dist: string, id: string) => readFileSync(resolve(dist, `compare/p/${id}.json`), 'utf8');

beforeAll(() => {
  const { content, dist, cache } = sharedBankCopy('multi-city', 'repeat-incremental');
  for (const id of ['testograd/resource-centres', 'obrazcovsk/good-deeds-contest', 'testograd/volunteer-lessons']) before.set(id, compareFile(dist, id));
  const file = resolve(content, 'practices/primersk/resource-centre.mdx');
  const source = readFileSync(file, 'utf8');
  expect(source).toContain(`title: ${OLD_TITLE}\n`);
  writeFileSync(file, source.replace(`title: ${OLD_TITLE}\n`, `title: ${NEW_TITLE}\n`));
  const rebuilt = buildInto(content, dist, cache);
  expect(rebuilt.status, rebuilt.output).toBe(0);
  second = rebuilt.dist;
  secondOutput = rebuilt.output;
}, 240_000);

describe('compare files after the middle of the adoption chain was renamed', () => {
  it('the source’s «Повторили» and the adopter’s «Взята у» name the new title', () => {
    const source = JSON.parse(compareFile(second, 'testograd/resource-centres')) as CompareFile;
    expect(source.adoptedBy.map((a) => [a.id, a.title])).toEqual([['primersk/resource-centre', NEW_TITLE]]);
    const adopter = JSON.parse(compareFile(second, 'obrazcovsk/good-deeds-contest')) as CompareFile;
    expect(adopter.adaptedFrom).toMatchObject({ id: 'primersk/resource-centre', title: NEW_TITLE });
    for (const id of ['testograd/resource-centres', 'obrazcovsk/good-deeds-contest']) {
      expect(before.get(id), id).toContain(OLD_TITLE);
      expect(compareFile(second, id), id).not.toContain(OLD_TITLE);
    }
  });

  it('a practice outside the chain is reused from the cache as it was', () => {
    expect(secondOutput).toMatch(/compare\/p\/testograd\/volunteer-lessons\.json \((cached|restored)\)/);
    expect(compareFile(second, 'testograd/volunteer-lessons')).toBe(before.get('testograd/volunteer-lessons'));
  });
});
