/** The CMS bundle, self-hosted from node_modules/@sveltia/cms (see src/lib/admin/bundle.ts). */
import type { APIRoute } from 'astro';
import { cmsBundle } from '../../lib/admin/bundle';

export const GET: APIRoute = () => new Response(cmsBundle(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
