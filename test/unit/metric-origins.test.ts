/**
 * The registry of numbers that came from a result: scoped to the running
 * test, exact (Object.is) matches only, ambiguity reported, nothing outside a
 * test.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lookupOrigin, originLabel, registerOrigins, setOriginScope } from '../../src/metrics/metric-origins.js'
import { entryFromOrigin } from '../../src/compare/origin-entry.js'
import { errorMessage } from '../../src/errors.js'
import { profileResult } from './entry-factory.js'

let testId: string | undefined
setOriginScope(() => testId)
afterEach(() => {
  testId = undefined
})

describe('the metric-origin registry', () => {
  it('finds the metric a number is, in the test that created the result', () => {
    testId = 't1'
    const r = profileResult()
    expect(registerOrigins({ kind: 'profile', result: r })).toBe(r)
    const found = lookupOrigin(r.latency.p95, 't1')
    expect(found.kind).toBe('found')
    if (found.kind !== 'found') return
    expect(found.origin.metric).toBe('latency.p95')
    expect(found.origin.source.result).toBe(r)
    expect(originLabel(found.origin)).toBe(`profile(${r.model!.path})`)
  })

  it('matches exact values only: a number one ulp away is unknown', () => {
    testId = 't2'
    const r = registerOrigins({ kind: 'profile', result: profileResult() })
    const p95 = r.latency.p95
    expect(lookupOrigin(p95 + Number.EPSILON * p95, 't2')).toStrictEqual({ kind: 'unknown' })
  })

  it('finds nothing in another test, and drops a test results once another test registers', () => {
    testId = 't3'
    const r = registerOrigins({ kind: 'profile', result: profileResult() })
    expect(lookupOrigin(r.latency.p95, 't4')).toStrictEqual({ kind: 'unknown' })
    testId = 't4'
    registerOrigins({ kind: 'profile', result: profileResult({ latency: { ...r.latency, p95: 123.456 } }) })
    expect(lookupOrigin(r.latency.p95, 't3')).toStrictEqual({ kind: 'unknown' })
    expect(lookupOrigin(123.456, 't4').kind).toBe('found')
  })

  it('registers nothing outside a test', () => {
    testId = 't5'
    registerOrigins({ kind: 'profile', result: profileResult({ latency: { ...profileResult().latency, p95: 7.25 } }) })
    testId = undefined
    const outside = registerOrigins({ kind: 'profile', result: profileResult({ latency: { ...profileResult().latency, p95: 8.5 } }) })
    expect(outside.latency.p95).toBe(8.5)
    expect(lookupOrigin(8.5, 't5')).toStrictEqual({ kind: 'unknown' })
    expect(lookupOrigin(7.25, 't5').kind).toBe('found')
  })

  it('reports every metric a number is when it is more than one', () => {
    testId = 't6'
    const base = profileResult()
    const r = profileResult({ latency: { ...base.latency, p90: 9.5, p95: 9.5 } })
    registerOrigins({ kind: 'profile', result: r })
    const found = lookupOrigin(9.5, 't6')
    expect(found.kind).toBe('ambiguous')
    if (found.kind !== 'ambiguous') return
    expect(found.origins.map((o) => o.metric)).toStrictEqual(['latency.p90', 'latency.p95'])
  })
})

describe('entryFromOrigin', () => {
  it('is the result entry with the one metric: kind, samples and model kept', () => {
    testId = 't7'
    const r = registerOrigins({ kind: 'profile', result: profileResult() })
    const found = lookupOrigin(r.latency.p95, 't7')
    if (found.kind !== 'found') throw new Error('not found')
    const entry = entryFromOrigin(found.origin, 'det p95')
    expect(entry.kind).toBe('profile')
    expect(entry.metrics).toStrictEqual({ 'latency.p95': 11.8 })
    expect(entry.samples.latency).toStrictEqual([9, 10, 10, 11, 12])
    expect(entry.model?.path).toBe('models/det.onnx')
  })
})

describe('the ambiguity notice', () => {
  it('names the value, every metric it is, the bare-number rule and the fix', () => {
    const text = errorMessage('METRIC_ORIGIN_AMBIGUOUS', {
      value: 9.5,
      metrics: ['latency.p90 of profile(a.onnx)', 'latency.p95 of profile(a.onnx)'],
      suggest: 'latency.p90',
    })
    expect(text).toContain('The number 9.5 is latency.p90 of profile(a.onnx) and latency.p95 of profile(a.onnx)')
    expect(text).toContain('gated as a bare number')
    expect(text).toContain("expect(r).toBeWithinBaseline({ metrics: ['latency.p90'] })")
  })
})
