/**
 * The gate for `vitest bench` (Vitest 4's benchmark mode): tinybench measures
 * each `bench()` in the worker; here, in the main process, every task's
 * samples become an entry that is gated against the same kind of baseline
 * files, with the same rule, update policy and summary as tests. A regression
 * (or a missing baseline in CI) makes the run exit non-zero.
 */
import type { TestModule } from 'vitest/node'
import { entryFromSamples } from '../baseline/entry.js'
import { readBaselineAtCommit } from '../baseline/git-baseline.js'
import { lookupEntry } from '../baseline/lookup-entry.js'
import { baselinePathFor, displayPath, readBaselineFile } from '../baseline/store.js'
import { decideGate } from '../compare/gate.js'
import { BENCH_GATED_METRICS } from '../compare/metrics.js'
import type { GateRecord, Testbed } from '../types/index.js'
import { collectTestbed } from '../measure/testbed.js'
import { moduleRanToEnd } from './module-outcome.js'
import { PerfgateReporter } from './reporter.js'
import { settleRun, type ModuleOutcome } from './settle-run.js'


interface BenchResult {
  samples?: number[]
}

export class PerfgateBenchReporter extends PerfgateReporter {
  override onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const { root, baselineDir, testbed, baselineCommit, update } = this.config
    const machine: Testbed = collectTestbed('none')
    const modules: ModuleOutcome[] = testModules.map((mod) => {
      const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
      const shown = displayPath(root, file)
      const read = baselineCommit ? readBaselineAtCommit(root, baselineCommit, file, shown) : readBaselineFile(file, shown)
      const outcome: ModuleOutcome = { moduleId: mod.moduleId, ranToEnd: moduleRanToEnd(mod), tests: [], records: [] }
      for (const test of mod.children.allTests()) {
        outcome.tests.push({ fullName: test.fullName, state: test.result().state })
        // the runner task behind the reported test case (not in Vitest's public types) carries the tinybench result
        const task = (test as unknown as { task?: { result?: { benchmark?: BenchResult } } }).task
        const samples = task?.result?.benchmark?.samples
        if (!samples || samples.length === 0) continue
        const record: GateRecord = { file: shown, key: test.fullName, test: test.fullName, status: 'pass' }
        outcome.records.push(record)
        const found = lookupEntry(read, test.fullName, update)
        if (found.invalid !== undefined) {
          record.status = 'invalid'
          continue
        }
        const current = entryFromSamples(samples, test.fullName, machine, { source: 'vitest bench' })
        const stored = found.stored
        const outcomeOf = decideGate(stored, current, update, {
          metrics: this.config.metrics ?? BENCH_GATED_METRICS,
          configTolerance: this.config.tolerance,
          alpha: this.config.alpha,
        })
        record.status = outcomeOf.status === 'kind-changed' ? 'regressed' : outcomeOf.status
        if (outcomeOf.status === 'new' || outcomeOf.status === 'updated') record.entry = current
        if ('comparison' in outcomeOf) {
          record.rows = outcomeOf.comparison.rows
          if (outcomeOf.comparison.differences.length > 0) record.differences = outcomeOf.comparison.differences
        }
      }
      return outcome
    })
    const settled = settleRun(this.config, modules, this.reports)
    if (settled.text) this.log(settled.text)
    const failed = settled.failed || modules.some((m) => m.records.some((r) => r.status === 'regressed' || r.status === 'invalid' || (r.status === 'missing' && this.config.missingTestbed !== 'warn')))
    if (failed) process.exitCode = 1
  }
}
