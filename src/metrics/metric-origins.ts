/**
 * Where a number came from: every profile or generation result created in a
 * test registers its gated metric values here, so that
 * `expect(r.latency.p95).toBeWithinBaseline()` can gate that metric with the
 * result's samples instead of as a bare number.
 *
 * The registry holds the results of one test only: the wiring layer tells it
 * how to name the running test (setOriginScope), a registration under another
 * test drops the previous test's results, and a lookup under another test than
 * the registrations' finds nothing. Outside a test nothing is registered.
 */
import { metricValues } from './catalogue.js'
import { generationMetricValues } from './generation-metrics.js'
import type { GenerationResult, MetricId, ProfileResult } from '../types/index.js'

export type OriginResult = { kind: 'profile'; result: ProfileResult } | { kind: 'generation'; result: GenerationResult }

/** One registered metric of one result. */
export interface MetricOrigin {
  source: OriginResult
  metric: MetricId
  value: number
}

export type OriginLookup = { kind: 'found'; origin: MetricOrigin } | { kind: 'ambiguous'; origins: MetricOrigin[] } | { kind: 'unknown' }

let currentScope: () => string | undefined = () => undefined
let scope: string | undefined
let origins: MetricOrigin[] = []

/** Sets how the running test is named (its id); undefined outside a test. Called once by the Vitest setup. */
export function setOriginScope(scopeOf: () => string | undefined): void {
  currentScope = scopeOf
}

/** Registers a result's gated metric values under the running test; returns the result. */
export function registerOrigins<R extends OriginResult>(source: R): R['result'] {
  const s = currentScope()
  if (s === undefined) return source.result
  if (s !== scope) {
    scope = s
    origins = []
  }
  const values = source.kind === 'profile' ? metricValues(source.result) : generationMetricValues(source.result)
  for (const [metric, value] of Object.entries(values)) origins.push({ source, metric: metric as MetricId, value })
  return source.result
}

/** The registered metric a number is (Object.is) in the test named `testId`: one, several, or none. */
export function lookupOrigin(value: number, testId: string): OriginLookup {
  if (testId !== scope) return { kind: 'unknown' }
  const found = origins.filter((o) => Object.is(o.value, value))
  if (found.length === 0) return { kind: 'unknown' }
  if (found.length === 1) return { kind: 'found', origin: found[0]! }
  return { kind: 'ambiguous', origins: found }
}

/** How a message names a registered metric's result, e.g. `profile(models/det.onnx)`. */
export function originLabel(o: MetricOrigin): string {
  const s = o.source
  if (s.kind === 'generation') return `profile.generate(${s.result.model.path})`
  return s.result.model ? `profile(${s.result.model.path})` : 'profile(function)'
}
