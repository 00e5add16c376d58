/**
 * `perfgate(options)`: the Vitest plugin. It adds the setup file that
 * registers the matchers, resolves the options and update policy once in the
 * main process, hands them to workers with `provide`, and adds the reporter
 * that writes baselines.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import { perfgateError } from '../errors.js'
import { PLUGIN_SPEC, updateModeFromEnv } from '../options/vitest-specs.js'
import { validateOptions } from '../options/validate-options.js'
import { assertBaselineDirInsideRoot, DEFAULT_BASELINE_DIR } from '../baseline/store.js'
import { deriveTestbedId, isValidTestbedId } from '../baseline/testbed-id.js'
import { resolveBaselineRef } from '../baseline/git-baseline.js'
import { collectTestbed } from '../measure/run/testbed.js'
import { DEFAULT_CONFIRM, DEFAULT_UNRESOLVED } from '../compare/confirm-policy.js'
import { resolveUpdateMode, type PerfgateOptions, type WorkerConfig } from './options.js'
import { PerfgateBenchReporter } from './bench-reporter.js'
import { PerfgateReporter } from './reporter.js'
import { resolveReportSettings } from './report-outputs.js'
import { applyProjectTimeouts, perfTestBudget, perfTestTimeoutMs, perfTimeouts } from './test-timeout.js'
import './augment.js'

const SETUP_FILE = fileURLToPath(new URL(`./setup${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url))

/** PERFGATE_TESTBED, else the option, else derived from this machine. */
function resolveTestbed(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.PERFGATE_TESTBED
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isValidTestbedId(fromEnv)) {
      throw perfgateError('OPTION_INVALID', { option: 'PERFGATE_TESTBED', value: fromEnv, expected: 'a folder name of letters, digits, ".", "_" or "-"' })
    }
    return fromEnv
  }
  return option ?? deriveTestbedId(collectTestbed('none'))
}

/**
 * The Vitest instances that have perfgate's reporter. Module-wide, not per plugin instance: a config whose
 * projects extend it (`extends: true`) gives each project its own instance of the plugin, and the run
 * must still get one reporter, one summary and one baseline update.
 */
const reporterAdded = new WeakSet<object>()

export function perfgate(options: PerfgateOptions = {}): Plugin {
  // one spec for every option: unknown names, types and ranges fail here, before any test runs
  validateOptions(PLUGIN_SPEC, options, 'perfgate')
  updateModeFromEnv(process.env)
  const confirm = options.confirm ?? DEFAULT_CONFIRM
  let timeouts: ReturnType<typeof perfTimeouts> = {}
  return {
    name: 'perfgate',
    config(config) {
      // task locations let a key collision name both tests by file:line:column;
      // a profile must never meet Vitest's default 5 s timeout, and a timeout the user set wins (test-timeout.ts)
      timeouts = perfTimeouts(config.test, perfTestTimeoutMs(perfTestBudget(process.env, confirm)))
      return { test: { setupFiles: [SETUP_FILE], includeTaskLocation: true, ...timeouts } }
    },
    configureVitest({ vitest, project }) {
      assertBaselineDirInsideRoot(vitest.config.root, options.baselineDir ?? DEFAULT_BASELINE_DIR)
      const worker: WorkerConfig = {
        root: vitest.config.root,
        baselineDir: options.baselineDir ?? DEFAULT_BASELINE_DIR,
        testbed: resolveTestbed(options.testbed, process.env),
        missingTestbed: options.missingTestbed ?? 'fail',
        baselineCommit: options.baselineRef ? resolveBaselineRef(vitest.config.root, options.baselineRef, process.env) : undefined,
        update: resolveUpdateMode(options.update, vitest.config.snapshotOptions.updateSnapshot === 'all', process.env),
        tolerance: options.tolerance,
        metrics: options.metrics,
        alpha: options.alpha,
        annotations: options.annotations,
        confirm,
        unresolved: options.unresolved ?? DEFAULT_UNRESOLVED,
        profileDefaults: options.profileDefaults ?? 'gate',
      }
      project.provide('perfgate', worker)
      // Vitest 5 does not carry config()'s setup file and timeouts into a `test.projects` entry that extends the root
      // config; a timeout still at Vitest's default there was set by nobody (a user's own, or a CLI flag, differs)
      const setupFiles = project.config.setupFiles
      if (Array.isArray(setupFiles) && !setupFiles.includes(SETUP_FILE)) setupFiles.push(SETUP_FILE)
      applyProjectTimeouts(project.config, timeouts)
      // judged against a commit: the reports flag the baseline files the change edits since then
      const reports = resolveReportSettings({ ...options, baseRef: options.baseRef ?? worker.baselineCommit }, process.env)
      // Vitest 5: bench().run() results keep their per-iteration samples only when asked to
      for (const c of [vitest.config, project.config] as { benchmark?: { retainSamples?: boolean } }[]) if (c.benchmark) c.benchmark.retainSamples = true
      if (vitest.config.mode === 'benchmark') {
        // the gate needs each task's samples in the main process
        for (const c of [vitest.config, project.config]) if (c.benchmark) c.benchmark.includeSamples = true
        if (!reporterAdded.has(vitest)) {
          reporterAdded.add(vitest)
          const bench = vitest.config.benchmark
          if (bench) bench.reporters = [...(Array.isArray(bench.reporters) ? bench.reporters : [bench.reporters]), new PerfgateBenchReporter(worker, reports)]
        }
        return
      }
      if (!reporterAdded.has(vitest)) {
        reporterAdded.add(vitest)
        // a shard that writes a blob report leaves the summary and the baseline update to `vitest --merge-reports`
        const deferToMerge = vitest.config.reporters.some((r) => (Array.isArray(r) ? r[0] : r) === 'blob')
        vitest.config.reporters.push(new PerfgateReporter(worker, reports, deferToMerge) as never)
      }
    },
  }
}
