/**
 * Pure planning of what a run changes in one baseline file: the entries to
 * write (new, updated) and the obsolete ones.
 *
 * An entry is obsolete only when its test file ran to the end (collected
 * without error, not skipped as a whole, not interrupted) and did not assert
 * it: no test of that name exists in the file any more, or its test passed
 * without asserting that entry. A file that failed to import or collect, and
 * a test that was skipped or filtered out (`-t`, `.skip`, `.only`), never
 * make anything obsolete: they did not get the chance to assert.
 */
import type { BaselineFile, GateRecord, UpdateMode } from '../types/index.js'
import { entryMap, type BaselineChanges } from './merge.js'

export interface TestInRun {
  fullName: string
  state: 'passed' | 'failed' | 'skipped' | 'pending'
}

export interface FilePlan extends BaselineChanges {
  obsolete: string[]
}

/**
 * @param ranToEnd the test file was collected without error and ran (not skipped whole, not interrupted);
 * when false, nothing is called obsolete.
 */
export function planFileChanges(
  existing: BaselineFile | undefined,
  records: readonly GateRecord[],
  tests: readonly TestInRun[],
  update: UpdateMode,
  ranToEnd: boolean,
): FilePlan {
  const write = entryMap()
  for (const r of records) if ((r.status === 'new' || r.status === 'updated') && r.entry) write[r.key] = r.entry
  if (!ranToEnd) return { write, obsolete: [], remove: [] }
  const asserted = new Set(records.map((r) => r.key))
  const byName = new Map(tests.map((t) => [t.fullName, t.state]))
  const obsolete = Object.keys(existing?.entries ?? {})
    .filter((key) => {
      if (asserted.has(key)) return false
      const state = byName.get(existing!.entries[key]!.test)
      return state === undefined || state === 'passed'
    })
    .sort()
  return { write, obsolete, remove: update === 'all' ? obsolete : [] }
}
