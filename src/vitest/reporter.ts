/**
 * The main-process side of the gate: collects every matcher's record from the
 * tests' task meta at the end of the run, writes new and updated baseline
 * entries (atomically, one file at a time, never a file that failed to
 * validate), lists obsolete entries, and prints the summary.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { baselineChangedSince } from '../baseline/git-baseline.js'
import { mergeBaseline } from '../baseline/merge.js'
import { planFileChanges, type TestInRun } from '../baseline/plan-changes.js'
import { baselinePathFor, displayPath, readBaselineFile, writeBaselineFile } from '../baseline/store.js'
import { runSummary } from '../report/run-summary.js'
import type { GateRecord } from '../types/index.js'
import type { WorkerConfig } from './options.js'

export class PerfgateReporter implements Reporter {
  private vitest?: Vitest

  /**
   * @param deferToMerge this run is one shard writing a blob report: records travel in the tests' task meta to
   * `vitest --merge-reports`, which prints the one summary and writes the baselines once.
   */
  constructor(
    private readonly config: WorkerConfig,
    private readonly deferToMerge = false,
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (this.deferToMerge) {
      this.log('perfgate: shard results are in the blob report; `vitest --merge-reports` prints the gate summary and updates baselines.')
      return
    }
    const records: GateRecord[] = []
    const obsolete: { file: string; key: string }[] = []
    const written: string[] = []
    const problems: string[] = []
    const { root, baselineDir, testbed, update } = this.config
    const commit = this.config.baselineCommit
    const edited: string[] = []

    for (const mod of testModules) {
      const tests: TestInRun[] = []
      const fileRecords: GateRecord[] = []
      for (const test of mod.children.allTests()) {
        tests.push({ fullName: test.fullName, state: test.result().state })
        const meta = test.meta() as { perfgate?: GateRecord[] }
        if (meta.perfgate) fileRecords.push(...meta.perfgate)
      }
      records.push(...fileRecords)
      const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
      const shown = displayPath(root, file)
      // checked before this run writes anything: it is about what the change itself did to the baselines
      if (commit && fileRecords.length > 0 && baselineChangedSince(root, commit, file)) edited.push(shown)
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
    if (records.length === 0 && obsolete.length === 0 && problems.length === 0) return
    if (commit && edited.length > 0) {
      problems.push(
        `Judged against the baselines at ${commit.slice(0, 12)}; the working tree changes ${edited.join(', ')}: ` +
          'this change edits the baselines it would otherwise be judged against.',
      )
    }
    this.log(runSummary({ records, obsolete, written, problems, removedObsolete: update === 'all' }))
  }

  private log(text: string): void {
    const logger = this.vitest?.logger
    if (logger) logger.log(`\n${text}\n`)
    else console.log(`\n${text}\n`)
  }
}
