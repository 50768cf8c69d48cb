/**
 * The configuration of the editors' admin (Sveltia CMS at /admin/), derived from the zod schemas
 * of the content model, so a field added to `schema.ts` — or a new metric kind in the
 * vocabulary — appears in the admin without being written a second time.
 *
 * A pure function of the schema objects and a few settings: no file is read here, which lets a
 * test hand it a modified copy of a schema and see the change come out.
 */
import type { z } from 'astro/zod';
import { referenceTargets, type CollectionName } from '../content/schema.ts';
import { CONTENT_COMPONENTS, type ContentComponent } from '../content/components.ts';

/** One collection of the bank as the admin shows it. */
export interface AdminCollection {
  /** Collection name, as in `src/content.config.ts`. */
  name: string;
  /** Plural label in the admin's sidebar. */
  label: string;
  /** Singular label: «Новая практика». */
  labelSingular: string;
  /** Folder under the content root: `practices`. */
  folder: string;
  /**
   * A single file under the content root (`synonyms.yaml`) instead of a folder of entries: the
   * CMS's «file» collection, one form for the whole file; `folder` is then unused.
   */
  file?: string;
  /** `mdx`: YAML frontmatter and a body; `yaml`: a data file. */
  format: 'mdx' | 'yaml';
  schema: z.ZodType;
  /**
   * A field whose value names the sub-folder of each entry (`practices/<city>/<slug>.mdx`), and
   * an optional prefix of the file name made of fields (`{{year}}-`).
   */
  path?: { folderField: string; fileNamePrefix?: string };
  /** Fields shown as multi-line text areas (a presentation choice; the schema has no such notion). */
  multiline?: readonly string[];
  /** Field shown as the entry's title in lists; `title` by default. */
  identifierField?: string;
  /** One line under each entry in the list, with `{{field}}` tags. */
  summary?: string;
}

export interface AdminSettings {
  /** `https://github.com/<owner>/<repo>` (REPOSITORY_URL). */
  repositoryUrl: string;
  /** The branch pull requests go to (REPOSITORY_BRANCH). */
  branch: string;
  /** The content folder, relative to the repository root. */
  contentDir: string;
  /** The published site's address, for the admin's «open the site» link. */
  siteUrl?: string;
  /** Russian labels of closed vocabularies, matched to an enum by its set of values. */
  enumLabels?: readonly Record<string, string>[];
  /** An OAuth endpoint of the association's own (sveltia-cms-auth); without it, editors sign in with a token. */
  authBaseUrl?: string;
  /**
   * Entries that exist, by collection: the choices of a reference to a nested collection
   * (`submissions`), whose ids the CMS's relation widget cannot store.
   */
  entries?: Partial<Record<string, readonly { id: string; label: string }[]>>;
  /** The admin's name on its sign-in screen. */
  appTitle?: string;
  /** Label and hint of the body editor of MDX collections. */
  bodyLabel?: string;
  bodyHint?: string;
}

/** A field of the CMS configuration (Sveltia CMS / Decap CMS widget options). */
export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string }; parent?: AnySchema } };

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def;
}

/** The `.describe()` text, looked up through wrappers and clones. */
function descriptionOf(schema: AnySchema): string | undefined {
  for (let s: AnySchema | undefined = schema; s; s = s._zod.parent) {
    if (s.description) return s.description;
  }
  return undefined;
}

/** The collection a reference field points to, if it is one (registered by `knownRef`). */
function referenceOf(schema: AnySchema): CollectionName | undefined {
  for (let s: AnySchema | undefined = schema; s; s = s._zod.parent) {
    const target = referenceTargets.get(s);
    if (target) return target.collection;
  }
  return undefined;
}

interface Checks {
  min?: number;
  max?: number;
  integer: boolean;
  format?: string;
  pattern?: RegExp;
}

function checksOf(schema: AnySchema): Checks {
  const out: Checks = { integer: false };
  const format = def(schema).format;
  if (typeof format === 'string') out.format = format;
  for (const check of (def(schema).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = check._zod.def;
    switch (d.check) {
      case 'min_length':
        out.min = d.minimum as number;
        break;
      case 'max_length':
        out.max = d.maximum as number;
        break;
      case 'greater_than':
        out.min = (d.value as number) + (d.inclusive ? 0 : 1);
        break;
      case 'less_than':
        out.max = (d.value as number) - (d.inclusive ? 0 : 1);
        break;
      case 'number_format':
        if (/int/.test(String(d.format))) out.integer = true;
        break;
      case 'string_format':
        if (d.format === 'regex') out.pattern = d.pattern as RegExp;
        else out.format = String(d.format);
        break;
    }
  }
  return out;
}

/** Strips optional/default/nullable wrappers; says whether the field may be left out. */
function unwrap(schema: AnySchema): { inner: AnySchema; required: boolean; defaultValue?: unknown } {
  let inner = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const d = def(inner);
    if (d.type === 'optional' || d.type === 'nullable') required = false;
    else if (d.type === 'default' || d.type === 'prefault') {
      // A field with a default may be left out of the file: the schema fills it in.
      required = false;
      defaultValue = typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    } else break;
    inner = d.innerType as AnySchema;
  }
  return { inner, required, defaultValue };
}

