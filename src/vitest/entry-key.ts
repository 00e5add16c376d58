/**
 * Entry keys like snapshot keys: the test's full name and a counter that
 * restarts on every try of the test, or the explicit name given to the matcher.
 */
const counters = new WeakMap<object, { retry: number; byName: Map<string, number> }>()

export function nextEntryKey(test: object, retry: number, fullName: string): string {
  let c = counters.get(test)
  if (!c || c.retry !== retry) {
    c = { retry, byName: new Map() }
    counters.set(test, c)
  }
  const n = (c.byName.get(fullName) ?? 0) + 1
  c.byName.set(fullName, n)
  return `${fullName} ${n}`
}
