import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
/** The published site, built by `npm run build` before the tests run. */
export const publishedDist = resolve(projectRoot, 'dist');
/** Where fixture banks are built; ignored by git. */
export const testOut = resolve(projectRoot, 'tests/.out');
export const fixturesDir = resolve(projectRoot, 'tests/fixtures');
/** Where fixture banks shared by every test file of a run are built (tests/helpers/shared-bank.ts). */
export const sharedOut = resolve(testOut, 'shared');
