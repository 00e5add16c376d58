/**
 * Two tests of one file that record the same entry key (`describe('a', () =>
 * test('b'))` beside `test('a > b')`, or `{ name: 'x 1' }` beside `test('x')`)
 * would be judged against each other's baseline. Pure detection over the
 * keys the tests of one file asserted.
 */

/** One test's assertion of a key: `testId` tells tests apart, `where` is shown to the user. */
export interface KeyClaim {
  key: string
  testId: string
  where: string
}

export interface KeyCollision {
  key: string
  first: string
  second: string
}

/** Every key asserted by more than one test, once per extra test, in the order found. */
export function findKeyCollisions(claims: readonly KeyClaim[]): KeyCollision[] {
  const firstByKey = new Map<string, KeyClaim>()
  const seen = new Set<string>()
  const out: KeyCollision[] = []
  for (const c of claims) {
    const first = firstByKey.get(c.key)
    if (!first) {
      firstByKey.set(c.key, c)
      continue
    }
    const pair = `${c.key}\u0000${c.testId}`
    if (first.testId === c.testId || seen.has(pair)) continue
    seen.add(pair)
    out.push({ key: c.key, first: first.where, second: c.where })
  }
  return out
}
