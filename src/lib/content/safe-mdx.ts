/**
 * Content files are data, not code. An MDX file compiled the usual way runs any JavaScript it
 * holds during the build, and submissions arrive by pull request from outside. So a content file
 * is only *parsed* as MDX (satteri's `mdxToHast`, which compiles nothing), every node is checked
 * against an allowlist, and the tree is serialised to HTML here. Nothing in the file is ever
 * evaluated: there is no code path that could run it.
 *
 * Allowed: Markdown, the project's own components (`components.ts`) with literal attribute
 * values, and a few harmless inline HTML tags. Everything else is a violation with its line.
 */
import { mdxToHast } from 'satteri';
import type { HastNode } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import { typesetHast } from '../typography.ts';
import { CONTENT_COMPONENTS, type ContentComponent } from './components.ts';

type MdxRule =
  | 'syntax'
  | 'esm'
  | 'expression'
  | 'unknown-component'
  | 'forbidden-element'
  | 'event-handler'
  | 'expression-attribute'
  | 'unknown-attribute'
  | 'invalid-attribute'
  | 'unsafe-url'
  | 'external-resource'
  | 'nesting'
  | 'too-many-tags';

/**
 * How many tags and components one file may hold. The parser's time grows with the square of
 * their number (20 000 <Callout> take it seconds); a city report uses a few dozen.
 */
export const MAX_TAGS = 1000;

/**
 * How deep blocks and inline elements may nest (quotes in quotes, lists in lists, <b> in <b>).
 * A real report needs a handful of levels; thousands overflow the stack of every recursive
 * step after the parser (the renderer, hast-util-to-html), so the tree is measured first, without recursion.
 */
export const MAX_NESTING = 48;

interface MdxViolation {
  /** 1-based line in the file, frontmatter included. */
  line: number;
  rule: MdxRule;
  message: string;
}

export interface RenderedMdx {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  /** Every href of the body, for the link checker. */
  links: { href: string; line: number }[];
  /** Every image source of the body, for the link checker. */
  images: { src: string; line: number }[];
  /** The body as plain text, one block per line: what a reader sees, for the figure checker. */
  text: string;
  violations: MdxViolation[];
  /**
   * The body cut at its top-level `##` headings, from the tree before it became HTML (only when
   * asked for: submissions, whose sections the questionnaire page shows side by side). Each
   * section's HTML is rendered on its own, headings inside it moved down two levels, without ids.
   */
  sections?: BodySection[];
}

export interface BodySection {
  /** The heading's text as a reader sees it. */
  heading: string;
  /** The heading's id in the full page (its slug). */
  id: string;
  /** The section's content up to the next `##`, as safe HTML. */
  html: string;
}

export interface RenderOptions {
  /** Also render the body section by section (`RenderedMdx.sections`). */
  sections?: boolean;
}

/** Plain inline HTML an editor may write; no attributes except where listed. */
const INLINE_TAGS: Record<string, readonly string[]> = {
  abbr: ['title'],
  b: [],
  br: [],
  em: [],
  i: [],
  mark: [],
  s: [],
  small: [],
  strong: [],
  sub: [],
  sup: [],
  u: [],
};

/** Tags named in the rules: refused with their own message so an editor sees why. */
const DANGEROUS_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form', 'link', 'meta', 'base', 'frame', 'frameset', 'svg', 'math', 'template', 'input', 'button', 'textarea', 'select']);

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

type MdxJsxNode = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: AnyNode[];
  position?: { start: { line: number } };
};
type AnyNode = (HastNode | RootContent | MdxJsxNode) & { type: string; position?: { start: { line: number } } };

function lineOf(node: { position?: { start: { line: number } } | undefined }, fallback: number): number {
  return node.position?.start.line ?? fallback;
}

/** Strips the characters browsers ignore inside a URL scheme («java\nscript:»). */
function normaliseUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').trim();
}

