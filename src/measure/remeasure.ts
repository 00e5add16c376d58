/**
 * How to measure a result again: `profile()` and `profile.generate()` leave,
 * for every result they return, the call that made it (same target, same
 * options, fresh sessions), so that the gate can confirm a regression or
 * resolve an unresolved change with another measurement (vitest/confirm.ts).
 * Held in a WeakMap: the result object itself stays plain data.
 */
const calls = new WeakMap<object, () => Promise<object>>()

/** Remembers how `result` was made; returns it. */
export function withRemeasure<R extends object>(result: R, again: () => Promise<R>): R {
  calls.set(result, again)
  return result
}

/** The call that measures `result` again, or undefined for a result perfgate did not measure in this process (read from JSON, built by hand). */
export function remeasureOf<R extends object>(result: R): (() => Promise<R>) | undefined {
  return calls.get(result) as (() => Promise<R>) | undefined
}
