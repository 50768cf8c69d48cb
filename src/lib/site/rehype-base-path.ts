/**
 * A rehype plugin for the project's own Markdown and MDX pages (`src/pages/about.mdx`): their
 * links are written from the site's root (`/rss.xml`) and get the base path of a project page.
 */
import { withBase } from '../urls.ts';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function rehypeBasePath(base: string) {
  return () => (tree: HastNode) => {
    const visit = (node: HastNode) => {
      if (node.type === 'element' && node.properties) {
        for (const key of ['href', 'src']) {
          const value = node.properties[key];
          if (typeof value === 'string') node.properties[key] = withBase(value, base);
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
