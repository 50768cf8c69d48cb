import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  /** Markdown body after the closing `---`. */
  body: string;
  /** 1-based line of a field in the file (`['topics', 1]`), or of the frontmatter start. */
  lineOf(path: readonly PropertyKey[]): number;
  /** YAML errors, each with its line. */
  errors: { line: number; message: string }[];
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses YAML, keeping enough position data to name a field's line. `firstLine` is the file line the YAML starts on. */
export function parseYaml(yamlText: string, firstLine = 1): Omit<ParsedFrontmatter, 'body'> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: fileLine(e.pos[0]), message: `ошибка YAML: ${e.message.split('\n')[0]}` }));
  const data: unknown = doc.toJS() ?? {};
  const isRecord = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (!isRecord) errors.push({ line: firstLine, message: 'ожидается набор полей «имя: значение»' });
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

/** Splits an MDX file into its YAML frontmatter (parsed, with lines) and its body. */
export function parseFrontmatter(source: string): ParsedFrontmatter {
  const match = FENCE.exec(source);
  if (!match) {
    return {
      data: {},
      body: source,
      lineOf: () => 1,
      errors: [{ line: 1, message: 'нет блока метаданных: файл должен начинаться с --- и полей YAML' }],
    };
  }
  // The YAML starts on line 2 of the file, after the opening `---`.
  return { ...parseYaml(match[1] ?? '', 2), body: source.slice(match[0].length) };
}
