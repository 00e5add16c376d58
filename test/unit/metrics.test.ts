import { describe, expect, it } from 'vitest'
import { DEFAULT_GATED_METRICS, isMetricId, METRICS, metricValues, PROFILE_METRIC_IDS, valueMetric } from '../../src/metrics/catalogue.js'
import { profileResult } from './entry-factory.js'

describe('metric catalogue', () => {
  it('lists the profile metrics in display order', () => {
    expect(PROFILE_METRIC_IDS).toEqual([
      'latency.mean',
      'latency.p50',
      'latency.p90',
      'latency.p95',
      'latency.p99',
      'cpu.mean',
      'cpu.p50',
      'throughput',
      'memory.peakDeltaMB',
      'memory.peakRssMB',
      'loadMs',
      'firstRunMs',
    ])
  })

  it('makes throughput the only higher-is-better metric', () => {
    const higher = PROFILE_METRIC_IDS.filter((id) => METRICS.get(id)!.better === 'higher')
    expect(higher).toEqual(['throughput'])
  })

  it('gives each metric its unit and the samples that back its significance test', () => {
    const table = PROFILE_METRIC_IDS.map((id) => [id, METRICS.get(id)!.unit, METRICS.get(id)!.samples ?? '-'])
    expect(table).toEqual([
      ['latency.mean', 'ms', 'latency'],
      ['latency.p50', 'ms', 'latency'],
      ['latency.p90', 'ms', 'latency'],
      ['latency.p95', 'ms', 'latency'],
      ['latency.p99', 'ms', 'latency'],
      ['cpu.mean', 'ms', 'cpu'],
      ['cpu.p50', 'ms', 'cpu'],
      ['throughput', 'runs/s', 'latency'],
      ['memory.peakDeltaMB', 'MiB', '-'],
      ['memory.peakRssMB', 'MiB', '-'],
      ['loadMs', 'ms', '-'],
      ['firstRunMs', 'ms', '-'],
    ])
  })

  it('gates p50, p95, throughput and peak memory growth by default', () => {
    expect(DEFAULT_GATED_METRICS).toEqual(['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB'])
  })

  it('describes a single gated number as the unitless `value` in the direction given', () => {
    expect(valueMetric('higher')).toMatchObject({ id: 'value', unit: '', better: 'higher' })
    expect(valueMetric('lower').better).toBe('lower')
    expect(METRICS.has('value')).toBe(false)
  })
})

describe('metricValues', () => {
  it('reads every metric of a profile result', () => {
    expect(metricValues(profileResult())).toEqual({
      'latency.mean': 10.4,
      'latency.p50': 10,
      'latency.p90': 11.6,
      'latency.p95': 11.8,
      'latency.p99': 11.96,
      'cpu.mean': 18.4,
      'cpu.p50': 18,
      throughput: 1000 / 10.4, // runs per second, not samples per second
      'memory.peakDeltaMB': 50.5,
      'memory.peakRssMB': 150.5,
      loadMs: 35.5,
      firstRunMs: 14.25,
    })
  })

  it('leaves out metrics a result lacks (no load time for a function profile) and non-finite figures', () => {
    const fn = profileResult({ kind: 'function', loadMs: undefined, firstRunMs: Number.NaN })
    const values = metricValues(fn)
    expect(values).not.toHaveProperty('loadMs')
    expect(values).not.toHaveProperty('firstRunMs')
    expect(Object.keys(values)).toHaveLength(10)
  })
})

describe('isMetricId', () => {
  it('knows the profile and generation metrics and `value`, nothing else', () => {
    expect(isMetricId('latency.p95')).toBe(true)
    expect(isMetricId('value')).toBe(true)
    expect(isMetricId('latency.p42')).toBe(false)
    expect(isMetricId('default')).toBe(false)
    expect(isMetricId('tokensPerSecond')).toBe(true) // a generation metric
    expect(isMetricId('tokens_per_second')).toBe(false)
  })
})
