/** Tells the CMS bundle to wait: admin.js registers the project's components, then starts it. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = () =>
  new Response('window.CMS_MANUAL_INIT = true;\n', { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
