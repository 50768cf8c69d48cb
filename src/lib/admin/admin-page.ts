/**
 * The admin's HTML page and its Content Security Policy. The admin is a third-party single-page
 * application (Sveltia CMS), served from the site itself; it needs what the rest of the site
 * never allows, so only /admin/ carries this policy:
 * - `style-src 'unsafe-inline'`: the CMS's Svelte components set inline styles;
 * - `connect-src https://api.github.com` and GitHub's avatar and file hosts: the GitHub backend
 *   talks to GitHub's API once an editor signs in (nothing is requested before that, and nothing
 *   in the local-folder mode); `blob:`/`data:` for the files the CMS previews.
 * Scripts come only from the site ('self'): no inline script, no eval.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https://api.github.com",
  "media-src 'self' blob:",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The page at /admin/: relative addresses, so it works under any base path. */
export function adminPage(title: string, noscript: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${ADMIN_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<script src="manual-init.js"></script>
<script src="sveltia-cms.js"></script>
<script src="admin.js"></script>
</head>
<body>
<noscript><p>${noscript}</p></noscript>
</body>
</html>
`;
}