/** A link may go to the web, to mail or phone, or within the site; never to a script. */
export function isSafeHref(url: string): boolean {
  const scheme = SCHEME.exec(normaliseUrl(url))?.[1]?.toLowerCase();
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** An image must come from the site itself: no request may leave it. */
function isLocalResource(url: string): boolean {
  const u = normaliseUrl(url);
  return !u.startsWith('//') && !SCHEME.test(u);
}

/**
 * MDX stops at its first syntax error, in English. The usual causes in a city's text get a
 * Russian explanation of what to write instead; the parser's own words follow for the rest.
 */
function syntaxMessage(parserMessage: string): string {
  const original = parserMessage.replace(/^\d+:\d+:\s*/, '');
  let hint = 'проверьте угловые и фигурные скобки в этой строке: чтобы показать их как текст, напишите \\< и \\{';
  if (/before name/.test(original) && /`!`/.test(original)) {
    hint = 'HTML-комментарии <!-- … --> в материалах не поддерживаются; удалите комментарий';
  } else if (/after `<`/.test(original)) {
    hint = 'знак < открывает компонент; чтобы показать его как текст, напишите \\<, а ссылку оформите как [текст](адрес)';
  } else if (/closing tag|end tag|Expected a closing/i.test(original)) {
    hint = 'компонент открыт, но не закрыт (или закрыт не тем именем); проверьте пары <Callout>…</Callout>';
  }
  return `файл не разбирается как MDX: ${hint} (разборщик: ${original})`;
}

/** Attributes that carry a URL, checked even on elements refused for other reasons. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset', 'background', 'cite']);

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'aside', 'figure', 'figcaption', 'hr', 'table', 'ul', 'ol']);

/** Plain text of a rendered tree with a line break after every block, for text comparison. */
function plainText(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') {
      if (node.tagName === 'br') out += '\n';
      const inner = plainText(node.children);
      out += BLOCK_TAGS.has(node.tagName) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

function textOf(node: AnyNode): string {
  if ('value' in node && typeof node.value === 'string' && node.type === 'text') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as AnyNode[]).map(textOf).join('');
  return '';
}

/**
 * Parses, checks and renders one content file. Violations are returned, not thrown, so the
 * checker can list them all; the loader refuses a file with any.
 */
export function renderSafeMdx(source: string, options: RenderOptions = {}): RenderedMdx {
  const violations: MdxViolation[] = [];
  const headings: RenderedMdx['headings'] = [];
  const links: RenderedMdx['links'] = [];
  const images: RenderedMdx['images'] = [];
  // The parser's time grows with the square of the nesting of tags and quotes: a file of a
  // hundred thousand nested <b> would hold the build for minutes. Nesting is bounded on the
  // text first, in one pass; the tree is measured again after parsing.
  const scan = scanTags(source);
  if (scan.deepLine !== undefined) {
    return { html: '', headings, links, images: [], text: '', violations: [{ line: scan.deepLine, rule: 'nesting', message: nestingMessage() }] };
  }
  if (scan.tooManyLine !== undefined) {
    return { html: '', headings, links, images: [], text: '', violations: [{ line: scan.tooManyLine, rule: 'too-many-tags', message: `больше ${MAX_TAGS} тегов и компонентов в одном файле (с этой строки); выделение и блоки — для немногих мест, разделите материал на несколько файлов` }] };
  }
  let tree: HastNode;
  try {
    tree = mdxToHast(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/(\d+):\d+/.exec(message)?.[1] ?? 1);
    return { html: '', headings, links, images: [], text: '', violations: [{ line, rule: 'syntax', message: syntaxMessage(message) }] };
  }
  const tooDeep = deepestNode(tree as AnyNode);
  if (tooDeep) {
    const { line } = tooDeep;
    return { html: '', headings, links, images: [], text: '', violations: [{ line, rule: 'nesting', message: nestingMessage() }] };
  }
  const slugger = new GithubSlugger();

  function violation(line: number, rule: MdxRule, message: string) {
    violations.push({ line, rule, message });
  }

  function checkUrl(url: unknown, line: number, attribute: string, resource: boolean) {
    if (typeof url !== 'string') return;
    if (!isSafeHref(url)) {
      violation(line, 'unsafe-url', `адрес «${url}» в ${attribute} запрещён: допустимы https:, http:, mailto:, tel: и ссылки внутри сайта`);
    } else if (resource && !isLocalResource(url)) {
      violation(line, 'external-resource', `изображение «${url}» загружается с другого сайта; положите файл в public/ и укажите путь от корня сайта`);
    }
  }

  function convertComponent(node: MdxJsxNode, line: number): ElementContent[] {
    const name = node.name ?? '';
    const component: ContentComponent | undefined = Object.hasOwn(CONTENT_COMPONENTS, name) ? CONTENT_COMPONENTS[name] : undefined;
    const inlineAttrs = Object.hasOwn(INLINE_TAGS, name) ? INLINE_TAGS[name] : undefined;
    const known = component !== undefined || inlineAttrs !== undefined;
    const props: Record<string, string> = {};
    for (const attr of node.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
        violation(line, 'expression-attribute', `в <${name}> запрещены выражения в фигурных скобках ({…}); значения атрибутов — только строки в кавычках`);
        continue;
      }
      if (/^on/i.test(attr.name)) {
        violation(line, 'event-handler', `атрибут ${attr.name} в <${name}> запрещён: обработчики событий не допускаются`);
        continue;
      }
      if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
        violation(line, 'expression-attribute', `значение атрибута ${attr.name} в <${name}> — выражение; допустима только строка в кавычках`);
        continue;
      }
      if (URL_ATTRIBUTES.has(attr.name.toLowerCase())) checkUrl(attr.value, line, `атрибуте ${attr.name}`, false);
      // An element refused as a whole is reported once, not once per attribute.
      if (!known) continue;
      const allowed = component ? Object.keys(component.attributes) : inlineAttrs ?? [];
      if (!allowed.includes(attr.name)) {
        violation(line, 'unknown-attribute', `у <${name}> нет атрибута ${attr.name}; допустимые: ${allowed.join(', ') || 'никаких'}`);
        continue;
      }
      props[attr.name] = attr.value ?? '';
    }
    const children = convertChildren(node.children, line);
    if (component) {
      for (const [attribute, spec] of Object.entries(component.attributes)) {
        const value = props[attribute];
        if (value === undefined) {
          if (spec.required) violation(line, 'invalid-attribute', `у <${name}> обязателен атрибут ${attribute}`);
        } else if (spec.values && !spec.values.includes(value)) {
          violation(line, 'invalid-attribute', `${attribute}="${value}" в <${name}>: допустимые значения ${spec.values.join(', ')}`);
        }
      }
      return [component.render(props, children)];
    }
    if (inlineAttrs) {
      return [{ type: 'element', tagName: name, properties: props, children }];
    }
    if (DANGEROUS_TAGS.has(name.toLowerCase())) {
      violation(line, 'forbidden-element', `элемент <${name}> запрещён в материалах`);
    } else {
      const allowedNames = [...Object.keys(CONTENT_COMPONENTS), ...Object.keys(INLINE_TAGS)].join(', ');
      violation(line, 'unknown-component', `неизвестный компонент <${name}>; допустимые: ${allowedNames}; ссылки и изображения пишутся средствами Markdown: [текст](адрес), ![описание](/путь)`);
    }
    return [];
  }

  function convert(node: AnyNode, parentLine: number): ElementContent[] {
    const line = lineOf(node, parentLine);
    switch (node.type) {
      case 'text':
        return [node as ElementContent];
      case 'comment':
        // MDX has no HTML comments; should a parser ever produce one, it is dropped, never echoed.
        return [];
      case 'mdxjsEsm':
        violation(line, 'esm', 'import и export запрещены: материалы не могут подключать код');
        return [];
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        violation(line, 'expression', 'выражения в фигурных скобках ({…}) запрещены; чтобы показать скобку, напишите \\{');
        return [];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return convertComponent(node as MdxJsxNode, line);
      case 'raw':
        violation(line, 'forbidden-element', 'HTML-вставки запрещены');
        return [];
      case 'element': {
        const element = node as Element;
        const props = element.properties ?? {};
        for (const key of Object.keys(props)) {
          if (/^on/i.test(key)) violation(line, 'event-handler', `атрибут ${key} запрещён`);
        }
        if (isTaskListCheckbox(element)) {
          // GFM task list «- [ ]»: the parser's disabled checkbox becomes a plain ballot-box
          // character, so the page holds no form control at all.
          return [{ type: 'text', value: props.checked === true ? '☑' : '☐' }];
        }
        if (DANGEROUS_TAGS.has(element.tagName.toLowerCase())) {
          violation(line, 'forbidden-element', `элемент <${element.tagName}> запрещён в материалах`);
          return [];
        }
        if (element.tagName === 'a') {
          checkUrl(props.href, line, 'ссылке', false);
          if (typeof props.href === 'string') links.push({ href: props.href, line });
        }
        if (element.tagName === 'img') {
          checkUrl(props.src, line, 'изображении', true);
          if (typeof props.src === 'string') images.push({ src: props.src, line });
        }
        const children = convertChildren(element.children as AnyNode[], line);
        const out: Element = { type: 'element', tagName: element.tagName, properties: { ...props }, children };
        if (element.tagName === 'h1') {
          violation(line, 'forbidden-element', 'заголовок первого уровня (#) занят названием страницы; начинайте разделы с ##');
        }
        if (/^h[1-6]$/.test(element.tagName)) {
          const text = textOf(node).trim();
          const slug = slugger.slug(text);
          out.properties.id = slug;
          headings.push({ depth: Number(element.tagName[1]), slug, text });
        }
        return [out];
      }
      default:
        violation(line, 'forbidden-element', `недопустимая конструкция (${node.type})`);
        return [];
    }
  }

  function convertChildren(children: AnyNode[] | undefined, parentLine: number): ElementContent[] {
    return (children ?? []).flatMap((child) => convert(child, parentLine));
  }

  const root: Root = { type: 'root', children: convertChildren((tree as { children?: AnyNode[] }).children, 1) };
  const text = plainText(root.children as ElementContent[]).replace(/\n{2,}/g, '\n').trim();
  // Typography (no-break spaces) goes into the HTML only: checks and search read `text` as written.
  // It rewrites the tree in place, so the questionnaire's sections below are typeset too.
  const html = violations.length ? '' : toHtml(typesetHast(root));
  const rendered: RenderedMdx = { html, headings, links, images, text, violations };
  if (options.sections && !violations.length) rendered.sections = sectionsOf(root.children as ElementContent[]);
  return rendered;
}

