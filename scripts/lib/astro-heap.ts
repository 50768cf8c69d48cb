/**
 * The heap limit of the Astro build's Node process (scripts/build.ts).
 *
 * Why a limit: V8 sizes its heap from the limit it is given, not from what the build keeps. At
 * 10 000 practices the Astro process kept about 310 MB after each full garbage collection, yet
 * with Node's default limit (about 4 GB on this machine) it grew to 2.2 GB resident; with an
 * old space of 1 536 MB it collected sooner and stayed at 1.8 GB (README, «Замеры и цели»). The
 * limit leaves five times the live heap of 10 000 practices; a bank that outgrows it stops with
 * a message saying how to raise it (ASDG_BUILD_HEAP_MB), and 0 gives back Node's own default.
 */

export const HEAP_ENV = 'ASDG_BUILD_HEAP_MB';
/** Megabytes of V8 old space for the Astro process when HEAP_ENV is not set. */
export const DEFAULT_HEAP_MB = 1536;

/** Node flags for the Astro process from `env`; throws a Russian message naming the variable on a bad value. */
export function astroHeapFlags(env: NodeJS.ProcessEnv): string[] {
  const raw = env[HEAP_ENV]?.trim();
  if (raw === undefined || raw === '') return [`--max-old-space-size=${DEFAULT_HEAP_MB}`];
  if (!/^\d+$/.test(raw)) throw new Error(`${HEAP_ENV}: ожидается целое число мегабайт (0 — без предела), получено «${raw}»`);
  const megabytes = Number(raw);
  return megabytes === 0 ? [] : [`--max-old-space-size=${megabytes}`];
}

/**
 * What to tell an editor when the Astro process ended with `signal`: Node aborts (SIGABRT) when
 * the heap limit is reached. Undefined for any other end.
 */
export function outOfMemoryHint(signal: NodeJS.Signals | null, env: NodeJS.ProcessEnv): string | undefined {
  if (signal !== 'SIGABRT') return undefined;
  const limit = astroHeapFlags(env)[0]?.split('=')[1];
  const now = limit ? `предел ${limit} МБ` : 'предел Node по умолчанию';
  const next = Number(limit ?? DEFAULT_HEAP_MB) * 2;
  return `Сборке Astro, похоже, не хватило памяти (${now}, переменная ${HEAP_ENV}). Задайте больше, например: ${HEAP_ENV}=${next} npm run build`;
}
