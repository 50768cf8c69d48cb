import { resolve } from 'node:path';

/**
 * The folder the bank is built from. The published site always builds from `content/`; tests
 * and the benchmark point `CONTENT_DIR` at a fixture bank so it goes through the same pipeline.
 */
export function contentRoot(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}
