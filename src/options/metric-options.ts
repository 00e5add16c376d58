/** Checks of the options that name metrics and tolerances, with "did you mean" suggestions. */
import { validateToleranceInput, type ToleranceInput } from '../compare/tolerance.js'
import { isMetricId, KNOWN_METRIC_IDS } from '../metrics/catalogue.js'
import { perfgateError } from '../errors.js'
import { closestName } from './suggest.js'

function unknownMetric(id: string, where: string, known: readonly string[]): never {
  throw perfgateError('METRIC_UNKNOWN', { where, metric: id, known, suggestion: closestName(id, known) })
}

/** A `metrics` option: a non-empty array of known metric ids. */
export function checkMetricList(v: unknown, option: string): void {
  if (!Array.isArray(v)) {
    throw perfgateError('OPTION_INVALID', {
      option,
      value: v,
      expected: `an array of metric ids, e.g. ['latency.p95'] (known: ${KNOWN_METRIC_IDS.join(', ')})`,
    })
  }
  if (v.length === 0) throw perfgateError('METRICS_EMPTY', { where: option })
  for (const id of v) {
    if (typeof id !== 'string') throw perfgateError('OPTION_INVALID', { option, value: id, expected: 'metric ids (strings), e.g. ' + "'latency.p95'" })
    if (!isMetricId(id)) unknownMetric(id, option, KNOWN_METRIC_IDS)
  }
}

/** A `tolerance` option: one tolerance, or a non-empty map by known metric id (or `default`). */
export function checkToleranceOption(v: unknown, option: string): void {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const keys = Object.keys(v)
    if (keys.length === 0) throw perfgateError('TOLERANCE_INVALID', { where: option, value: v })
    const single = keys.some((k) => k === 'rel' || k === 'abs' || k === 'warn')
    if (!single) for (const k of keys) if (k !== 'default' && !isMetricId(k)) unknownMetric(k, option, [...KNOWN_METRIC_IDS, 'default'])
  }
  validateToleranceInput(v as ToleranceInput, option)
}