/** «Город, который её реализовал (…)» → label «Город», hint the whole sentence. */
function labelAndHint(name: string, description: string | undefined): { label: string; hint?: string } {
  if (!description) return { label: name };
  const label = (description.split(/[:;]| \(| —/)[0] ?? '').trim() || description;
  return label === description ? { label } : { label, hint: description };
}

function enumOptions(values: readonly string[], labels: readonly Record<string, string>[]): { label: string; value: string }[] {
  const set = new Set(values);
  const dictionary = labels.find((l) => Object.keys(l).length === set.size && Object.keys(l).every((k) => set.has(k)));
  return values.map((value) => {
    const label = dictionary?.[value];
    return { label: label ? `${label} (${value})` : value, value };
  });
}

interface FieldContext {
  settings: AdminSettings;
  multiline: ReadonlySet<string>;
  collections: ReadonlyMap<string, AdminCollection>;
}

function relationField(base: { name: string; label: string; hint?: string }, collection: string, ctx: FieldContext, extra: Record<string, unknown>): CmsField {
  const target = ctx.collections.get(collection);
  if (target?.path) {
    // An entry of a nested collection has the id `<folder>/<file>` (`irkutsk/2013-…`), which
    // the CMS's relation widget cannot store: its value templates know only the file's own
    // slug and field values (and show a related city by its label, a year as «2 013»). So the
    // choice is among the entries that exist at build, by id — drafts are not among them.
    const entries = ctx.settings.entries?.[collection];
    if (!entries) throw new Error(`${base.name}: для ссылки на «${collection}» нужен список записей (settings.entries.${collection})`);
    const { multiple, min, max } = extra as { multiple?: boolean; min?: number; max?: number };
    return {
      ...base,
      widget: 'select',
      options: entries.map((e) => ({ label: e.label === e.id ? e.id : `${e.label} (${e.id})`, value: e.id })),
      ...(multiple ? { multiple, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } : {}),
    };
  }
  const display = target?.identifierField ?? (target?.format === 'mdx' || collection === 'questionnaires' ? 'title' : 'name');
  return {
    ...base,
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [display],
    display_fields: [display],
    ...extra,
  };
}

/** One zod schema → one CMS field. Throws, naming the field, on a type the admin cannot edit. */
function fieldFor(name: string, schema: z.ZodType, ctx: FieldContext, path = name): CmsField {
  const { inner, required, defaultValue } = unwrap(schema as AnySchema);
  const { label, hint } = labelAndHint(name, descriptionOf(schema as AnySchema) ?? descriptionOf(inner));
  const base: Record<string, unknown> & { name: string; label: string } = { name, label, ...(hint ? { hint } : {}) };
  if (!required) base.required = false;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) base.default = defaultValue;

  const reference = referenceOf(inner);
  if (reference) return relationField(base, reference, ctx, {});

  const d = def(inner);
  const checks = checksOf(inner);
  switch (d.type) {
    case 'string': {
      const long = ctx.multiline.has(path) || (checks.max ?? 0) >= 200;
      const field: CmsField = { ...base, widget: long ? 'text' : 'string' };
      if (checks.format === 'email') field.type = 'email';
      if (checks.format === 'url') field.type = 'url';
      if (checks.max !== undefined) field.maxlength = checks.max;
      if (checks.pattern) field.pattern = [checks.pattern.source, `ожидается: ${checks.pattern.source}`];
      return field;
    }
    case 'number': {
      const field: CmsField = { ...base, widget: 'number', value_type: checks.integer ? 'int' : 'float' };
      if (checks.min !== undefined) field.min = checks.min;
      if (checks.max !== undefined && Number.isFinite(checks.max)) field.max = checks.max;
      return field;
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'date':
      // Stored as a plain YAML date (2026-11-24): the schema coerces it.
      return { ...base, widget: 'datetime', time_format: false, format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY' };
    case 'enum': {
      const values = Object.values(d.entries as Record<string, string>);
      return { ...base, widget: 'select', options: enumOptions(values, ctx.settings.enumLabels ?? []) };
    }
    case 'object':
      return { ...base, widget: 'object', fields: fieldsFor(inner, ctx, path) };
    case 'array': {
      const element = d.element as AnySchema;
      const target = referenceOf(unwrap(element).inner);
      const bounds: Record<string, unknown> = {};
      if (checks.min !== undefined) bounds.min = checks.min;
      if (checks.max !== undefined) bounds.max = checks.max;
      if (target) return relationField(base, target, ctx, { multiple: true, ...bounds });
      const inner = unwrap(element).inner;
      if (def(inner).type === 'object') {
        return { ...base, widget: 'list', fields: fieldsFor(inner, ctx, path), ...bounds };
      }
      const single = fieldFor(name, element, ctx, path);
      return { ...base, widget: 'list', field: { ...single, label: base.label }, ...bounds };
    }
    default:
      throw new Error(`${path}: тип поля «${d.type}» не поддерживается редактором /admin/; добавьте его в src/lib/admin/cms-config.ts`);
  }
}

function fieldsFor(schema: AnySchema, ctx: FieldContext, prefix?: string): CmsField[] {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type !== 'object') throw new Error(`${prefix ?? 'схема'}: ожидается объект, а не «${d.type}»`);
  return Object.entries(d.shape as Record<string, z.ZodType>).map(([name, field]) =>
    fieldFor(name, field, ctx, prefix ? `${prefix}.${name}` : name),
  );
}

/** The editor components of the body: the project's own, with their attributes. */
export interface EditorComponentSpec {
  id: string;
  name: string;
  label: string;
  attributes: { name: string; label: string; required: boolean; values?: readonly string[] }[];
}

export function editorComponents(components: Record<string, ContentComponent> = CONTENT_COMPONENTS): EditorComponentSpec[] {
  return Object.entries(components).map(([name, component]) => ({
    id: name.toLowerCase(),
    name,
    label: `${name}: ${component.description}`,
    attributes: Object.entries(component.attributes).map(([attribute, spec]) => ({
      name: attribute,
      label: `${attribute} — ${spec.description}`,
      required: spec.required ?? false,
      ...(spec.values ? { values: spec.values } : {}),
    })),
  }));
}

/**
 * Toolbar buttons of the body editor. Headings start at level 2 (level 1 is the page title and
 * the safe-MDX rules refuse it); no code blocks, images or raw HTML, which the rules refuse or
 * the bank does not use.
 */
export const BODY_BUTTONS = ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'heading-four', 'quote', 'bulleted-list', 'numbered-list'] as const;

