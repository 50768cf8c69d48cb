/** Edits a file of a scratch copy of a bank; fails the test if the edit changed nothing. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

export function fileEditor(root: string) {
  return (file: string, from: string | RegExp, to: string): void => {
    const path = resolve(root, file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(from, to);
    expect(next, `${file}: ${String(from)}`).not.toBe(text);
    writeFileSync(path, next);
  };
}
