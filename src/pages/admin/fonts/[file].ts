/** The admin's interface fonts, from the CMS package itself (no font CDN). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cmsFont, cmsFonts } from '../../../lib/admin/bundle';

export const getStaticPaths = (() => cmsFonts().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(cmsFont(String(params.file))), { headers: { 'Content-Type': 'font/woff2' } });
