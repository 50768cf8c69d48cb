/**
 * A file that cannot be read as content says which rule refuses it as data (`error.rule`), so
 * the checker and the loader report it under that rule without reading the message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFileError, MAX_FILE_BYTES, readContentFile } from '../../src/lib/content/content-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'asdg-content-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(absolute: string): ContentFileError {
  try {
    readContentFile(absolute);
  } catch (error) {
    if (error instanceof ContentFileError) return error;
    throw error;
  }
  throw new Error(`${absolute} was read`);
}

describe('readContentFile refusals', () => {
  it('reads a regular file of an allowed size', () => {
    writeFileSync(join(dir, 'ok.yaml'), 'name: x\n');
    expect(readContentFile(join(dir, 'ok.yaml'))).toBe('name: x\n');
  });

  it('refuses a symbolic link under rule «symlink»', () => {
    writeFileSync(join(dir, 'target.yaml'), 'name: x\n');
    symlinkSync(join(dir, 'target.yaml'), join(dir, 'link.yaml'));
    expect(refusal(join(dir, 'link.yaml')).rule).toBe('symlink');
  });

  it('refuses a special file (a named pipe) under rule «symlink», as the lister does', () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(refusal(fifo).rule).toBe('symlink');
  });

  it('refuses an oversized file under rule «file-size»', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(MAX_FILE_BYTES + 1));
    const error = refusal(big);
    expect(error.rule).toBe('file-size');
    expect(error.message).toContain('КБ');
  });
});
