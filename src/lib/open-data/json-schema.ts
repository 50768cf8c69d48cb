/**
 * JSON Schemas of the open-data records, generated from the zod schemas the content is checked
 * with (`src/lib/content/schema.ts`). The codebook on /data/ and `schema.json` both come from
 * here, so a field added to the content model appears in them without being written twice.
 */
import { z } from 'astro/zod';
import { citySchema, practiceSchema, topicSchema, type KnownIds } from '../content/schema.ts';
import { practiceDerivedSchema } from './derived.ts';

/** A JSON Schema node, as far as this module and the codebook read it. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  format?: string;
  [keyword: string]: unknown;
}

/**
 * Exported records carry two fields the content files do not: their id (the file's path under
 * its collection) and the absolute address of their page. Described here, once.
 */
const recordIdentitySchema = z.strictObject({
  id: z.string().describe('Идентификатор записи: путь файла в банке без расширения (у практики — «город/практика»)'),
  url: z.url().describe('Адрес страницы записи на сайте'),
});

/** The JSON Schema draft every document here targets (ajv's `ajv/dist/2020` reads it). */
const JSON_SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The JSON Schema of a record as exported. Two kinds of zod schema have no JSON equivalent as
 * they stand: dates, exported as `YYYY-MM-DD`, and references such as `city`, which the content
 * model transforms into `{ collection, id }` and the export writes back as the id the editor
 * typed, i.e. the input side of the transform.
 */
function exportedJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: (ctx) => {
      const type = ctx.zodSchema._zod.def.type;
      if (type === 'date') return { type: 'string', format: 'date' };
      // Replaced by the input side in `override` below, where the whole pipe is visible.
      if (type === 'transform') return 'any';
      return 'throw';
    },
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def;
      if (def.type === 'pipe' && def.out._zod.def.type === 'transform') {
        const { $schema: _drop, ...input } = z.toJSONSchema(def.in, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
        Object.assign(ctx.jsonSchema, input, ctx.jsonSchema.description ? { description: ctx.jsonSchema.description } : {});
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Prepends `id` and `url` to a record schema, keeping the field order of the content model. */
function withIdentity(record: JsonSchema): JsonSchema {
  const identity = exportedJsonSchema(recordIdentitySchema);
  return {
    ...record,
    properties: { ...identity.properties, ...record.properties },
    required: [...(identity.required ?? []), ...(record.required ?? [])],
  };
}

/** Appends the computed fields (open-data/derived.ts) after the content model's own. */
function withDerived(record: JsonSchema): JsonSchema {
  const derived = exportedJsonSchema(practiceDerivedSchema);
  return {
    ...record,
    properties: { ...record.properties, ...derived.properties },
    required: [...(record.required ?? []), ...(derived.required ?? [])],
  };
}

/**
 * The set of ids only feeds refinements, which JSON Schema does not carry, so the generated
 * schema is the same for any bank.
 */
const NO_IDS: KnownIds = { cities: new Set(), topics: new Set(), submissions: new Set(), questionnaires: new Set() };

interface RecordSchemas {
  practice: JsonSchema;
  city: JsonSchema;
  topic: JsonSchema;
}

export function recordSchemas(): RecordSchemas {
  return {
    practice: withDerived(withIdentity(exportedJsonSchema(practiceSchema(NO_IDS)))),
    city: withIdentity(exportedJsonSchema(citySchema)),
    topic: withIdentity(exportedJsonSchema(topicSchema)),
  };
}

/**
 * `schema.json`: validates `practices.json` (an array of practice records); the city and topic
 * records, which reach readers as CSV rows, are described under `$defs` for completeness.
 */
export function schemaDocument(schemaUrl: string, text: { title: string; description: string }): JsonSchema {
  const defs = recordSchemas();
  return {
    $schema: JSON_SCHEMA_DRAFT,
    $id: schemaUrl,
    title: text.title,
    description: text.description,
    type: 'array',
    items: { $ref: '#/$defs/practice' },
    $defs: { ...defs },
  };
}
