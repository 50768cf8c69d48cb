/**
 * The components a content file may use. They are not Astro or JSX components: the loader
 * expands them to plain HTML, so a content file never reaches a compiler. Each declares its
 * attributes; anything else an editor writes on it is refused with the list of what is allowed.
 */
import type { Element, ElementContent } from 'hast';

interface ComponentAttribute {
  required?: boolean;
  /** Allowed literal values, when the attribute is a choice. */
  values?: readonly string[];
  /** What the attribute is for, shown in the editors' guide. */
  description: string;
}

export interface ContentComponent {
  /** What the component is for, shown in the editors' guide. */
  description: string;
  attributes: Record<string, ComponentAttribute>;
  render(props: Record<string, string>, children: ElementContent[]): Element;
}

const h = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

const CALLOUT_LABELS: Record<string, string> = { note: 'Примечание', important: 'Важно', tip: 'Совет' };

export const CONTENT_COMPONENTS: Record<string, ContentComponent> = {
  Callout: {
    description: 'Выделенный блок: примечание, важное замечание или совет.',
    attributes: {
      type: { values: ['note', 'important', 'tip'], description: 'вид блока; по умолчанию note' },
      title: { description: 'заголовок блока; по умолчанию — название вида' },
    },
    render(props, children) {
      const type = props.type ?? 'note';
      return h('aside', { className: ['callout', `callout--${type}`], role: 'note' }, [
        h('p', { className: ['callout__title'] }, [text(props.title ?? CALLOUT_LABELS[type] ?? '')]),
        ...children,
      ]);
    },
  },
  Quote: {
    description: 'Цитата из материала города с указанием источника.',
    attributes: {
      source: { required: true, description: 'откуда цитата: «Отчёт администрации Иркутска, 2013»' },
    },
    render(props, children) {
      return h('figure', { className: ['quote'] }, [
        h('blockquote', {}, children),
        h('figcaption', {}, [text(props.source ?? '')]),
      ]);
    },
  },
};
