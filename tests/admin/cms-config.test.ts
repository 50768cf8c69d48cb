/**
 * The admin's configuration is generated from the zod schemas: every field of every collection
 * appears, with its Russian label, type, bounds and choices; a field added to a copy of a schema,
 * or a new metric kind, appears without anything else written; the result is valid for the CMS
 * by the CMS's own JSON Schema; and the body editor offers exactly the project's components,
 * whose blocks the safe-MDX renderer accepts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { adminCollections } from '../../src/lib/admin/collections.ts';
import { BODY_BUTTONS, cmsConfig, editorComponents, type AdminCollection, type AdminSettings, type CmsField } from '../../src/lib/admin/cms-config.ts';
import { editorComponentDefinitions } from '../../src/lib/admin/editor-components.ts';
import { adminSettings } from '../../src/lib/admin/settings.ts';
import { ru } from '../../src/i18n/ru.ts';
import { CONTENT_COMPONENTS } from '../../src/lib/content/components.ts';
import { renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { citySchema, knownRef, metricSchema, practiceSchema, synonymsSchema, topicSchema, type KnownIds } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { METRIC_KINDS } from '../../src/lib/content/vocabulary-values.ts';
import { projectRoot } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';
import { readBank } from '../helpers/content-bank.ts';

const known: KnownIds = readKnownIds(resolve(projectRoot, 'content'));
const entries = { submissions: [...known.submissions].map((id) => ({ id, label: `Материал ${id}` })) };
const settings: AdminSettings = adminSettings({ REPOSITORY_URL: 'https://github.com/asdg/practice-bank', REPOSITORY_BRANCH: 'main' }, new URL('https://asdg.example.org/'), entries);

type Collection = { name: string; folder: string; path?: string; extension: string; format: string; fields: CmsField[]; files?: { name: string; file: string; format: string; fields: CmsField[] }[] };
const collectionsOf = (config: Record<string, unknown>) => config.collections as Collection[];
/** A collection by name; a single-file collection is read as its one file (its fields and path). */
const collection = (config: Record<string, unknown>, name: string): Collection => {
  const found = present(collectionsOf(config).find((c) => c.name === name), `collection ${name}`);
  return found.files ? { ...found, ...present(found.files[0], `${name}: file`), folder: '' } as Collection : found;
};
const field = (fields: CmsField[], path: string): CmsField => {
  const [head, ...rest] = path.split('.');
  const found = fields.find((f) => f.name === head);
  if (!found) throw new Error(`нет поля ${path}`);
  return rest.length ? field((found.fields as CmsField[]) ?? [], rest.join('.')) : found;
};

/** Every field path of a zod object schema, nested objects and lists of objects included. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  let s = schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } };
  while (['optional', 'default', 'nullable'].includes(s._zod.def.type)) s = s._zod.def.innerType as typeof s;
  if (s._zod.def.type === 'array') return schemaPaths(s._zod.def.element as z.ZodType, prefix);
  if (s._zod.def.type !== 'object') return [];
  return Object.entries(s._zod.def.shape as Record<string, z.ZodType>).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [path, ...schemaPaths(child, path)];
  });
}

/** The same paths, read from the generated CMS fields. */
function configPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...configPaths((f.fields as CmsField[] | undefined) ?? [], path)];
  });
}

