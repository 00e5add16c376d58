/**
 * The gate for `vitest bench` (Vitest 4's benchmark mode): tinybench measures
 * each `bench()` in the worker; here, in the main process, every task's
 * samples become an entry that is gated against the same kind of baseline
 * files, with the same decision (compare/decide-entry.ts), update policy and
 * summary as tests. A regression (or a missing baseline in CI, unless
 * `missingTestbed: 'warn'` and another testbed has this file's baselines)
 * makes the run exit non-zero. Annotations: Vitest 4 has no public way for the
 * main process to add one to a finished test, so bench mode has none; its
 * findings are in the summary.
 */
import type { TestModule } from 'vitest/node'
import { entryFromSamples } from '../baseline/entry.js'
import { baselineReader } from '../baseline/baseline-store.js'
import { lookupEntry } from '../baseline/lookup-entry.js'
import { baselinePathFor, displayPath, otherTestbedsWithFile } from '../baseline/store.js'
import { decideEntry } from '../compare/decide-entry.js'
import { gatedMetricsFor } from '../compare/gated-metrics.js'
import type { GateRecord, Testbed } from '../types/index.js'
import { collectTestbed } from '../measure/run/testbed.js'
import { decisionMessage } from '../report/decision-message.js'
import { moduleRanToEnd } from './module-outcome.js'
import { PerfgateReporter } from './reporter.js'
import { settleRun, type ModuleOutcome } from './settle-run.js'

interface BenchResult {
  samples?: number[]
}

export class PerfgateBenchReporter extends PerfgateReporter {
  override onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const { root, baselineDir, testbed, baselineCommit, update, missingTestbed } = this.config
    let failed = false
    const messages: string[] = []
    const machine: Testbed = collectTestbed('none')
    const baselines = baselineReader(root, baselineCommit)
    const modules: ModuleOutcome[] = testModules.map((mod) => {
      const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
      const shown = displayPath(root, file)
      const read = baselines.read(file, shown)
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
          failed = true
          continue
        }
        const current = entryFromSamples(samples, test.fullName, machine, { source: 'vitest bench' })
        const stored = found.stored
        record.current = current
        if (stored) record.baseline = stored
        // the same decision as the matcher's (compare/decide-entry.ts)
        const decision = decideEntry({
          stored,
          current,
          update,
          compare: { metrics: gatedMetricsFor('bench', undefined, this.config.metrics), configTolerance: this.config.tolerance, alpha: this.config.alpha },
          missingTestbed: { policy: missingTestbed, otherTestbeds: () => otherTestbedsWithFile(root, baselineDir, testbed, mod.moduleId) },
          // a benchmark cannot be measured again from here: its entry is decided on the one measurement
          unresolved: this.config.unresolved,
        })
        Object.assign(record, decision.record)
        if (!decision.pass) failed = true
        // what the summary's lists do not say: which testbeds have this file's baselines, or why a kind cannot be compared
        const reason = decision.reason
        if (reason.kind === 'kind-changed' || reason.kind === 'endpoint-changed' || (reason.kind === 'missing' && reason.otherTestbeds.length > 0)) {
          messages.push(decisionMessage(decision, { key: test.fullName, file: shown, testbed }))
        }
      }
      return outcome
    })
    const settled = settleRun(this.config, modules, this.reports)
    if (settled.text) this.log(settled.text)
    if (messages.length > 0) this.log(messages.join('\n\n'))
    if (settled.failed) failed = true
    if (failed) process.exitCode = 1
  }
}
