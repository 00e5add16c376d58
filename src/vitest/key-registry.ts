/**
 * The entry keys asserted so far in this worker, per test file, so that a
 * second test asserting the same key fails at once, naming both tests. A
 * retry of the same test starts over; a new run of the file (watch mode,
 * isolate: false) starts a fresh registry for it.
 */
import { describeTestLocation } from './test-location.js'

interface Claim {
  testId: string
  retry: number
  where: string
}

/** The part of Vitest's runner task the registry needs. */
export interface TaskLike {
  id: string
  name: string
  file?: object
  location?: { line: number; column: number }
}

export class EntryKeyRegistry {
  private readonly files = new Map<string, { run: object | undefined; keys: Map<string, Claim> }>()

  /** Records that `test` asserts `key`; returns where the key was asserted before by another test (or earlier in this try), else undefined. */
  claim(testFile: string, run: object | undefined, key: string, claim: Claim): string | undefined {
    let file = this.files.get(testFile)
    if (!file || file.run !== run) {
      file = { run, keys: new Map() }
      this.files.set(testFile, file)
    }
    const before = file.keys.get(key)
    if (before && !(before.testId === claim.testId && before.retry !== claim.retry)) return before.where
    file.keys.set(key, claim)
    return undefined
  }
}

const registry = new EntryKeyRegistry()

/** Claims `key` for the running test; returns the earlier claimant's location on a collision. */
export function claimEntryKey(
  root: string,
  testFile: string,
  test: TaskLike,
  retry: number,
  fullName: string,
  key: string,
): { first: string; second: string } | undefined {
  const where = describeTestLocation(root, testFile, fullName, test.location)
  const first = registry.claim(testFile, test.file, key, { testId: test.id, retry, where })
  return first === undefined ? undefined : { first, second: where }
}
