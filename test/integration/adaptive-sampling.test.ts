/**
 * runs: 'auto' on real onnxruntime inference: measuring goes past the minimum
 * until the median's interval is narrow enough or the budget is spent, and the
 * result says which, with its own noise.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const dims = { height: 32, width: 32 }

describe("profile(model, { runs: 'auto' })", () => {
  it('measures at least 30 runs, then stops on precision or budget and records why', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 2, maxTime: 400 })
    expect(r.latency.n).toBeGreaterThanOrEqual(30)
    expect(r.sampling.runs).toBe(r.latency.n)
    expect(['precision', 'budget']).toContain(r.sampling.stoppedBy)
    if (r.sampling.stoppedBy === 'precision') expect(r.sampling.medianHalfWidth).toBeLessThanOrEqual(0.025)
    expect(r.options).toMatchObject({ runs: 'auto', precision: 0.025, maxTime: 400 })
  })

  it('stops on precision when the target is loose', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 2, precision: 0.9, maxTime: 60_000 })
    expect(r.sampling.stoppedBy).toBe('precision')
    expect(r.latency.n).toBeGreaterThanOrEqual(30)
  })

  it('stops on the budget when the target cannot be met', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 'auto', minTime: 0, warmup: 0, precision: 1e-9, maxTime: 200 })
    expect(r.sampling.stoppedBy).toBe('budget')
  })

  it('records that fixed runs stopped on the count, with the noise figure', async () => {
    const r = await profile(CLASSIFIER, { dims, runs: 10, minTime: 0, warmup: 0 })
    expect(r.sampling).toMatchObject({ runs: 10, stoppedBy: 'runs' })
    expect(r.sampling.medianHalfWidth).toBeGreaterThanOrEqual(0)
  })

  it('refuses a budget above 60 s and a precision outside (0, 1), naming the option', async () => {
    await expect(profile(CLASSIFIER, { dims, runs: 'auto', maxTime: 61_000 })).rejects.toThrow(/Invalid option profile\(\{ maxTime \}\)/)
    await expect(profile(CLASSIFIER, { dims, runs: 'auto', precision: 2 })).rejects.toThrow(PerfgateError)
  })
})
