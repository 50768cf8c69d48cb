/**
 * The figures of one `npm run build`, as data: scripts/build.ts writes them as JSON to the file
 * named by BUILD_REPORT (when set), and `npm run bench` reads them there instead of reading the
 * build's log, whose lines are worded for people.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface BuildReport {
  /** Pages Astro reports as built (null if its summary line never came). */
  astroPages: number | null;
  /** Pages in the search index. */
  indexedPages: number;
  /** Of those, pages indexed while Astro was still rendering (a streaming cold build). */
  streamedPages: number;
  /** The index was taken unchanged from the cache. */
  indexReused: boolean;
  /** Seconds the index took after Astro finished (what did not overlap the build). */
  indexSeconds: number;
  /** Seconds of the whole build, Astro and index. */
  totalSeconds: number;
}

/** The environment variable naming the report file. */
export const BUILD_REPORT_ENV = 'BUILD_REPORT';

export function writeBuildReport(file: string, report: BuildReport): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function readBuildReport(file: string): BuildReport {
  return JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
}
