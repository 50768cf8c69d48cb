/**
 * The common shape of a cross-file rule: checkBank hands each rule one entry of the bank with
 * what the whole bank knows (the site's pages, the submissions), and the rule reports through
 * `add`. Rules run in a fixed order per entry (check-bank.ts lists them), so the report's
 * order does not depend on how the rules are split into files.
 */
import type { RenderedMdx } from '../safe-mdx.ts';
import type { RuleId } from './rules.ts';
import type { SitePages } from './site-pages.ts';

export type Collection = 'cities' | 'topics' | 'questionnaires' | 'submissions' | 'practices';

export interface BankEntry {
  collection: Collection;
  /** Id as the build gives it: `irkutsk/learning-city`. */
  id: string;
  file: string;
  draft: boolean;
  source: string;
  data: Record<string, unknown> | undefined;
  rendered: Pick<RenderedMdx, 'links' | 'images' | 'text'> | undefined;
  /** Passed its own checks: the build would give it a page. */
  valid: boolean;
  lineOf(path: readonly PropertyKey[]): number;
}

type Add = (file: string, line: number, field: string, rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

export interface BankContext {
  /** Pages the build will make, for links. */
  pages: SitePages;
  /** Every submission file read, by id. */
  submissions: ReadonlyMap<string, BankEntry>;
  /** The submission's text normalised for figure search, computed once per submission. */
  searchTextOf(submission: BankEntry): string;
}

export type EntryRule = (entry: BankEntry, bank: BankContext, add: Add) => void;

export const refId = (value: unknown): string | undefined => (value as { id?: string } | undefined)?.id;

export function fieldOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

export interface Metric {
  kind: string;
  value: number;
  unit: string;
  year: number;
  source: string;
}

export const metricsOf = (data: Record<string, unknown>) => (data.metrics as Metric[] | undefined) ?? [];

/** The practice's submission, when it names one that was read and parsed. */
export function submissionOf(entry: BankEntry, bank: BankContext): { id: string; submission: BankEntry & { data: Record<string, unknown> } } | undefined {
  const id = refId(entry.data?.submission);
  const submission = id ? bank.submissions.get(id) : undefined;
  if (!id || !submission?.data) return undefined;
  return { id, submission: submission as BankEntry & { data: Record<string, unknown> } };
}
