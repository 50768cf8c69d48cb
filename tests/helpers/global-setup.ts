/**
 * Vitest global setup: gives the run an id, so fixture banks built by `sharedBank` are built once
 * per run and reused by every test file (and every worker) that asks for them; and starts one
 * Chromium for the whole run, which browser tests connect to (browser.ts) instead of each file
 * starting its own.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from '../../scripts/lib/browser.ts';
import { sharedOut } from './paths.ts';
import { startSharedJobs } from './shared-bank.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's shared fixture builds (tests/helpers/shared-bank.ts). */
    sharedBankRun: string;
    /** WebSocket address of the run's Chromium (tests/helpers/browser.ts). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Builds of earlier runs are stale: the code under test may have changed since.
  mkdirSync(sharedOut, { recursive: true });
  for (const old of readdirSync(sharedOut)) rmSync(resolve(sharedOut, old), { recursive: true, force: true });
  const run = resolve(sharedOut, `${Date.now()}-${process.pid}`);
  mkdirSync(run, { recursive: true });
  project.provide('sharedBankRun', run);
  // A whole-suite run needs every shared bank: their builds start now, beside the first files. A
  // run of chosen files (`vitest run tests/feeds`) builds a bank only when a file asks for it.
  // (`filenamePattern` holds the command line's file filters; Vitest keeps it internal.)
  const filtered = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern?.length;
  const sharedBuilds = filtered ? Promise.resolve() : startSharedJobs(run);
  // Started here, not per file: a Chromium start costs about a second of CPU, and ~17 files use it.
  const chromium = await launchBrowserServer();
  project.provide('browserEndpoint', chromium.wsEndpoint());
  return async () => {
    await sharedBuilds;
    await chromium.close();
  };
}
