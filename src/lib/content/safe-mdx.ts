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

/** Bump when the rendered HTML for the same source changes: it is part of every entry's digest. */
export const RENDERER_VERSION = '5';

export type MdxRule =
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
  | 'external-resource';

export interface MdxViolation {
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
export function renderSafeMdx(source: string): RenderedMdx {
  const violations: MdxViolation[] = [];
  const headings: RenderedMdx['headings'] = [];
  const links: RenderedMdx['links'] = [];
  const images: RenderedMdx['images'] = [];
  let tree: HastNode;
  try {
    tree = mdxToHast(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/(\d+):\d+/.exec(message)?.[1] ?? 1);
    return { html: '', headings, links, images: [], text: '', violations: [{ line, rule: 'syntax', message: syntaxMessage(message) }] };
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
  const html = violations.length ? '' : toHtml(typesetHast(root));
  return { html, headings, links, images, text, violations };
}
