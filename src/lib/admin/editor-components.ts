/**
 * The admin's start-up script: registers the project's own body components (`<Callout>`,
 * `<Quote>`, from `components.ts`) as editor components of the CMS, then starts it with the
 * generated configuration.
 *
 * `startAdmin` is sent to the browser as its source text (see `src/pages/admin/admin.js.ts`), so
 * it must be self-contained: no imports, no outside names. The same function is unit-tested
 * against the safe-MDX renderer in Node.
 */
import type { EditorComponentSpec } from './cms-config.ts';

interface CmsApi {
  registerEditorComponent(definition: Record<string, unknown>): void;
  init(options: { config: Record<string, unknown> }): unknown;
}

/** Builds the editor-component definitions: pattern, fromBlock, toBlock, toPreview. */
export function editorComponentDefinitions(components: readonly EditorComponentSpec[]): Record<string, unknown>[] {
  const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const unescapeAttribute = (value: string): string => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return components.map((component) => {
    const attributeFields = component.attributes.map((attribute) =>
      attribute.values
        ? {
            name: attribute.name,
            label: attribute.label,
            widget: 'select',
            options: attribute.values,
            required: attribute.required,
            ...(attribute.required ? {} : { default: attribute.values[0] }),
          }
        : { name: attribute.name, label: attribute.label, widget: 'string', required: attribute.required },
    );
    return {
      id: component.id,
      label: component.label,
      fields: [...attributeFields, { name: 'body', label: 'Текст', widget: 'text', required: true }],
      // A block on its own lines: `<Name a="…">`, the text, `</Name>`.
      pattern: new RegExp(`^<${component.name}((?:\\s+[a-zA-Z]+="[^"]*")*)\\s*>\\n([\\s\\S]*?)\\n</${component.name}>$`, 'm'),
      fromBlock(match: RegExpMatchArray): Record<string, string> {
        const data: Record<string, string> = { body: match[2] ?? '' };
        for (const [, name, value] of (match[1] ?? '').matchAll(/([a-zA-Z]+)="([^"]*)"/g)) {
          if (name !== undefined && value !== undefined) data[name] = unescapeAttribute(value);
        }
        return data;
      },
      toBlock(data: Record<string, unknown>): string {
        const attributes = component.attributes
          .filter((a) => typeof data[a.name] === 'string' && data[a.name] !== '')
          .map((a) => ` ${a.name}="${escapeAttribute(String(data[a.name]))}"`)
          .join('');
        const body = String(data.body ?? '').trim();
        return `<${component.name}${attributes}>\n${body}\n</${component.name}>`;
      },
      toPreview(data: Record<string, unknown>): string {
        const body = escapeHtml(String(data.body ?? ''));
        return `<aside><p><b>${escapeHtml(component.name)}</b></p><p>${body}</p></aside>`;
      },
    };
  });
}

/** Runs in the admin page: registers the components, then starts the CMS. */
export function startAdmin(cms: CmsApi, config: Record<string, unknown>, definitions: Record<string, unknown>[]): void {
  for (const definition of definitions) cms.registerEditorComponent(definition);
  cms.init({ config });
}
