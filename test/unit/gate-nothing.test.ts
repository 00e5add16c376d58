/** A comparison that gates no metric is an error, never a pass. */
import { describe, expect, it } from 'vitest'
import { decideGate } from '../../src/compare/gate.js'
import { gatedMetricsFor } from '../../src/compare/gated-metrics.js'
import { profileEntry } from './entry-factory.js'

const stored = profileEntry({ 'latency.p50': 10 })
const slower = profileEntry({ 'latency.p50': 56.4 }) // +464%

describe('a gate that compares nothing', () => {
  it('throws GATE_NOTHING instead of passing a +464% slowdown', () => {
    expect(() => decideGate(stored, slower, 'new', { metrics: ['ttft.p95'] })).toThrow(
      expect.objectContaining({ code: 'GATE_NOTHING', message: expect.stringContaining('The comparison gated no metric: none of ttft.p95') }),
    )
    expect(() => decideGate(stored, slower, 'none', { metrics: [] })).toThrow(expect.objectContaining({ code: 'GATE_NOTHING' }))
  })

  it('still decides when a metric was compared', () => {
    expect(decideGate(stored, slower, 'new', { metrics: ['latency.p50', 'ttft.p95'] }).status).toBe('regressed')
  })
})

describe('gatedMetricsFor', () => {
  it('refuses a matcher list naming metrics the kind does not have, listing the ones it has', () => {
    expect(() => gatedMetricsFor('generation', ['latency.p95'])).toThrow("names 'latency.p95', which a generation result does not have")
    expect(() => gatedMetricsFor('bench', ['memory.peakDeltaMB'])).toThrow(
      'A Vitest benchmark result gates: latency.mean, latency.p50, latency.p90, latency.p95, latency.p99, throughput.',
    )
  })

  it("gives each kind the plugin list's ids it has, else its default (benchmarks included)", () => {
    expect(gatedMetricsFor('bench', undefined, ['ttft.p95', 'memory.peakDeltaMB'])).toEqual(['latency.p50', 'latency.p95', 'throughput'])
    expect(gatedMetricsFor('bench', undefined, ['latency.p99', 'memory.peakDeltaMB'])).toEqual(['latency.p99'])
  })
})
