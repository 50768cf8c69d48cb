/**
 * Flattens a record's JSON Schema into spreadsheet columns: nested objects become
 * `parent_child` columns, lists of values one column, and a list of objects with a `kind`
 * (metrics) is spread into a block of columns per kind, so one kind lines up in one column
 * across cities. The codebook lists exactly these columns, with the schema's descriptions.
 */
import type { JsonSchema } from './json-schema.ts';
import type { Plain } from './records.ts';

/** How list values share one cell. Chosen because it does not occur in names and ids. */
const LIST_SEPARATOR = ' | ';

type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'url' | 'email' | 'list';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** The record always has a value in this column. */
  required: boolean;
  /** The closed set of values, where the schema has one. */
  values?: readonly string[];
  /** The property the values come from (`status`, `qualifier`), to label them in the codebook. */
  property: string;
  get(record: Record<string, Plain>): Plain | undefined;
}

/** A list of objects to spread by one of their properties, e.g. metrics by kind. */
interface Spread {
  /** The property that tells the items apart (`kind`). */
  by: string;
  /** Column prefix (`metric` → `metric_budget_value`). */
  prefix: string;
  /** Human label of each value of `by`, used in the descriptions. */
  label: (value: string) => string;
  /** How to describe a column of the n-th item of one kind (n ≥ 2). */
  nth: (description: string, n: number) => string;
}

interface FlattenOptions {
  spread?: Record<string, Spread>;
  /** Records, needed to size spread blocks: a kind gets as many slots as any record uses. */
  records: readonly Record<string, Plain>[];
  /** Joins a group's description and a field's: «Контакты» + «Сайт». */
  nest: (parent: string, child: string) => string;
}

/** `prize-fund` → `prize_fund`: column names stay identifiers in R, pandas and SQL. */
export const columnSlug = (value: string) => value.replace(/[^A-Za-z0-9]+/g, '_');

export function columnTypeOf(schema: JsonSchema): ColumnType {
  if (schema.type === 'array') return 'list';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'uri') return 'url';
  if (schema.format === 'email') return 'email';
  if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean') return schema.type;
  return 'string';
}

function valuesOf(schema: JsonSchema): readonly string[] | undefined {
  const values = schema.type === 'array' ? schema.items?.enum : schema.enum;
  return values?.map(String);
}

function isObject(schema: JsonSchema | undefined): schema is JsonSchema & { properties: Record<string, JsonSchema> } {
  return schema?.type === 'object' && schema.properties !== undefined;
}

const at = (record: Record<string, Plain>, path: readonly string[]): Plain | undefined => {
  let value: Plain | undefined = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = value[key];
  }
  return value;
};

export function flatten(schema: JsonSchema, options: FlattenOptions): Column[] {
  const columns: Column[] = [];
  const walk = (node: JsonSchema, path: string[], required: boolean, context: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = [...path, key];
      const childRequired = required && (node.required ?? []).includes(key);
      const description = context ? options.nest(context, child.description ?? '') : (child.description ?? '');
      const spread = path.length === 0 ? options.spread?.[key] : undefined;
      if (spread && child.type === 'array' && isObject(child.items)) {
        // One push per column: a spread of a very long list would overflow the call stack.
        for (const column of spreadColumns(key, child.items, spread, options.records)) columns.push(column);
      } else if (isObject(child)) {
        walk(child, childPath, childRequired, description);
      } else if (child.type === 'array' && isObject(child.items)) {
        // A list of objects (a city's populations by year): one list column per field, in order.
        for (const [field, fieldSchema] of Object.entries(child.items.properties)) {
          columns.push({
            name: [...childPath, field].join('_'),
            type: 'list',
            description: options.nest(description, fieldSchema.description ?? ''),
            required: false,
            values: valuesOf(fieldSchema),
            property: field,
            get: (record) => {
              const list = at(record, childPath);
              return Array.isArray(list) ? list.map((entry) => (entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry[field] ?? null) : null)) : undefined;
            },
          });
        }
      } else {
        columns.push({
          name: childPath.join('_'),
          type: columnTypeOf(child),
          description,
          // A list may be present yet empty (partners: []), which leaves its cell empty.
          required: childRequired && (child.type !== 'array' || Number(child.minItems ?? 0) > 0),
          values: valuesOf(child),
          property: key,
          get: (record) => at(record, childPath),
        });
      }
    }
  };
  walk(schema, [], true, '');
  return columns;
}

