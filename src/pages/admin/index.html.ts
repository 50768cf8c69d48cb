/**
 * `/admin/`: the editors' admin (Sveltia CMS). A plain HTML file, not an Astro page: the CMS
 * needs its own Content Security Policy (see src/lib/admin/admin-page.ts), and only here.
 */
import type { APIRoute } from 'astro';
import { ru } from '../../i18n/ru';
import { adminPage } from '../../lib/admin/admin-page';

export const GET: APIRoute = () =>
  new Response(adminPage(ru.admin.title, ru.admin.noscript), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
