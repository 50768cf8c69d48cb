/**
 * Every built page passes the W3C Nu HTML Checker: one JVM run over all of dist/, every error
 * listed as file:line: message.
 */
import { describe, expect, it } from 'vitest';
import { checkHtml, formatVnuProblems, vnuErrors } from '../helpers/vnu.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { publishedDist } from '../helpers/paths.ts';

describe('the Nu HTML Checker', () => {
  it('finds no error in any page of the published site', () => {
    requireBuilt(publishedDist);
    expect(formatVnuProblems(checkHtml(publishedDist))).toBe('');
  }, 180_000);

  it('reads errors out of its JSON report and leaves warnings', () => {
    const report = JSON.stringify({
      messages: [
        { type: 'error', url: 'file:/site/a/index.html', lastLine: 7, message: 'Stray end tag “div”.' },
        { type: 'info', subType: 'warning', url: 'file:/site/a/index.html', lastLine: 2, message: 'Consider adding a “lang” attribute.' },
        { type: 'non-document-error', url: 'file:/site/b.html', message: 'IO error' },
      ],
    });
    expect(formatVnuProblems(vnuErrors(report, '/site'))).toBe('a/index.html:7: Stray end tag “div”.\nb.html:0: IO error');
  });

  it('catches a real error (the checker is not silently passing)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ru"><head><title>t</title></head><body><p>a</div></body></html>');
      const problems = checkHtml(dir);
      expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['index.html:1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
