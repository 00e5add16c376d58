/**
 * Ratios of a variant against the reference, on hand-made samples: the point
 * estimates are exact, the intervals contain them, and the verdicts follow.
 */
import { describe, expect, it } from 'vitest'
import { exactRatio, formatP, ratioEstimate, median, variantRatios } from '../../src/compare/variant-ratios.js'
import { mean } from '../../src/stats/index.js'
import { roundOrder } from '../../src/measure/experiments/compare-models.js'
import type { VariantResult } from '../../src/types/index.js'
import { profileResult, runs } from './entry-factory.js'

function variant(name: string, latency: number[], extra: Partial<VariantResult['processSamples']> = {}, bytes = 1000): VariantResult {
  return {
    ...profileResult({ samples: { latency, cpu: latency } }),
    model: { path: `${name}.onnx`, bytes, sha256: 'a'.repeat(64) },
    variant: name,
    processSamples: { loadMs: [40, 50, 60], firstRunMs: [5, 5, 5], peakDeltaMB: [100, 110, 120], rssAfterLoadMB: [200, 200, 200], ...extra },
  }
}

describe('ratioEstimate', () => {
  it('is statistic(numerator) / statistic(denominator), with an interval around it', () => {
    const e = ratioEstimate(runs(5, 20), runs(10, 20), median, 0.95)
    expect(e.ratio).toBeCloseTo(5.95 / 10.95, 12)
    expect(e.low).toBeLessThanOrEqual(e.ratio)
    expect(e.high).toBeGreaterThanOrEqual(e.ratio)
    expect(e.high).toBeLessThan(1)
    expect(e.verdict).toBe('lower')
    expect(e.n).toBe(20)
    expect(e).not.toHaveProperty('pValue')
  })

  it('adds the rank test with enough samples; is deterministic', () => {
    const a = ratioEstimate(runs(20, 10), runs(10, 10), mean, 0.95, true)
    expect(a.verdict).toBe('higher')
    expect(a.pValue).toBeLessThan(0.001)
    expect(ratioEstimate(runs(20, 10), runs(10, 10), mean, 0.95, true)).toEqual(a)
    expect(ratioEstimate(runs(20, 5), runs(10, 5), mean, 0.95, true)).not.toHaveProperty('pValue')
  })

  it('overlapping samples give "same"', () => {
    const e = ratioEstimate([1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7], median, 0.95)
    expect(e.ratio).toBe(1)
    expect(e.verdict).toBe('same')
  })

  it('exact ratios have no interval', () => {
    expect(exactRatio(400, 1000)).toEqual({ ratio: 0.4, low: 0.4, high: 0.4, n: 0, verdict: 'lower' })
    expect(exactRatio(5, 5).verdict).toBe('same')
  })
})

describe('variantRatios', () => {
  const fp32 = variant('fp32', runs(10, 30))
  const int8 = variant('int8', runs(5, 30), { loadMs: [20, 25, 30], peakDeltaMB: [50, 55, 60] }, 400)

  it('latency, throughput, memory, load time and file size, each variant / reference', () => {
    const r = variantRatios(fp32, int8, 0.95)
    expect(r.variant).toBe('int8')
    expect(r.reference).toBe('fp32')
    expect(r.latency.ratio).toBeCloseTo(6.45 / 11.45, 12)
    expect(r.throughput.ratio).toBeCloseTo(11.45 / 6.45, 12) // evenly spaced: mean = median
    expect(r.memory!.ratio).toBeCloseTo(55 / 110, 12)
    expect(r.loadMs.ratio).toBeCloseTo(25 / 50, 12)
    expect(r.fileSize).toEqual({ ratio: 0.4, low: 0.4, high: 0.4, n: 0, verdict: 'lower' })
    expect(r.latency.verdict).toBe('lower')
    expect(r.throughput.verdict).toBe('higher')
    expect(r.latency.pValue).toBeLessThan(1e-6)
    expect(r.verdict).toMatch(
      /^int8 is faster than fp32: median latency 0\.563x \(95% CI 0\.\d+x-0\.\d+x, p<0\.0001\); throughput 1\.78x \(95% CI [\d.]+x-[\d.]+x\); memory 0\.500x \(95% CI [\d.]+x-[\d.]+x\); load time 0\.500x; file size 0\.400x$/,
    )
  })

  it('the other way round it is slower', () => {
    expect(variantRatios(int8, fp32, 0.95).verdict).toMatch(/^fp32 is slower than int8: median latency 1\.78x/)
  })

  it('no memory ratio when the reference did not grow in memory', () => {
    const flat = variant('flat', runs(10, 30), { peakDeltaMB: [0, 10, 10] })
    expect(variantRatios(flat, int8, 0.95).memory).toBeNull()
  })

  it('the same samples differ by no more than the noise', () => {
    expect(variantRatios(fp32, variant('copy', runs(10, 30)), 0.95).verdict).toMatch(/^copy and fp32 differ by no more than the noise/)
  })
})

describe('formatP', () => {
  it('two significant digits, or below 0.0001', () => {
    expect(formatP(0.01234)).toBe('p=0.012')
    expect(formatP(0.5)).toBe('p=0.50')
    expect(formatP(0.00001)).toBe('p<0.0001')
    expect(formatP(0)).toBe('p<0.0001')
  })
})

describe('roundOrder', () => {
  it('rotates the variants by round', () => {
    expect([0, 1, 2, 3].map((r) => roundOrder(['a', 'b'], r).join(''))).toEqual(['ab', 'ba', 'ab', 'ba'])
    expect([0, 1, 2, 3].map((r) => roundOrder(['a', 'b', 'c'], r).join(''))).toEqual(['abc', 'bca', 'cab', 'abc'])
  })
})
