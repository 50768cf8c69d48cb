/**
 * /compare/index.json: every practice with every field the compare view shows, written at build
 * time. The compare page reads it in the browser; no server is involved.
 */
import type { APIRoute } from 'astro';
import { loadBank } from '../../lib/bank';
import { compareIndex } from '../../lib/compare/from-bank';

export const GET: APIRoute = async () => {
  const bank = await loadBank();
  return new Response(JSON.stringify(compareIndex(bank)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
