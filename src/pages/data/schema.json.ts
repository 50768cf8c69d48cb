/** `/data/schema.json`: JSON Schema of practices.json, generated from the content model. */
import type { APIRoute } from 'astro';
import { schemaDocument } from '../../lib/open-data/json-schema';
import { requireSite } from '../../lib/open-data/site';
import { dataUrls } from '../../lib/feeds/feed-urls';
import { ru } from '../../i18n/ru';

export const GET: APIRoute = ({ site }) => {
  const text = { title: ru.openData.codebook.schemaTitle, description: ru.openData.codebook.schemaDescription };
  const schema = schemaDocument(new URL(dataUrls.file('schema.json'), requireSite(site)).href, text);
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
