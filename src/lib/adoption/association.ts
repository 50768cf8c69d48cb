/**
 * Whom a reader asks when a practice has no e-mail: the association. The one place that says
 * how to reach it: its page, and the editors' address from the site's settings
 * (EDITORS_EMAIL, src/lib/site/site-config.ts), which a publishing build requires.
 */
import { urls } from '../urls.ts';
import { siteConfig } from '../site/site-config.ts';

interface AssociationContact {
  /** Page that says who the association is and how submissions reach the editors. */
  page: string;
  email: string;
}

export function associationContact(): AssociationContact {
  return { page: urls.about(), email: siteConfig().editorsEmail };
}
