/**
 * The end of a run, in the main process: turns every assertion's record into
 * baseline writes (atomically, one file at a time, never a file that failed to
 * validate), lists obsolete entries, and builds the summary text.
 */
import { baselineChangedSince } from '../baseline/git-baseline.js'
import { mergeBaseline } from '../baseline/merge.js'
import { planFileChanges, type TestInRun } from '../baseline/plan-changes.js'
import { baselinePathFor, displayPath, readBaselineFile, writeBaselineFile } from '../baseline/store.js'
import { runSummary } from '../report/run-summary.js'
import type { GateRecord } from '../types/index.js'
import type { WorkerConfig } from './options.js'

/** One test file's outcome: its tests and the records of its assertions. */
export interface ModuleOutcome {
  moduleId: string
  tests: TestInRun[]
  records: GateRecord[]
}

/** Writes what the run recorded and returns the summary, or null when there is nothing to say. */
export function settleRun(config: WorkerConfig, modules: readonly ModuleOutcome[]): string | null {
  const records: GateRecord[] = []
  const obsolete: { file: string; key: string }[] = []
  const written: string[] = []
  const problems: string[] = []
  const edited: string[] = []
  const { root, baselineDir, testbed, update, baselineCommit: commit } = config

  for (const mod of modules) {
    records.push(...mod.records)
    const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
    const shown = displayPath(root, file)
    // checked before this run writes anything: it is about what the change itself did to the baselines
    if (commit && mod.records.length > 0 && baselineChangedSince(root, commit, file)) edited.push(shown)
    const read = readBaselineFile(file, shown)
    if (read.state === 'invalid') {
      if (mod.records.length > 0) problems.push(read.message)
      continue
    }
    const existing = read.state === 'ok' ? read.data : undefined
    if (!existing && mod.records.length === 0) continue
    const plan = planFileChanges(existing, mod.records, mod.tests, update)
    obsolete.push(...plan.obsolete.map((key) => ({ file: shown, key })))
    if (Object.keys(plan.write).length === 0 && plan.remove.length === 0) continue
    try {
      writeBaselineFile(file, mergeBaseline(existing, plan), root)
      written.push(shown)
    } catch (err) {
      problems.push(`perfgate: could not write ${shown}: ${(err as Error).message}`)
    }
  }
  if (commit && edited.length > 0) {
    problems.push(
      `Judged against the baselines at ${commit.slice(0, 12)}; the working tree changes ${edited.join(', ')}: ` +
        'this change edits the baselines it would otherwise be judged against.',
    )
  }
  if (records.length === 0 && obsolete.length === 0 && problems.length === 0) return null
  return runSummary({ records, obsolete, written, problems, removedObsolete: update === 'all' })
}
