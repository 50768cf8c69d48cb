/**
 * Where the bank's repository lives, for the submit page's "new file" link. Set REPOSITORY_URL
 * (and REPOSITORY_BRANCH when the default branch is not `main`) when building the published
 * site; the default is the address the project documents in CONTRIBUTING.md.
 */
export const DEFAULT_REPOSITORY_URL = 'https://github.com/asdg/practice-bank';

export function repositoryUrl(env: Record<string, string | undefined> = process.env): string {
  const url = (env.REPOSITORY_URL ?? '').trim() || DEFAULT_REPOSITORY_URL;
  if (!/^https:\/\/[^\s/]+\/[^\s]+$/.test(url)) throw new Error(`REPOSITORY_URL «${url}»: ожидается адрес вида https://github.com/<владелец>/<репозиторий>`);
  return url.replace(/\/+$/, '').replace(/\.git$/, '');
}

export function repositoryBranch(env: Record<string, string | undefined> = process.env): string {
  return (env.REPOSITORY_BRANCH ?? '').trim() || 'main';
}
