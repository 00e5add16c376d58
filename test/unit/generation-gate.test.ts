import { describe, expect, it } from 'vitest'
import { entryFromGeneration, entryFromProfile } from '../../src/baseline/entry.js'
import { baselineProblem } from '../../src/baseline/validate.js'
import { compareEntry } from '../../src/compare/compare-entry.js'
import { decideGate } from '../../src/compare/gate.js'
import { gatedMetricsFor } from '../../src/compare/gated-metrics.js'
import {
  DEFAULT_GATED_GENERATION_METRICS,
  GENERATION_METRIC_DEFS,
  GENERATION_METRIC_IDS,
  generationMetricValues,
} from '../../src/metrics/generation-metrics.js'
import { DEFAULT_GATED_METRICS, isMetricId, KNOWN_METRIC_IDS, METRICS, PROFILE_METRIC_IDS } from '../../src/metrics/catalogue.js'
import { baselineFile, profileResult, sha, TESTBED } from './entry-factory.js'
import { generationResult } from './generation-factory.js'

describe('generation metrics in the catalogue', () => {
  it('lists TTFT, TPOT, ITL and E2E statistics, tokens per second, memory and load time', () => {
    const stats = (f: string) => ['mean', 'p50', 'p90', 'p95', 'p99'].map((s) => `${f}.${s}`)
    expect(GENERATION_METRIC_IDS).toEqual([
      ...stats('ttft'),
      ...stats('tpot'),
      ...stats('itl'),
      ...stats('e2e'),
      'tokensPerSecond',
      'totalTokensPerSecond',
      'prefillTokensPerSecond',
      'memory.peakDeltaMB',
      'memory.peakRssMB',
      'loadMs',
    ])
  })

  it('gives each its unit, direction and the per-request samples behind its significance test', () => {
    const row = (id: string) => {
      const d = GENERATION_METRIC_DEFS.find((x) => x.id === id)!
      return [d.unit, d.better, d.samples ?? '-']
    }
    expect(row('ttft.p95')).toEqual(['ms', 'lower', 'ttft'])
    expect(row('tpot.p50')).toEqual(['ms', 'lower', 'tpot'])
    expect(row('itl.p99')).toEqual(['ms', 'lower', 'itl'])
    expect(row('e2e.mean')).toEqual(['ms', 'lower', 'e2e'])
    expect(row('tokensPerSecond')).toEqual(['tokens/s', 'higher', 'tokensPerSecond'])
    expect(row('totalTokensPerSecond')).toEqual(['tokens/s', 'higher', '-'])
    expect(row('prefillTokensPerSecond')).toEqual(['tokens/s', 'higher', '-'])
    expect(row('memory.peakDeltaMB')).toEqual(['MiB', 'lower', '-'])
  })

  it('is known to the shared catalogue, which the comparison reads, without changing the profile metrics', () => {
    for (const id of GENERATION_METRIC_IDS) expect(isMetricId(id), id).toBe(true)
    expect(METRICS.get('ttft.p95')).toMatchObject({ unit: 'ms', better: 'lower', samples: 'ttft' })
    expect(METRICS.get('memory.peakDeltaMB')!.read(profileResult())).toBe(50.5) // the profile definition stays
    expect(KNOWN_METRIC_IDS).toEqual([...PROFILE_METRIC_IDS, ...GENERATION_METRIC_IDS.filter((id) => !PROFILE_METRIC_IDS.includes(id))])
  })

  it('gates TTFT p95, TPOT p50, output tokens per second and peak memory growth by default', () => {
    expect(DEFAULT_GATED_GENERATION_METRICS).toEqual(['ttft.p95', 'tpot.p50', 'tokensPerSecond', 'memory.peakDeltaMB'])
  })
})

describe('generationMetricValues', () => {
  it('reads every metric of a generation result', () => {
    const v = generationMetricValues(generationResult())
    // TTFT 10, 20, 12, 22 -> sorted 10, 12, 20, 22: p95 at rank 2.85 = 20 + 0.85 x 2
    expect(v['ttft.mean']).toBe(16)
    expect(v['ttft.p50']).toBe(16)
    expect(v['ttft.p95']).toBeCloseTo(21.7, 12)
    expect(v['tpot.p50']).toBe(2.5)
    expect(v['itl.mean']).toBe(2.5)
    expect(v['e2e.mean']).toBe(21)
    // output tokens / E2E per request: 3/14, 3/24, 3/18, 3/28 per ms
    expect(v.tokensPerSecond).toBeCloseTo((3000 / 14 + 3000 / 24 + 3000 / 18 + 3000 / 28) / 4, 10)
    expect(v.totalTokensPerSecond).toBeCloseTo((7000 / 14 + 11000 / 24 + 7000 / 18 + 11000 / 28) / 4, 10)
    expect(v.prefillTokensPerSecond).toBeCloseTo((4000 / 10 + 8000 / 20 + 4000 / 12 + 8000 / 22) / 4, 10)
    expect([v['memory.peakDeltaMB'], v['memory.peakRssMB'], v.loadMs]).toEqual([60.25, 160.25, 40])
    expect(Object.keys(v)).toHaveLength(GENERATION_METRIC_IDS.length)
  })

  it('leaves out TPOT and ITL when every request generated a single token', () => {
    const v = generationMetricValues(generationResult({}, { tpot: null, itl: null }))
    expect(Object.keys(v).filter((k) => k.startsWith('tpot') || k.startsWith('itl'))).toEqual([])
  })
})

