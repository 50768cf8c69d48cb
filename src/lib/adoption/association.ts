/**
 * Whom a reader asks when a practice has no e-mail: the association. The one place that says
 * how to reach it. The site has no editors' address yet (another change adds a single setting
 * for it); until then the reader is sent to the «about» page, and `EDITORS_EMAIL`, when set at
 * build time, adds a mail link. No address is invented here.
 */
import { urls } from '../urls.ts';

export interface AssociationContact {
  /** Page that says who the association is and how submissions reach the editors. */
  page: string;
  email: string | undefined;
}

export function associationContact(): AssociationContact {
  const email = (typeof process !== 'undefined' ? process.env.EDITORS_EMAIL : undefined)?.trim() || undefined;
  return { page: urls.about(), email };
}