const nestingMessage = () =>
  `вложенность глубже ${MAX_NESTING} уровней (цитата в цитате, список в списке, компонент в компоненте): так глубоко текст не вкладывается; упростите разметку`;

/** Tags that never wrap content (MDX writes them `<br />`, but a bare `<br>` must not count). */
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);

/**
 * Counts the tags of a file and finds the first line where quote markers (`> > >`) or open tags (`<b><b>…`, `<Callout>` inside
 * `<Callout>`) go deeper than MAX_NESTING, read from the text in one pass; undefined if none.
 * It only has to be an upper bound the parser's own nesting cannot exceed: escaped `\<` is
 * text, a self-closing or void tag opens nothing, a closing tag closes one.
 */
function scanTags(source: string): { deepLine?: number; tooManyLine?: number } {
  let depth = 0;
  let tags = 0;
  let line = 1;
  let lineStart = true;
  let quotes = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n') {
      line++;
      lineStart = true;
      quotes = 0;
      continue;
    }
    if (lineStart) {
      if (c === '>') {
        if (++quotes > MAX_NESTING) return { deepLine: line };
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      lineStart = false;
    }
    if (c !== '<' || source[i - 1] === '\\') continue;
    const closing = source[i + 1] === '/';
    const nameStart = closing ? i + 2 : i + 1;
    let end = nameStart;
    while (end < source.length && /[A-Za-z0-9.:_-]/.test(source[end] ?? '')) end++;
    if (end === nameStart) {
      // `<>` and `</>` are fragments: they nest like tags.
      if (source[end] === '>') depth += closing ? -1 : 1;
    } else if (closing) {
      depth--;
    } else {
      const name = source.slice(nameStart, end).toLowerCase();
      // The tag's end, looked for within a bounded stretch so the pass stays linear.
      let close = end;
      while (close < source.length && close - end < 4096 && source[close] !== '>' && source[close] !== '<') close++;
      const selfClosing = source[close] === '>' && source[close - 1] === '/';
      if (!selfClosing && !VOID_TAGS.has(name)) depth++;
      if (++tags > MAX_TAGS) return { tooManyLine: line };
    }
    if (depth < 0) depth = 0;
    if (depth > MAX_NESTING) return { deepLine: line };
  }
  return {};
}

