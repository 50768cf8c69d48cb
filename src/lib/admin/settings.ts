/**
 * The admin's settings for this build: the repository from the same setting as the submit form
 * (REPOSITORY_URL, REPOSITORY_BRANCH), the Russian labels of the vocabularies, the site address.
 */
import { ru } from '../../i18n/ru.ts';
import { repositoryBranch, repositoryUrl } from '../editorial/repository.ts';
import type { AdminSettings } from './cms-config.ts';

export function adminSettings(env: Record<string, string | undefined> = process.env, site?: URL, entries: AdminSettings['entries'] = {}): AdminSettings {
  const authBaseUrl = (env.ADMIN_AUTH_URL ?? '').trim();
  return {
    repositoryUrl: repositoryUrl(env),
    branch: repositoryBranch(env),
    contentDir: 'content',
    ...(site ? { siteUrl: site.href.replace(/\/$/, '') } : {}),
    enumLabels: [ru.federalDistrict, ru.status, ru.metricKind, { ...ru.qualifier, exact: ru.admin.exactQualifier }],
    ...(authBaseUrl ? { authBaseUrl } : {}),
    entries,
    appTitle: ru.admin.appTitle,
    bodyLabel: ru.admin.bodyLabel,
    bodyHint: ru.admin.bodyHint,
  };
}
