/**
 * runs: 'auto' on real onnxruntime inference: measuring goes past the minimum
 * until the median's interval is narrow enough or the budget is spent, and the
 * result says which, with its own noise.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { medianInterval, percentile, relativeHalfWidth, sortSamples } from '../../src/stats/index.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const dims = { height: 32, width: 32 }

/** The relative half-width of the median's 99% interval of these samples, from the statistics functions. */
function ownHalfWidth(samples: readonly number[]): number {
  const sorted = sortSamples(samples)
  return relativeHalfWidth(medianInterval(sorted), percentile(sorted, 50))
}

describe("profile(model, { runs: 'auto' })", () => {
  it('measures at least 30 runs, then stops on precision or budget and records why', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 2, maxTime: 400 })
    expect(r.latency.n).toBeGreaterThanOrEqual(30)
    expect(r.sampling.runs).toBe(r.latency.n)
    expect(['precision', 'budget']).toContain(r.sampling.stoppedBy)
    // which of the two depends on the machine's noise; the figure is always the samples' own
    expect(r.sampling.medianHalfWidth).toBeCloseTo(ownHalfWidth(r.samples.latency), 12)
    expect(r.options).toMatchObject({ runs: 'auto', precision: 0.025, maxTime: 400 })
  })

  it('stops on precision when the target is loose', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 2, precision: 0.9, maxTime: 60_000 })
    expect(r.sampling.stoppedBy).toBe('precision')
    expect(r.sampling.medianHalfWidth).toBeLessThanOrEqual(0.9)
    expect(r.latency.n).toBeGreaterThanOrEqual(30)
  })

  it('stops on the budget when the target cannot be met', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 0, precision: 1e-9, maxTime: 200 })
    expect(r.sampling.stoppedBy).toBe('budget')
    expect(r.sampling.medianHalfWidth).toBeGreaterThan(1e-9)
  })

  it('records that fixed runs stopped on the count, with the noise figure', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 10, minTime: 0, warmup: 0 })
    expect(r.sampling).toMatchObject({ runs: 10, stoppedBy: 'runs' })
    // real timings differ, so the interval has a width, and it is the samples' own
    expect(r.sampling.medianHalfWidth).toBeGreaterThan(0)
    expect(r.sampling.medianHalfWidth).toBeCloseTo(ownHalfWidth(r.samples.latency), 12)
  })

  it('refuses a budget above 60 s and a precision outside (0, 1), naming the option', async () => {
    await expect(profile(CLASSIFIER, { dims, runs: 'auto', maxTime: 61_000 })).rejects.toThrow(/Invalid option profile\(\{ maxTime \}\)/)
    await expect(profile(CLASSIFIER, { dims, runs: 'auto', precision: 2 })).rejects.toThrow(PerfgateError)
  })
})
