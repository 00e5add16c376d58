/**
 * `sessions` and `calibrate` with real onnxruntime inference on the project's
 * own models: how many sessions and runs, the reference score stored with the
 * baseline entry, and the options' errors. No timing is asserted.
 */
import { InferenceSession } from 'onnxruntime-node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { entryFromGeneration, entryFromProfile } from '../../src/baseline/entry.js'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { REFERENCE_BLOCK, REFERENCE_WORKLOAD } from '../../src/measure/model/reference-workload.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const QUICK = { runs: 12, minTime: 0, warmup: 2, dims: { height: 32, width: 32 } } as const

afterEach(() => vi.restoreAllMocks())

describe('profile(model, { sessions })', () => {
  it('creates that many sessions one after another and pools their runs', async () => {
    const create = vi.spyOn(InferenceSession, 'create')
    const r = await profile(CLASSIFIER, { ...QUICK, sessions: 3 })
    expect(create).toHaveBeenCalledTimes(3)
    // 12 runs over 3 sessions: 4 each, 2 warm-up runs each
    expect(r.latency.n).toBe(12)
    expect(r.samples.cpu).toHaveLength(12)
    expect(r.warmupRuns).toBe(6)
    expect(r.sessions).toBe(3)
    expect(r.options).toMatchObject({ sessions: 3 })
    expect(r.calibration).toBeUndefined()
  })

  it('refuses sessions for a function profile, naming the option', async () => {
    await expect(profile(() => 1, { sessions: 2 })).rejects.toThrow(/Invalid option sessions: got 2, expected no sessions for a function/)
  })
})

describe('profile(model | function, { calibrate: true })', () => {
  it('measures the reference workload after each session and stores its score with the entry', async () => {
    const r = await profile(CLASSIFIER, { ...QUICK, sessions: 2, calibrate: true })
    expect(r.calibration?.workload).toBe(REFERENCE_WORKLOAD)
    expect(r.calibration?.runs).toBe(REFERENCE_BLOCK.first + REFERENCE_BLOCK.between)
    expect(r.calibration?.scoreMs).toBeGreaterThan(0)
    expect(r.options).toMatchObject({ calibrate: true, sessions: 2 })
    const entry = entryFromProfile(r, 'calibrated')
    expect(entry.calibration?.workload).toBe(REFERENCE_WORKLOAD)
    expect(entry.calibration?.runs).toBe(r.calibration?.runs)
  })

  it('works for a function profile too: one block after the runs', async () => {
    const r = await profile(() => Math.sqrt(2), { runs: 5, minTime: 0, calibrate: true })
    expect(r.calibration?.runs).toBe(REFERENCE_BLOCK.first)
  })

  it('names the reference workload, not the profiled model, when the reference fails', async () => {
    // logic under test: the error path; onnxruntime refuses the reference's decoder
    const create = InferenceSession.create.bind(InferenceSession)
    vi.spyOn(InferenceSession, 'create').mockImplementation(((path: string, opts: InferenceSession.SessionOptions) =>
      String(path).endsWith('tiny-gpt/model.onnx')
        ? Promise.reject(new Error('simulated load failure'))
        : create(path, opts)) as typeof InferenceSession.create)
    const err = await profile(CLASSIFIER, { ...QUICK, calibrate: true }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('REFERENCE_FAILED')
    expect((err as Error).message).toMatch(
      /^The calibration reference workload \(.*tiny-gpt\/model\.onnx, shipped with perfgate\) failed: simulated load failure\. Reinstall perfgate/,
    )
  })

  it('has no calibration unless asked', async () => {
    const r = await profile(CLASSIFIER, QUICK)
    expect(r.calibration).toBeUndefined()
    expect(entryFromProfile(r, 'plain').calibration).toBeUndefined()
    expect(r.options).not.toHaveProperty('calibrate')
  })
})

describe('profile.generate(model, { calibrate: true })', () => {
  it('measures the reference after the measured passes and keeps the score in the entry', async () => {
    const g = await profile.generate('bench/models/tiny-gpt', { prompts: ['Hello there'], maxNewTokens: 2, warmup: 0, runs: 2, calibrate: true })
    expect(g.calibration?.runs).toBe(REFERENCE_BLOCK.first)
    expect(g.options).toMatchObject({ calibrate: true })
    expect(entryFromGeneration(g, 'calibrated generation').calibration?.workload).toBe(REFERENCE_WORKLOAD)
  })

  it('refuses a calibrate that is not a boolean, naming the option', async () => {
    await expect(profile.generate('bench/models/tiny-gpt', { prompts: ['Hi'], calibrate: 1 as unknown as boolean })).rejects.toThrow(
      'Invalid option profile.generate({ calibrate }): got 1, expected true or false.',
    )
  })
})
