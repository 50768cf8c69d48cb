/**
 * The value a test goes on with, or a failure that says what was missing: used where a `find`,
 * a regex match or an index must give something, instead of a non-null `!` that would fail later
 * as a TypeError far from the cause.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what}: not found`);
  return value;
}
