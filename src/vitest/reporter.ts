/**
 * The main-process side of the gate: collects every matcher's record from the
 * tests' task meta at the end of the run, writes new and updated baseline
 * entries (atomically, one file at a time, never a file that failed to
 * validate), lists obsolete entries, and prints the summary.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { mergeBaseline } from '../baseline/merge.js'
import { planFileChanges, type TestInRun } from '../baseline/plan-changes.js'
import { baselinePathFor, displayPath, readBaselineFile, writeBaselineFile } from '../baseline/store.js'
import { runSummary } from '../report/run-summary.js'
import { ansi, colorEnabled, plain } from '../report/ansi.js'
import type { GateRecord } from '../types/index.js'
import type { WorkerConfig } from './options.js'
import { RunReports, type ReportSettings } from './report-outputs.js'

export class PerfgateReporter implements Reporter {
  private vitest?: Vitest

  constructor(
    private readonly config: WorkerConfig,
    private readonly reports?: ReportSettings,
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const records: GateRecord[] = []
    const obsolete: { file: string; key: string }[] = []
    const written: string[] = []
    const problems: string[] = []
    const { root, baselineDir, update } = this.config
    // before any baseline is written: which baseline files the change itself edits
    const reports = this.reports ? new RunReports(this.reports, root, baselineDir, process.env).begin() : undefined

    for (const mod of testModules) {
      const tests: TestInRun[] = []
      const fileRecords: GateRecord[] = []
      for (const test of mod.children.allTests()) {
        tests.push({ fullName: test.fullName, state: test.result().state })
        const meta = test.meta() as { perfgate?: GateRecord[] }
        if (meta.perfgate) fileRecords.push(...meta.perfgate)
      }
      records.push(...fileRecords)
      const file = baselinePathFor(root, baselineDir, mod.moduleId)
      const shown = displayPath(root, file)
      const read = readBaselineFile(file, shown)
      if (read.state === 'invalid') {
        if (fileRecords.length > 0) problems.push(read.message)
        continue
      }
      const existing = read.state === 'ok' ? read.data : undefined
      if (!existing && fileRecords.length === 0) continue
      const plan = planFileChanges(existing, fileRecords, tests, update)
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
    if (records.length === 0 && obsolete.length === 0 && problems.length === 0) return
    const paint = colorEnabled(process.stdout.isTTY, process.env) ? ansi : plain
    const text = runSummary({
      records,
      obsolete,
      written,
      problems,
      removedObsolete: update === 'all',
      changedBaselines: out?.changedBaselines,
      reports: out?.files,
      paint,
    })
    const logger = this.vitest?.logger
    if (logger) logger.log(`\n${text}\n`)
    else console.log(`\n${text}\n`)
  }
}
