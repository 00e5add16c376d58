/**
 * Pure planning of what a run changes in one baseline file: the entries to
 * write (new, updated) and the obsolete ones. An entry is obsolete when no
 * test of that name exists in the file any more, or when its test passed in
 * this run without asserting that entry.
 */
import type { BaselineEntry, BaselineFile, GateRecord, UpdateMode } from '../types/index.js'
import type { BaselineChanges } from './merge.js'

export interface TestInRun {
  fullName: string
  state: 'passed' | 'failed' | 'skipped' | 'pending'
}

export interface FilePlan extends BaselineChanges {
  obsolete: string[]
}

export function planFileChanges(
  existing: BaselineFile | undefined,
  records: readonly GateRecord[],
  tests: readonly TestInRun[],
  update: UpdateMode,
): FilePlan {
  const write: Record<string, BaselineEntry> = {}
  for (const r of records) if ((r.status === 'new' || r.status === 'updated') && r.entry) write[r.key] = r.entry
  const asserted = new Set(records.map((r) => r.key))
  const byName = new Map(tests.map((t) => [t.fullName, t.state]))
  const obsolete = Object.entries(existing?.entries ?? {})
    .filter(([key, e]) => {
      if (asserted.has(key)) return false
      const state = byName.get(e.test)
      return state === undefined || state === 'passed'
    })
    .map(([key]) => key)
    .sort()
  return { write, obsolete, remove: update === 'all' ? obsolete : [] }
}
