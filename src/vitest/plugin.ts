/**
 * `perfgate(options)`: the Vitest plugin. It adds the setup file that
 * registers the matchers, resolves the options and update policy once in the
 * main process, hands them to workers with `provide`, and adds the reporter
 * that writes baselines.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import { validateToleranceInput } from '../compare/tolerance.js'
import { isMetricId, PROFILE_METRIC_IDS } from '../compare/metrics.js'
import { perfgateError } from '../errors.js'
import { DEFAULT_BASELINE_DIR } from '../baseline/store.js'
import { resolveUpdateMode, type PerfgateOptions, type WorkerConfig } from './options.js'
import { PerfgateReporter } from './reporter.js'
import { resolveReportSettings } from './report-outputs.js'
import './augment.js'

const SETUP_FILE = fileURLToPath(new URL(`./setup${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url))

function validateOptions(o: PerfgateOptions): void {
  validateToleranceInput(o.tolerance, 'perfgate({ tolerance })')
  for (const m of o.metrics ?? []) {
    if (!isMetricId(m)) throw perfgateError('METRIC_UNKNOWN', { where: 'perfgate({ metrics })', metric: m, known: PROFILE_METRIC_IDS })
  }
  if (o.alpha !== undefined && !(typeof o.alpha === 'number' && o.alpha > 0 && o.alpha < 1)) {
    throw perfgateError('OPTION_INVALID', { option: 'perfgate({ alpha })', value: o.alpha, expected: 'a number between 0 and 1, e.g. 0.01' })
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

export function perfgate(options: PerfgateOptions = {}): Plugin {
  validateOptions(options)
  const reporterAdded = new WeakSet<object>()
  return {
    name: 'perfgate',
    config() {
      return { test: { setupFiles: [SETUP_FILE] } }
    },
    configureVitest({ vitest, project }) {
      const worker: WorkerConfig = {
        root: vitest.config.root,
        baselineDir: options.baselineDir ?? DEFAULT_BASELINE_DIR,
        update: resolveUpdateMode(options.update, vitest.config.snapshotOptions.updateSnapshot === 'all', process.env),
        tolerance: options.tolerance,
        metrics: options.metrics,
        alpha: options.alpha,
        annotations: options.annotations,
      }
      project.provide('perfgate', worker)
      if (!reporterAdded.has(vitest)) {
        reporterAdded.add(vitest)
        vitest.config.reporters.push(new PerfgateReporter(worker, resolveReportSettings(options, process.env)) as never)
      }
    },
  }
}
