/**
 * The published site's settings, read from the environment in one place: its address
 * (SITE_URL, whose path is the base path: `https://asdg.github.io/practice-bank/` serves the
 * site under `/practice-bank/`) and the editors' e-mail (EDITORS_EMAIL). astro.config.mjs and
 * scripts/build.ts both read them here.
 *
 * A publishing build (`npm run build -- --publish`, or PUBLISH=1) refuses to run without a real
 * address and a real e-mail; any other build is a local one and uses the local preview address,
 * which `npm start` serves.
 */

/** Where `npm start` (astro preview) serves the site. */
const LOCAL_SITE_URL = 'http://127.0.0.1:4321/';
/**
 * The documented placeholder for the editors' address: a reserved example domain, never a real
 * mailbox. A publishing build refuses it.
 */
const PLACEHOLDER_EDITORS_EMAIL = 'editors@example.org';

interface SiteConfig {
  /** Origin of the site, `https://asdg.github.io` (Astro's `site`). */
  origin: string;
  /** Base path with slashes at both ends, `/` or `/practice-bank/` (Astro's `base`). */
  base: string;
  /** Origin and base path together: every absolute address of the site starts with it. */
  url: string;
  /** The address is the local preview's, not a published one. */
  local: boolean;
  /** Where cities send practices by e-mail. */
  editorsEmail: string;
  /** Whether the e-mail is still the documented placeholder. */
  placeholderEmail: boolean;
}

type Env = Record<string, string | undefined>;

/** Whether the environment asks for a publishing build (build.ts sets PUBLISH=1 for `--publish`). */
export function isPublishing(env: Env): boolean {
  return /^(1|true|yes)$/i.test((env.PUBLISH ?? '').trim());
}

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** Reads SITE_URL and EDITORS_EMAIL; throws an Error with a Russian message for bad values. */
export function siteConfig(env: Env = process.env): SiteConfig {
  const publishing = isPublishing(env);
  const given = (env.SITE_URL ?? '').trim();
  const problems: string[] = [];
  if (!given && publishing) {
    problems.push('не задан адрес сайта: для публикации укажите SITE_URL, например SITE_URL=https://asdg.github.io/practice-bank/ npm run build -- --publish (путь после адреса станет базовым путём сайта)');
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(given || LOCAL_SITE_URL);
  } catch {
    problems.push(`SITE_URL «${given}»: ожидается полный адрес вида https://asdg.github.io/practice-bank/`);
  }
  if (parsed && !/^https?:$/.test(parsed.protocol)) problems.push(`SITE_URL «${given}»: адрес должен начинаться с https://`);
  if (parsed && (parsed.search || parsed.hash)) problems.push(`SITE_URL «${given}»: в адресе сайта не может быть «?» и «#»`);
  const local = !parsed || LOCAL_HOSTS.has(parsed.hostname);
  if (publishing && given && local) problems.push(`SITE_URL «${given}»: это адрес этого компьютера, а не опубликованного сайта`);

  const email = (env.EDITORS_EMAIL ?? '').trim() || PLACEHOLDER_EDITORS_EMAIL;
  if (!EMAIL.test(email)) problems.push(`EDITORS_EMAIL «${email}»: ожидается адрес электронной почты вида редакция@домен.рф`);
  const placeholderEmail = email === PLACEHOLDER_EDITORS_EMAIL || /@example\.(org|com|net)$/i.test(email);
  if (publishing && placeholderEmail) {
    problems.push(`не задан адрес редакции: для публикации укажите EDITORS_EMAIL (сейчас — заглушка ${email}); на него города присылают практики`);
  }
  if (problems.length || !parsed) throw new Error(`${publishing ? 'Сборка для публикации остановлена' : 'Сборка остановлена'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const path = parsed.pathname.replace(/\/+$/, '');
  const base = `${path}/`;
  return { origin: parsed.origin, base, url: `${parsed.origin}${base}`, local, editorsEmail: email, placeholderEmail };
}
