/**
 * `/admin/admin.js`: the CMS configuration generated from the zod schemas at build, the
 * project's body components, and the call that starts the CMS.
 */
import type { APIRoute } from 'astro';
import { adminCollections } from '../../lib/admin/collections';
import { cmsConfig, editorComponents } from '../../lib/admin/cms-config';
import { editorComponentDefinitions, startAdmin } from '../../lib/admin/editor-components';
import { adminSettings } from '../../lib/admin/settings';
import { loadBank } from '../../lib/bank';
import { contentRoot } from '../../lib/content/content-root';
import { readKnownIds } from '../../lib/content/vocabulary';

export const GET: APIRoute = async ({ site }) => {
  const bank = await loadBank();
  const entries = {
    submissions: bank.submissions.map((s) => ({ id: s.id, label: `${s.data.title} (${s.data.year})` })),
  };
  const config = cmsConfig(adminCollections(readKnownIds(contentRoot())), adminSettings(process.env, site, entries));
  const script = `// Generated at build from src/lib/content/schema.ts by src/lib/admin/cms-config.ts.
(() => {
  const config = ${JSON.stringify(config, null, 2)};
  const components = ${JSON.stringify(editorComponents())};
  const editorComponentDefinitions = ${editorComponentDefinitions.toString()};
  const startAdmin = ${startAdmin.toString()};
  startAdmin(window.CMS, config, editorComponentDefinitions(components));
})();
`;
  return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