describe('gatedMetricsFor', () => {
  it('uses the matcher list as given', () => {
    expect(gatedMetricsFor('generation', ['ttft.p50'], ['latency.p95'])).toEqual(['ttft.p50'])
  })

  it('takes from the plugin list the ids the kind of result has', () => {
    const plugin = ['latency.p95', 'ttft.p99', 'memory.peakDeltaMB'] as const
    expect(gatedMetricsFor('profile', undefined, [...plugin])).toEqual(['latency.p95', 'memory.peakDeltaMB'])
    expect(gatedMetricsFor('generation', undefined, [...plugin])).toEqual(['ttft.p99', 'memory.peakDeltaMB'])
  })

  it("falls back to the kind's defaults when the plugin names nothing of it", () => {
    expect(gatedMetricsFor('generation')).toEqual(DEFAULT_GATED_GENERATION_METRICS)
    expect(gatedMetricsFor('generation', undefined, ['latency.p50'])).toEqual(DEFAULT_GATED_GENERATION_METRICS)
    expect(gatedMetricsFor('profile', undefined, ['ttft.p95'])).toEqual(DEFAULT_GATED_METRICS)
  })
})

describe('entryFromGeneration', () => {
  const entry = entryFromGeneration(generationResult(), 'chat model')

  it("is a 'generation' entry with the metrics, sorted per-request samples, request count, model, options and testbed", () => {
    expect(entry.kind).toBe('generation')
    expect(entry.test).toBe('chat model')
    expect(entry.samples).toStrictEqual({
      ttft: [10, 12, 20, 22],
      tpot: [2, 2, 3, 3],
      itl: [2, 2, 2, 2, 3, 3, 3, 3],
      e2e: [14, 18, 24, 28],
      tokensPerSecond: [107.143, 125, 166.667, 214.286], // 6 significant digits, like every stored number
    })
    expect(entry.runs).toBe(4)
    expect(entry.metrics['ttft.p95']).toBe(21.7)
    expect(entry.model).toEqual({ path: 'models/tiny-llm/model.onnx', bytes: 4321, sha256: sha('b') })
    expect(entry.options).toMatchObject({ prompts: 2, maxNewTokens: 3, runs: 2 })
    expect(entry.testbed).toEqual(TESTBED)
  })

  it('is valid against the baseline schema', () => {
    expect(baselineProblem(baselineFile({ 'chat model 1': entry }), 'baselines/chat.perf.test.ts.json')).toBeNull()
  })
})

describe('gating a generation entry', () => {
  const opts = { metrics: DEFAULT_GATED_GENERATION_METRICS, tolerance: '20%' as const }
  const baseline = entryFromGeneration(generationResult({ runs: 4 }), 'chat')

  it('passes the same figures', () => {
    const cmp = compareEntry(baseline, entryFromGeneration(generationResult({ runs: 4 }), 'chat'), opts)
    expect(cmp.verdict).toBe('pass')
    expect(cmp.rows.map((r) => r.metric)).toEqual(['ttft.p95', 'tpot.p50', 'tokensPerSecond', 'memory.peakDeltaMB'])
  })

  it('fails a model three times slower on TTFT, TPOT and tokens per second, each with a significant rank test', () => {
    const cmp = compareEntry(baseline, entryFromGeneration(generationResult({ runs: 4, scale: 3 }), 'chat'), opts)
    expect(cmp.verdict).toBe('regressed')
    const byId = Object.fromEntries(cmp.rows.map((r) => [r.metric, r]))
    for (const id of ['ttft.p95', 'tpot.p50', 'tokensPerSecond']) {
      expect(byId[id]!.verdict, id).toBe('regressed')
      expect(byId[id]!.pValue, id).toBeLessThan(0.01)
    }
    expect(byId.tokensPerSecond!.unit).toBe('tokens/s')
    expect(byId.tokensPerSecond!.changePct).toBeCloseTo(-66.67, 1)
    expect(byId['memory.peakDeltaMB']!.verdict).toBe('pass')
  })

  it('calls a faster model an improvement', () => {
    expect(compareEntry(baseline, entryFromGeneration(generationResult({ runs: 4, scale: 0.25 }), 'chat'), opts).verdict).toBe('improved')
  })

  it('refuses to compare a generation with a profile recorded under the same name', () => {
    const profileEntry = entryFromProfile(profileResult(), 'chat')
    expect(decideGate(profileEntry, baseline, 'new', opts).status).toBe('kind-changed')
  })
})