function spreadColumns(key: string, item: JsonSchema & { properties: Record<string, JsonSchema> }, spread: Spread, records: readonly Record<string, Plain>[]): Column[] {
  const kinds = (item.properties[spread.by]?.enum ?? []).map(String);
  const itemsOf = (record: Record<string, Plain>, kind: string) => {
    const list = record[key];
    return Array.isArray(list) ? list.filter((entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry) && entry[spread.by] === kind) : [];
  };
  const columns: Column[] = [];
  for (const kind of kinds) {
    // One slot per kind always, so the columns stay put while the bank grows; more only when
    // some practice reports several figures of the same kind.
    const slots = records.reduce((most, record) => Math.max(most, itemsOf(record, kind).length), 1);
    for (let slot = 1; slot <= slots; slot++) {
      for (const [field, fieldSchema] of Object.entries(item.properties)) {
        if (field === spread.by) continue;
        const base = `${fieldSchema.description ?? ''} — ${spread.label(kind)}`;
        columns.push({
          name: [spread.prefix, columnSlug(kind), slot > 1 ? String(slot) : '', field].filter(Boolean).join('_'),
          type: columnTypeOf(fieldSchema),
          description: slot > 1 ? spread.nth(base, slot) : base,
          required: false,
          values: valuesOf(fieldSchema),
          property: field,
          get: (record) => {
            const entry = itemsOf(record, kind)[slot - 1];
            return entry && typeof entry === 'object' && !Array.isArray(entry) ? entry[field] : undefined;
          },
        });
      }
    }
  }
  return columns;
}

/**
 * Why one value of a list cannot share a cell with the others, or undefined. The checker asks
 * the same question of every list in every entry (`listValueProblems`), so whatever it passes,
 * the CSV writer can write.
 */
function listItemProblem(item: Plain): string | undefined {
  if (item !== null && typeof item === 'object') return 'элемент списка — вложенный набор полей; в открытых данных (CSV) элемент списка — строка или число';
  if (String(item).includes(LIST_SEPARATOR.trim())) {
    return `знак «${LIST_SEPARATOR.trim()}» разделяет элементы списка в открытых данных (CSV); замените его, например, на «/» или запятую`;
  }
  return undefined;
}

/**
 * Every list value of a record that `cellOf` could not write, with its path (`['partners', 1]`).
 * Lists of records (metrics) are spread into columns of their own and not joined.
 */
export function listValueProblems(value: Plain | undefined, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (value === null || value === undefined || typeof value !== 'object') return [];
  if (!Array.isArray(value)) return Object.entries(value).flatMap(([key, child]) => listValueProblems(child, [...path, key]));
  if (value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
    return value.flatMap((item, i) => listValueProblems(item, [...path, i]));
  }
  return value.flatMap((item, i) => {
    const message = listItemProblem(item);
    return message ? [{ path: [...path, i], message }] : [];
  });
}

/** A cell as text: numbers with a decimal point, lists joined, nothing for a missing value. */
function cellOf(value: Plain | undefined, column: Pick<Column, 'name'>): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        const problem = listItemProblem(item);
        // Unreachable for a checked bank: the checker refuses the same values (`listValueProblems`).
        if (problem) throw new Error(`Столбец ${column.name}: ${problem}`);
        return cellOf(item, column);
      })
      .join(LIST_SEPARATOR);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function rowsOf(columns: readonly Column[], records: readonly Record<string, Plain>[]): string[][] {
  return records.map((record) => columns.map((column) => cellOf(column.get(record), column)));
}
