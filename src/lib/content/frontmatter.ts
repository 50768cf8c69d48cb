import { LineCounter, parseDocument, isMap, isSeq, type ErrorCode, type Node as YamlNode } from 'yaml';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  /** Markdown body after the closing `---`. */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
  /** 1-based line of a field in the file (`['topics', 1]`), or of the frontmatter start. */
  lineOf(path: readonly PropertyKey[]): number;
  /** YAML errors, each with its line. */
  errors: { line: number; message: string }[];
}

/** Both fences may carry trailing spaces or tabs, which editors do not see. */
const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Limits on what a YAML block may make the parser do. An alias bomb (anchors that expand
 * each other) is stopped by the yaml library's own count; nesting is measured on the
 * document without recursion. The bank's fields nest three levels deep at most.
 */
export const YAML_LIMITS = { maxAliasCount: 20, maxDepth: 16 } as const;

/** The yaml library's errors, in Russian; its English words follow only for the rare rest. */
const YAML_MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'неверный отступ или не закрыта скобка [ ] { }: поля одного уровня начинаются с одного столбца',
  TAB_AS_INDENT: 'отступ знаком табуляции: в YAML отступы делаются пробелами',
  DUPLICATE_KEY: 'поле указано дважды',
  MISSING_CHAR: 'не хватает закрывающего знака: проверьте пары кавычек и скобок [ ] { }',
  MULTILINE_IMPLICIT_KEY: 'имя поля занимает несколько строк: вероятно, не хватает двоеточия или закрывающей кавычки',
  BLOCK_AS_IMPLICIT_KEY: 'перед двоеточием стоит не имя поля: проверьте отступы и двоеточия',
  UNEXPECTED_TOKEN: 'неожиданный знак: проверьте двоеточия, кавычки и скобки',
  BAD_SCALAR_START: 'значение не может начинаться с этого знака: заключите его в кавычки',
  BAD_DQ_ESCAPE: 'неверная последовательность с обратной косой чертой в кавычках',
  BLOCK_IN_FLOW: 'многострочное значение внутри [ ] или { }',
  BAD_ALIAS: 'ссылка-псевдоним (*имя) на несуществующую метку',
  ALIAS_PROPS: 'у ссылки-псевдонима не может быть метки или тега',
  MULTIPLE_ANCHORS: 'у значения несколько меток (&)',
  MULTIPLE_TAGS: 'у значения несколько тегов (!)',
  MULTIPLE_DOCS: 'в блоке метаданных несколько документов (---)',
  KEY_OVER_1024_CHARS: 'имя поля длиннее 1024 знаков',
  TAG_RESOLVE_FAILED: 'значение не соответствует своему тегу (!)',
  BAD_DIRECTIVE: 'неизвестная директива %',
  NON_STRING_KEY: 'имя поля должно быть строкой',
  RESOURCE_EXHAUSTION: `слишком много ссылок-псевдонимов (*имя): не больше ${YAML_LIMITS.maxAliasCount}`,
};

function yamlMessage(code: ErrorCode | undefined, message: string): string {
  if (/call stack/i.test(message)) return `ошибка YAML: слишком глубокая вложенность значений (не больше ${YAML_LIMITS.maxDepth} уровней)`;
  const known = code ? YAML_MESSAGES[code] : undefined;
  return `ошибка YAML: ${known ?? `блок не разбирается (разборщик: ${message.split('\n')[0]})`}`;
}

/** How deep a parsed value nests, measured without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > deepest) deepest = depth;
    if (depth > YAML_LIMITS.maxDepth) break;
    if (node !== null && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Parses YAML, keeping enough position data to name a field's line. `firstLine` is the file line the YAML starts on. */
export function parseYaml(source: string, firstLine = 1): Omit<ParsedFrontmatter, 'body' | 'bodyLine'> {
  const yamlText = source.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // One line per problem: a broken nesting is reported by the parser once per level.
  const seen = new Set<string>();
  const errors = doc.errors
    .map((e) => ({ line: fileLine(e.pos[0]), message: yamlMessage(e.code, e.message) }))
    .filter((e) => !seen.has(e.message) && seen.add(e.message) !== undefined);
  let data: unknown = {};
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) ?? {};
      if (depthOf(data) > YAML_LIMITS.maxDepth) {
        errors.push({ line: firstLine, message: `ошибка YAML: слишком глубокая вложенность значений (не больше ${YAML_LIMITS.maxDepth} уровней)` });
        data = {};
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = /alias count|resource exhaustion/i.test(message) ? 'RESOURCE_EXHAUSTION' : undefined;
      errors.push({ line: firstLine, message: yamlMessage(code, message) });
      data = {};
    }
  }
  const isRecord = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (!isRecord && !errors.length) errors.push({ line: firstLine, message: 'ожидается набор полей «имя: значение»' });
  return {
    data: isRecord ? (data as Record<string, unknown>) : {},
    errors,
    lineOf(path) {
      let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
      let line = firstLine;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          const keyNode = pair.key as YamlNode | null;
          if (keyNode?.range) line = fileLine(keyNode.range[0]);
          node = pair.value as YamlNode | null;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as YamlNode | undefined;
          if (!item) break;
          if (item.range) line = fileLine(item.range[0]);
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}

/**
 * The line `lineOf` gives a field the metadata does not have: where the metadata starts (line 2,
 * after the opening `---`, in an MDX file; line 1 in a YAML file or an MDX file with no metadata).
 */
export function metadataStartLine(file: string, source: string): number {
  return file.endsWith('.mdx') && FENCE.test(source.replace(/^\uFEFF/, '')) ? 2 : 1;
}

/** Splits an MDX file into its YAML frontmatter (parsed, with lines) and its body. */
export function parseFrontmatter(file: string): ParsedFrontmatter {
  // A byte-order mark is what some editors save first; it is not part of the text.
  const source = file.replace(/^\uFEFF/, '');
  const match = FENCE.exec(source);
  if (!match) {
    return {
      data: {},
      body: source,
      bodyLine: 1,
      lineOf: () => 1,
      errors: [{ line: 1, message: 'нет блока метаданных: файл должен начинаться с --- и полей YAML' }],
    };
  }
  // The YAML starts on line 2 of the file, after the opening `---`.
  return { ...parseYaml(match[1] ?? '', 2), body: source.slice(match[0].length), bodyLine: match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1 };
}
