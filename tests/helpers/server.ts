/**
 * The static server of a built site, for tests. It lives in scripts/lib/static-server.ts because
 * the benchmark serves sites with it too; scripts never import from tests/.
 */
export { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
