/**
 * Vitest global setup: gives the run an id, so fixture banks built by `sharedBank` are built once
 * per run and reused by every test file (and every worker) that asks for them.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sharedOut } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's shared fixture builds (tests/helpers/shared-bank.ts). */
    sharedBankRun: string;
  }
}

export default function setup(project: TestProject): void {
  // Builds of earlier runs are stale: the code under test may have changed since.
  mkdirSync(sharedOut, { recursive: true });
  for (const old of readdirSync(sharedOut)) rmSync(resolve(sharedOut, old), { recursive: true, force: true });
  const run = resolve(sharedOut, `${Date.now()}-${process.pid}`);
  mkdirSync(run, { recursive: true });
  project.provide('sharedBankRun', run);
}
