/**
 * The entry of a number that came from a result (metric-origins.ts): the
 * result's entry (its kind, samples, model, options, testbed) with that one
 * metric, so the comparison gates it with the samples behind it.
 */
import { entryFromGeneration, entryFromProfile } from '../baseline/entry.js'
import type { MetricOrigin } from '../metrics/metric-origins.js'
import type { BaselineEntry } from '../types/index.js'

export function entryFromOrigin(origin: MetricOrigin, test: string): BaselineEntry {
  const s = origin.source
  const whole = s.kind === 'profile' ? entryFromProfile(s.result, test) : entryFromGeneration(s.result, test)
  const value = whole.metrics[origin.metric]
  return { ...whole, metrics: value === undefined ? {} : { [origin.metric]: value } }
}
