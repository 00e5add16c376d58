/**
 * `perfgate(options)`: the Vitest plugin. It adds the setup file that
 * registers the matchers, resolves the options and update policy once in the
 * main process, hands them to workers with `provide`, and adds the reporter
 * that writes baselines.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import { validateToleranceInput } from '../compare/tolerance.js'
import { isMetricId, KNOWN_METRIC_IDS } from '../compare/metrics.js'
import { perfgateError } from '../errors.js'
import { DEFAULT_BASELINE_DIR } from '../baseline/store.js'
import { deriveTestbedId, isValidTestbedId } from '../baseline/testbed-id.js'
import { resolveBaselineRef } from '../baseline/git-baseline.js'
import { collectTestbed } from '../measure/testbed.js'
import { resolveUpdateMode, type PerfgateOptions, type WorkerConfig } from './options.js'
import { PerfgateBenchReporter } from './bench-reporter.js'
import { PerfgateReporter } from './reporter.js'
import { resolveReportSettings } from './report-outputs.js'
import './augment.js'

const SETUP_FILE = fileURLToPath(new URL(`./setup${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url))

function validateOptions(o: PerfgateOptions): void {
  validateToleranceInput(o.tolerance, 'perfgate({ tolerance })')
  for (const m of o.metrics ?? []) {
    if (!isMetricId(m)) throw perfgateError('METRIC_UNKNOWN', { where: 'perfgate({ metrics })', metric: m, known: KNOWN_METRIC_IDS })
  }
  if (o.alpha !== undefined && !(typeof o.alpha === 'number' && o.alpha > 0 && o.alpha < 1)) {
    throw perfgateError('OPTION_INVALID', { option: 'perfgate({ alpha })', value: o.alpha, expected: 'a number between 0 and 1, e.g. 0.01' })
  }
  if (o.missingTestbed !== undefined && !['fail', 'warn'].includes(o.missingTestbed)) {
    throw perfgateError('OPTION_INVALID', { option: 'perfgate({ missingTestbed })', value: o.missingTestbed, expected: "'fail' or 'warn'" })
  }
  if (o.testbed !== undefined && !isValidTestbedId(o.testbed)) {
    throw perfgateError('OPTION_INVALID', { option: 'perfgate({ testbed })', value: o.testbed, expected: 'a folder name of letters, digits, ".", "_" or "-"' })
  }
  if (o.update !== undefined && !['all', 'new', 'none'].includes(o.update)) {
    throw perfgateError('OPTION_INVALID', { option: 'perfgate({ update })', value: o.update, expected: "'all', 'new' or 'none'" })
  }
  for (const key of ['markdown', 'html', 'json', 'csv', 'history', 'baseRef'] as const) {
    const v = o[key]
    if (v !== undefined && (typeof v !== 'string' || v === '')) {
      throw perfgateError('OPTION_INVALID', { option: `perfgate({ ${key} })`, value: v, expected: key === 'baseRef' ? 'a git ref, e.g. origin/main' : 'a file path' })
    }
  }
}

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

export function perfgate(options: PerfgateOptions = {}): Plugin {
  validateOptions(options)
  const reporterAdded = new WeakSet<object>()
  return {
    name: 'perfgate',
    config() {
      // task locations let a key collision name both tests by file:line:column
      return { test: { setupFiles: [SETUP_FILE], includeTaskLocation: true } }
    },
    configureVitest({ vitest, project }) {
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
      }
      project.provide('perfgate', worker)
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
