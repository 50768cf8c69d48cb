/** The CMS's interface strings in every language it ships, served beside the admin. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cmsLocale, cmsLocales } from '../../../lib/admin/bundle';

export const getStaticPaths = (() => cmsLocales().map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(cmsLocale(String(params.locale)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
