/** A chunk the CMS bundle loads from beside itself (its fallback would be another host). */
import type { APIRoute } from 'astro';
import { cmsChunk } from '../../../lib/admin/bundle';

export const GET: APIRoute = () => new Response(cmsChunk('react-dom'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