/** The parser's checkbox of a task list item, exactly as it makes it, and nothing more. */
function isTaskListCheckbox(element: Element): boolean {
  const props = element.properties ?? {};
  const keys = Object.keys(props).sort().join(',');
  return element.tagName === 'input' && element.children.length === 0 && props.type === 'checkbox' && props.disabled === true &&
    (keys === 'checked,disabled,type' || keys === 'disabled,type') && (props.checked === undefined || typeof props.checked === 'boolean');
}

/** The first node deeper than MAX_NESTING, found without recursion; undefined if none. */
function deepestNode(root: AnyNode): { line: number } | undefined {
  const stack: [AnyNode, number, number][] = [[root, 0, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth, parentLine] = top;
    const line = lineOf(node, parentLine);
    if (depth > MAX_NESTING) return { line };
    const children = (node as { children?: AnyNode[] }).children;
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1, line]);
  }
  return undefined;
}

/** A copy of an answer's content with its headings moved down two levels and their ids dropped. */
function demoted(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const level = /^h([1-6])$/.exec(node.tagName)?.[1];
  const { id: _id, ...properties } = node.properties ?? {};
  return {
    ...node,
    tagName: level ? `h${Math.min(6, Number(level) + 2)}` : node.tagName,
    properties: level ? properties : node.properties,
    children: node.children.map(demoted),
  };
}

/** Cuts the top level of the tree at each <h2>; what comes before the first one is not a section. */
function sectionsOf(nodes: readonly ElementContent[]): BodySection[] {
  const sections: { heading: string; id: string; nodes: ElementContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h2') {
      sections.push({ heading: textOf(node as AnyNode).replace(/\s+/g, ' ').trim(), id: String(node.properties?.id ?? ''), nodes: [] });
    } else {
      sections.at(-1)?.nodes.push(node);
    }
  }
  return sections.map((s) => ({ heading: s.heading, id: s.id, html: toHtml({ type: 'root', children: s.nodes.map(demoted) }).trim() }));
}