function ownerAndRepo(url: string): string {
  const match = /^https:\/\/[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  if (!match) throw new Error(`REPOSITORY_URL «${url}»: ожидается адрес вида https://github.com/<владелец>/<репозиторий>`);
  return `${match[1]}/${match[2]}`;
}

/** The whole configuration object handed to `CMS.init({ config })`. */
export function cmsConfig(collections: readonly AdminCollection[], settings: AdminSettings): Record<string, unknown> {
  const byName = new Map(collections.map((c) => [c.name, c]));
  const components = editorComponents();
  const backend: Record<string, unknown> = {
    name: 'github',
    repo: ownerAndRepo(settings.repositoryUrl),
    branch: settings.branch,
    commit_messages: {
      create: 'Новая запись {{collection}}: «{{slug}}»',
      update: 'Правка {{collection}}: «{{slug}}»',
      delete: 'Удаление {{collection}}: «{{slug}}»',
    },
  };
  if (settings.authBaseUrl) backend.base_url = settings.authBaseUrl;
  return {
    load_config_file: false,
    backend,
    // One pull request per entry: the editors' review is the pull request.
    publish_mode: 'editorial_workflow',
    ...(settings.appTitle ? { app_title: settings.appTitle } : {}),
    ...(settings.siteUrl ? { site_url: settings.siteUrl, display_url: settings.siteUrl } : {}),
    // Images are not offered; the folder is still required by the CMS.
    media_folder: 'public/media',
    public_folder: '/media',
    // An optional field left empty is left out of the file, never written as '' (which
    // would fail the schema, e.g. an empty e-mail).
    output: { omit_empty_optional_fields: true },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: collections.map((collection) => {
      const ctx: FieldContext = { settings, multiline: new Set(collection.multiline ?? []), collections: byName };
      const fields = fieldsFor(collection.schema as AnySchema, ctx);
      if (collection.file) {
        return {
          name: collection.name,
          label: collection.label,
          files: [
            {
              name: collection.name,
              label: collection.label,
              file: `${settings.contentDir}/${collection.file}`.replace(/\/+/g, '/'),
              format: 'yaml',
              fields,
            },
          ],
        };
      }
      const folder = `${settings.contentDir}/${collection.folder}`.replace(/\/+/g, '/');
      const out: Record<string, unknown> = {
        name: collection.name,
        label: collection.label,
        label_singular: collection.labelSingular,
        folder,
        create: true,
        extension: collection.format === 'mdx' ? 'mdx' : 'yaml',
        format: collection.format === 'mdx' ? 'yaml-frontmatter' : 'yaml',
        identifier_field: collection.identifierField ?? (fields.some((f) => f.name === 'title') ? 'title' : 'name'),
        // The file name is the entry's id: the editor types it (Latin letters), never derived
        // from a Russian title.
        slug: { editable: true },
        ...(collection.summary ? { summary: collection.summary } : {}),
        ...(collection.path
          ? { path: `{{${collection.path.folderField}}}/${collection.path.fileNamePrefix ?? ''}{{slug}}` }
          : {}),
        fields:
          collection.format === 'mdx'
            ? [
                ...fields,
                {
                  name: 'body',
                  label: settings.bodyLabel ?? 'body',
                  widget: 'markdown',
                  ...(settings.bodyHint ? { hint: settings.bodyHint } : {}),
                  buttons: [...BODY_BUTTONS],
                  editor_components: components.map((c) => c.id),
                  modes: ['rich_text', 'raw'],
                },
              ]
            : fields,
      };
      return out;
    }),
  };
}