describe('the generated admin configuration', () => {
  const config = cmsConfig(adminCollections(known), settings);

  it('is valid by the CMS’s own JSON Schema (node_modules/@sveltia/cms/schema)', () => {
    const schema = JSON.parse(readFileSync(resolve(projectRoot, 'node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    const valid = ajv.validate(schema, config);
    expect(valid, JSON.stringify(ajv.errors?.slice(0, 5))).toBe(true);
  });

  it('uses the GitHub backend with the editorial workflow, on the repository of REPOSITORY_URL', () => {
    expect(config.backend).toMatchObject({ name: 'github', repo: 'asdg/practice-bank', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    const other = cmsConfig(adminCollections(known), adminSettings({ REPOSITORY_URL: 'https://github.com/city/bank.git', REPOSITORY_BRANCH: 'live' }, undefined, entries));
    expect(other.backend).toMatchObject({ repo: 'city/bank', branch: 'live' });
  });

  it.each(adminCollections(known).map((c) => [c.name, c] as const))('%s: lists every schema field, nested ones included', (name, spec) => {
    const generated = collection(config, name);
    const paths = configPaths(generated.fields);
    for (const path of schemaPaths(spec.schema)) expect(paths, path).toContain(path);
    // Nothing invented: the only field beyond the schema is the body of an MDX file.
    const extra = paths.filter((p) => !schemaPaths(spec.schema).includes(p));
    expect(extra).toEqual(spec.format === 'mdx' ? ['body'] : []);
  });

  it('lays files out as the bank does', () => {
    expect(collection(config, 'practices')).toMatchObject({ folder: 'content/practices', path: '{{city}}/{{slug}}', extension: 'mdx', format: 'yaml-frontmatter' });
    expect(collection(config, 'submissions')).toMatchObject({ folder: 'content/submissions', path: '{{city}}/{{year}}-{{slug}}', extension: 'mdx' });
    expect(collection(config, 'cities')).toMatchObject({ folder: 'content/cities', extension: 'yaml', format: 'yaml' });
    expect(collection(config, 'topics')).toMatchObject({ folder: 'content/topics', extension: 'yaml' });
  });

  it('takes labels and hints from the Russian .describe() of each field', () => {
    const practices = collection(config, 'practices').fields;
    expect(field(practices, 'title').label).toBe('Название практики');
    expect(field(practices, 'endYear')).toMatchObject({ label: 'Год окончания', hint: expect.stringContaining('пусто, пока практика идёт') });
    expect(field(practices, 'metrics.value').hint).toContain('1000 для «1000 тысяч рублей»');
    expect(field(collection(config, 'cities').fields, 'name.genitive').label).toBe('Название в родительном падеже');
  });

  it('gives practices typed metrics, relations, choices, years and dates', () => {
    const practices = collection(config, 'practices').fields;
    const metrics = field(practices, 'metrics');
    expect(metrics).toMatchObject({ widget: 'list', required: false });
    expect(field(practices, 'metrics.kind')).toMatchObject({ widget: 'select' });
    expect((field(practices, 'metrics.kind').options as { value: string }[]).map((o) => o.value)).toEqual([...METRIC_KINDS]);
    expect(field(practices, 'metrics.kind').options).toContainEqual({ label: 'Призовой фонд (prize-fund)', value: 'prize-fund' });
    expect(field(practices, 'metrics.qualifier')).toMatchObject({ widget: 'select', default: 'exact', required: false });
    expect(field(practices, 'metrics.value')).toMatchObject({ widget: 'number', value_type: 'float', min: 0 });
    expect(field(practices, 'metrics.year')).toMatchObject({ widget: 'number', value_type: 'int', min: 1986, max: 2100 });
    expect(field(practices, 'city')).toMatchObject({ widget: 'relation', collection: 'cities', value_field: '{{slug}}' });
    expect(field(practices, 'topics')).toMatchObject({ widget: 'relation', collection: 'topics', multiple: true, min: 1, max: 5 });
    // Submissions live in city folders: their ids are offered as they exist, drafts excluded.
    const submission = field(practices, 'submission');
    expect(submission).toMatchObject({ widget: 'select' });
    const offered = submission.options as { value: string; label: string }[];
    expect(offered.map((o) => o.value).sort()).toEqual(readBank(resolve(projectRoot, 'content')).submissions.map((s) => s.id).sort());
    for (const option of offered) expect(option.label, option.value).toContain('Материал');
    expect(field(practices, 'status').options).toContainEqual({ label: 'реализуется (active)', value: 'active' });
    expect(field(practices, 'summary')).toMatchObject({ widget: 'text', maxlength: 300 });
    expect(field(practices, 'programme')).toMatchObject({ widget: 'object', required: false });
    expect(field(practices, 'programme.startYear')).toMatchObject({ widget: 'number', value_type: 'int' });
    expect(field(practices, 'contact.email')).toMatchObject({ widget: 'string', type: 'email', required: false });
    expect(field(practices, 'contact.website')).toMatchObject({ type: 'url' });
    expect(field(practices, 'published')).toMatchObject({ widget: 'datetime', time_format: false, format: 'YYYY-MM-DD' });
    expect(field(practices, 'partners')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
  });

  it('never writes an empty optional field (an empty e-mail would fail the schema)', () => {
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
  });

  it('shows a field added to a copy of the schema, and a new metric kind, with nothing else written', () => {
    const kinds = [...METRIC_KINDS, 'trees-planted'] as const;
    const metricCopy = metricSchema.extend({ kind: z.enum(kinds).describe('Что считается (вид показателя из закрытого списка)') });
    // A copy with the same fields plus new ones (the cross-field refinements do not matter here).
    const copy = z.strictObject({
      ...practiceSchema(known).shape,
      /** A field that does not exist in the bank. */
      audience: z.string().optional().describe('Для кого практика: «пенсионеры»'),
      reviewed: z.boolean().describe('Проверено редактором'),
      mentors: z.array(knownRef('cities', known)).describe('Города-наставники'),
      metrics: z.array(metricCopy).default([]).describe('Показатели'),
    });
    const specs: AdminCollection[] = adminCollections(known).map((c) => (c.name === 'practices' ? { ...c, schema: copy } : c));
    const fields = collection(cmsConfig(specs, settings), 'practices').fields;
    expect(field(fields, 'audience')).toMatchObject({ widget: 'string', label: 'Для кого практика', hint: 'Для кого практика: «пенсионеры»', required: false });
    expect(field(fields, 'reviewed')).toMatchObject({ widget: 'boolean', label: 'Проверено редактором' });
    expect(field(fields, 'mentors')).toMatchObject({ widget: 'relation', collection: 'cities', multiple: true });
    expect((field(fields, 'metrics.kind').options as { value: string }[]).map((o) => o.value)).toContain('trees-planted');
    // The original schema is untouched.
    expect(configPaths(collection(config, 'practices').fields)).not.toContain('audience');
  });

  it('adds a collection from one entry with its schema', () => {
    const synonyms = z.strictObject({
      /** A word readers type. */
      term: z.string().describe('Слово, которое вводят читатели'),
      /** Words it also finds. */
      synonyms: z.array(z.string()).min(1).describe('Слова, которые оно тоже находит'),
    });
    const specs: AdminCollection[] = [...adminCollections(known), { name: 'glossary', label: 'Словарь', labelSingular: 'слово', folder: 'glossary', format: 'yaml', schema: synonyms }];
    const generated = collection(cmsConfig(specs, settings), 'glossary');
    expect(generated).toMatchObject({ folder: 'content/glossary', extension: 'yaml' });
    expect(field(generated.fields, 'synonyms')).toMatchObject({ widget: 'list', min: 1, label: 'Слова, которые оно тоже находит' });
  });

  it('edits the synonyms file as one file, with the fields of its schema', () => {
    const raw = present(collectionsOf(config).find((c) => c.name === 'synonyms'), 'collection synonyms');
    // A «file» collection: one form for content/synonyms.yaml, no folder of entries to create.
    expect(raw).not.toHaveProperty('folder');
    expect(raw).not.toHaveProperty('create');
    expect(raw.files).toHaveLength(1);
    const file = present(raw.files?.[0], 'synonyms: file');
    expect(file).toMatchObject({ file: 'content/synonyms.yaml', format: 'yaml' });
    const fields = file.fields;
    expect(configPaths(fields)).toEqual(schemaPaths(synonymsSchema));
    expect(field(fields, 'groups')).toMatchObject({ widget: 'list', label: 'Группы синонимов и сокращений для поиска' });
    expect(field(fields, 'groups.terms')).toMatchObject({ widget: 'list', min: 2, field: { widget: 'string', maxlength: 120 } });
    expect(field(fields, 'groups.note')).toMatchObject({ required: false, maxlength: 300 });
  });

  it('names the field when a schema uses a type the admin cannot edit', () => {
    const odd = z.strictObject({ shape: z.union([z.string(), z.number()]).describe('Что-то') });
    const specs: AdminCollection[] = [{ name: 'odd', label: 'x', labelSingular: 'x', folder: 'odd', format: 'yaml', schema: odd }];
    expect(() => cmsConfig(specs, settings)).toThrow(/shape: тип поля «union»/);
  });

  it('leaves cities and topics as plain schemas (no references) and still lists them', () => {
    expect(configPaths(collection(config, 'cities').fields)).toEqual(expect.arrayContaining(schemaPaths(citySchema)));
    expect(configPaths(collection(config, 'topics').fields)).toEqual(schemaPaths(topicSchema));
  });
});

describe('the body editor', () => {
  const config = cmsConfig(adminCollections(known), settings);
  const body = field(collection(config, 'practices').fields, 'body');

  it('offers the project’s components and no heading of level 1, image or code block', () => {
    expect(body.widget).toBe('markdown');
    expect(body).toMatchObject({ label: ru.admin.bodyLabel, hint: ru.admin.bodyHint });
    expect(body.editor_components).toEqual(Object.keys(CONTENT_COMPONENTS).map((n) => n.toLowerCase()));
    expect(body.buttons).toEqual([...BODY_BUTTONS]);
    expect(body.buttons).not.toContain('heading-one');
    expect(body.buttons).not.toContain('code-block');
    expect(body.editor_components).not.toContain('image');
  });

  const definitions = editorComponentDefinitions(editorComponents()) as {
    id: string;
    pattern: RegExp;
    fromBlock(m: RegExpMatchArray): Record<string, string>;
    toBlock(d: Record<string, unknown>): string;
    fields: { name: string; widget: string; options?: readonly string[]; required: boolean }[];
  }[];

  it.each([
    ['callout', { type: 'important', title: 'Что уточнить «в городе»', body: 'Текст **блока** и "кавычки".' }],
    ['callout', { type: 'note', body: 'Без заголовка.' }],
    ['quote', { source: 'Отчёт администрации Иркутска, 2013', body: 'за год проведено 657 мероприятий' }],
  ])('%s: the block it writes passes the safe-MDX rules and reads back the same', (id, data) => {
    const definition = present(definitions.find((d) => d.id === id), `editor component ${id}`);
    const block = definition.toBlock(data);
    const rendered = renderSafeMdx(`Абзац до.\n\n${block}\n\nАбзац после.\n`);
    expect(rendered.violations).toEqual([]);
    expect(rendered.html).toContain(id === 'quote' ? '<figure class="quote">' : `callout--${String((data as { type: string }).type)}`);
    const match = present(block.match(definition.pattern), `${id}: the block read back`);
    expect(definition.fromBlock(match)).toEqual(data);
  });

  it('reads the components of the bank’s own files', () => {
    const file = readFileSync(resolve(projectRoot, 'content/practices/irkutsk/grandma-courses.mdx'), 'utf8');
    const callout = present(definitions.find((d) => d.id === 'callout'), 'editor component callout');
    const match = present(file.match(callout.pattern), 'grandma-courses.mdx: a Callout');
    expect(callout.fromBlock(match)).toMatchObject({ type: 'note', body: expect.stringContaining('Материал города не описывает') });
  });

  it('offers the attribute choices the components declare', () => {
    const callout = present(definitions.find((d) => d.id === 'callout'), 'editor component callout');
    expect(callout.fields.find((f) => f.name === 'type')).toMatchObject({ widget: 'select', options: ['note', 'important', 'tip'] });
    const quote = present(definitions.find((d) => d.id === 'quote'), 'editor component quote');
    expect(quote.fields.find((f) => f.name === 'source')).toMatchObject({ widget: 'string', required: true });
  });
});
