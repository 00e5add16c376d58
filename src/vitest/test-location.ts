/** How a message names a test: where it is in its file, so two tests of the same name are told apart. */
import { relative, sep } from 'node:path'

/** `test/x.perf.test.ts:12:3 ("a > b")`, or the test's name alone when Vitest gives no location. */
export function describeTestLocation(root: string, testFile: string, fullName: string, location: { line: number; column: number } | undefined): string {
  if (!location) return `test "${fullName}"`
  const rel = relative(root, testFile).split(sep).join('/')
  return `${rel.startsWith('..') ? testFile : rel}:${location.line}:${location.column} ("${fullName}")`
}
