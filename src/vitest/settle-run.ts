/**
 * The end of a run, in the main process: turns every assertion's record into
 * baseline writes (atomically, one file at a time, never a file that failed to
 * validate), lists obsolete entries, writes the report files, and builds the
 * summary text.
 */
import { mergeBaseline } from '../baseline/merge.js'
import { planFileChanges, type TestInRun } from '../baseline/plan-changes.js'
import { baselinePathFor, displayPath, readBaselineFile, writeBaselineFile } from '../baseline/store.js'
import { ansi, colorEnabled, plain } from '../report/ansi.js'
import { runSummary } from '../report/run-summary.js'
import type { GateRecord } from '../types/index.js'
import type { WorkerConfig } from './options.js'
import { RunReports, type ReportSettings } from './report-outputs.js'

/** One test file's outcome: its tests and the records of its assertions. */
export interface ModuleOutcome {
  moduleId: string
  tests: TestInRun[]
  records: GateRecord[]
}

/** Writes what the run recorded and returns the summary, or null when there is nothing to say. */
export function settleRun(config: WorkerConfig, modules: readonly ModuleOutcome[], reportSettings?: ReportSettings): string | null {
  const records: GateRecord[] = []
  const obsolete: { file: string; key: string }[] = []
  const written: string[] = []
  const problems: string[] = []
  const { root, baselineDir, testbed, update } = config
  // before any baseline is written: which baseline files the change itself edits
  const reports = reportSettings ? new RunReports(reportSettings, root, baselineDir, process.env).begin() : undefined

  for (const mod of modules) {
    records.push(...mod.records)
    const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
    const shown = displayPath(root, file)
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
  const out = reports?.finish(records, written)
  problems.push(...(out?.problems ?? []))
  if (records.length === 0 && obsolete.length === 0 && problems.length === 0) return null
  return runSummary({
    records,
    obsolete,
    written,
    problems,
    removedObsolete: update === 'all',
    changedBaselines: out?.changedBaselines,
    reports: out?.files,
    paint: colorEnabled(process.stdout.isTTY, process.env) ? ansi : plain,
  })
}
