/** The matcher options that depend on what is asserted: which metrics it gates, and the ones that apply to one kind only. */
import { gatedMetricsFor, type GatedKind } from '../compare/gated-metrics.js'
import { perfgateError } from '../errors.js'
import type { MetricId } from '../types/index.js'
import type { BaselineMatcherOptions } from './options.js'

/**
 * The metrics `toBeWithinBaseline(options)` gates on a `kind` of value. A single number gates its value,
 * so `metrics` does not apply to it; `better` applies to a single number only (a result's metrics know
 * their direction). Either given where it does not apply is an error, not ignored.
 */
export function matcherMetrics(kind: GatedKind | 'number', options: BaselineMatcherOptions, plugin: readonly MetricId[] | undefined): readonly MetricId[] {
  if (kind === 'number') {
    if (options.metrics !== undefined) {
      throw perfgateError('OPTION_INVALID', {
        option: 'toBeWithinBaseline({ metrics })',
        value: options.metrics,
        expected: 'no metrics for a single number: it gates the number itself. Remove the option, or assert on the whole result',
      })
    }
    return ['value']
  }
  if (options.better !== undefined) {
    throw perfgateError('OPTION_INVALID', {
      option: 'toBeWithinBaseline({ better })',
      value: options.better,
      expected:
        "no better for a result: each metric knows its direction. Use better only on a single number, e.g. expect(r.latency.p95).toBeWithinBaseline({ better: 'lower' })",
    })
  }
  return gatedMetricsFor(kind, options.metrics, plugin)
}
