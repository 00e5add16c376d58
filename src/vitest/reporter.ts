/**
 * The main-process side of the gate for tests: collects every matcher's
 * record from the tests' task meta at the end of the run and settles it
 * (baseline writes, report files and the summary).
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { moduleOutcome } from './module-outcome.js'
import type { WorkerConfig } from './options.js'
import type { ReportSettings } from './report-outputs.js'
import { settleRun } from './settle-run.js'

export class PerfgateReporter implements Reporter {
  protected vitest?: Vitest

  /**
   * @param deferToMerge this run is one shard writing a blob report: records travel in the tests' task meta to
   * `vitest --merge-reports`, which prints the one summary and writes the baselines once.
   */
  constructor(
    protected readonly config: WorkerConfig,
    protected readonly reports?: ReportSettings,
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
    const { text, failed } = settleRun(
      this.config,
      testModules.map((mod) => moduleOutcome(mod, this.config.root)),
      this.reports,
    )
    if (text) this.log(text)
    // a file perfgate could not write, or two tests on one entry: the run fails
    if (failed) process.exitCode = 1
  }

  protected log(text: string): void {
    const logger = this.vitest?.logger
    if (logger) logger.log(`\n${text}\n`)
    else console.log(`\n${text}\n`)
  }
}
