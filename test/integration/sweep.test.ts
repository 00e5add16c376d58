/**
 * profile.sweep() on the project's own models and on functions. Only big
 * effects are asserted, on figures a busy machine cannot move much: CPU time
 * per run for 16x the batch and 64x the tokens (other processes take wall
 * time, not this process's CPU time), a sleep's lower bound for 64x the
 * sleep; the columns are checked against the points' own figures.
 */
import { describe, expect, it } from 'vitest'

import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import type { SweepResult } from '../../src/types/index.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const DECODER = 'bench/models/tiny-gpt/model.onnx'
const QUICK = { runs: 20, minTime: 100, warmup: 3, session: { intraOpNumThreads: 1 } } as const
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** The derived columns must follow from the points' throughputs and values. */
function expectColumnsConsistent(s: SweepResult): void {
  const first = s.points[0]!
  for (const p of s.points) {
    expect(p.speedup).toBeCloseTo(p.throughput / first.throughput, 9)
    if (typeof p.value === 'number' && typeof first.value === 'number') {
      expect(p.factor).toBeCloseTo(p.value / first.value, 12)
      expect(p.efficiency).toBeCloseTo(p.speedup! / p.factor!, 9)
    }
  }
  const best = Math.max(...s.points.map((p) => p.throughput))
  expect(s.points[s.best]!.throughput).toBe(best)
}

describe('profile.sweep over a symbolic dimension', () => {
  it('classifier batch 1 vs 16: one row per point, 16x the work takes far longer per run, columns consistent', async () => {
    const s = await profile.sweep(CLASSIFIER, { over: { batch: [1, 16] }, dims: { height: 64, width: 64 }, ...QUICK })
    expect(s.kind).toBe('sweep')
    expect(s.axis).toBe('batch')
    expect(s.axisKind).toBe('dim')
    expect(s.points.map((p) => p.label)).toEqual(['batch=1', 'batch=16'])
    const [one, sixteen] = s.points.map((p) => p.result)
    expect(one!.inputs!.pixel_values!.dims).toEqual([1, 3, 64, 64])
    expect(sixteen!.inputs!.pixel_values!.dims).toEqual([16, 3, 64, 64])
    expect(one!.options.dims).toEqual({ height: 64, width: 64, batch: 1 })
    expect(sixteen!.throughput.batchSize).toBe(16)
    // samples per second is the sweep's throughput by default
    expect(s.points[1]!.throughput).toBe(sixteen!.throughput.samplesPerSecond)
    // about 17x the CPU time per run here; 4x leaves room for cache effects of other processes
    expect(sixteen!.cpu.p50).toBeGreaterThan(4 * one!.cpu.p50)
    expect(s.points[1]!.factor).toBe(16)
    expect(s.points[1]!.stepGain).not.toBeNull()
    expectColumnsConsistent(s)
  })

  it('decoder prefill 1 vs 64 tokens with pointOptions and workPerRun: tokens per second rises though each run is slower', async () => {
    const s = await profile.sweep(DECODER, {
      over: { sequence_length: [1, 64] },
      dims: { batch_size: 1, past_sequence_length: 0 },
      pointOptions: (n) => ({ dims: { total_sequence_length: n as number } }),
      workPerRun: (n) => n as number,
      ...QUICK,
    })
    const [a, b] = s.points
    expect(a!.result.inputs!.input_ids!.dims).toEqual([1, 1])
    expect(b!.result.inputs!.attention_mask!.dims).toEqual([1, 64])
    // about 11x the CPU time per run here
    expect(b!.result.cpu.p50).toBeGreaterThan(2 * a!.result.cpu.p50)
    expect(a!.throughput).toBeCloseTo(a!.result.throughput.runsPerSecond, 9)
    expect(b!.throughput).toBeCloseTo(64 * b!.result.throughput.runsPerSecond, 9)
    expect(b!.speedup).toBeGreaterThan(1)
    expectColumnsConsistent(s)
  })

  it('a name that is no dimension of the model fails at the first point and names the model’s dimensions', async () => {
    const err: unknown = await profile
      .sweep(CLASSIFIER, { over: { bacth: [1, 2, 4] }, dims: { height: 8, width: 8 }, runs: 3, minTime: 0, warmup: 0 })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('DIM_UNKNOWN')
    expect((err as PerfgateError).message).toContain("'bacth'")
    expect((err as PerfgateError).message).toContain("Did you mean 'batch'?")
    expect((err as PerfgateError).message).toContain('batch, height, width')
  })

  it('a malformed axis fails before any model is loaded', async () => {
    let progress = 0
    const err: unknown = await profile.sweep('no/such/model.onnx', { over: { batch: [1], height: [2] }, onProgress: () => progress++ }).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('SWEEP_AXIS_INVALID')
    expect(progress).toBe(0)
  })
})

describe('profile.sweep over session options', () => {
  it('intraOpNumThreads 1 and 2: each point runs with its own setting and records it in its testbed', async () => {
    const s = await profile.sweep(CLASSIFIER, {
      over: { intraOpNumThreads: [1, 2] },
      dims: { batch: 2, height: 32, width: 32 },
      runs: 10,
      minTime: 0,
      warmup: 2,
      session: { interOpNumThreads: 1 },
    })
    expect(s.axisKind).toBe('session')
    expect(s.points.map((p) => p.result.testbed.intraOpNumThreads)).toEqual([1, 2])
    expect(s.points.map((p) => p.result.testbed.interOpNumThreads)).toEqual([1, 1])
    expect(s.points.map((p) => p.result.options.session)).toEqual([
      { interOpNumThreads: 1, intraOpNumThreads: 1 },
      { interOpNumThreads: 1, intraOpNumThreads: 2 },
    ])
    expectColumnsConsistent(s)
  })

  it('graphOptimizationLevel: a categorical axis has speedups but no factor or efficiency', async () => {
    const s = await profile.sweep(CLASSIFIER, {
      over: { graphOptimizationLevel: ['disabled', 'all'] },
      dims: { height: 16, width: 16 },
      runs: 5,
      minTime: 0,
      warmup: 1,
    })
    expect(s.points.map((p) => p.label)).toEqual(['graphOptimizationLevel=disabled', 'graphOptimizationLevel=all'])
    expect(s.points.map((p) => p.factor)).toEqual([null, null])
    expect(s.points.map((p) => p.efficiency)).toEqual([null, null])
    expect(s.points[0]!.speedup).toBe(1)
    expect(s.flattensAt).toBeNull()
  })
})

describe('profile.sweep over a function argument', () => {
  it('the factory gets the point; a batch-named axis sets the batch size; sleeping 1 vs 64 ms is far slower', async () => {
    const seen: unknown[] = []
    const s = await profile.sweep(
      ({ ms }) => {
        seen.push(ms)
        return () => sleep(ms as number)
      },
      { over: { ms: [1, 64] }, runs: 8, minTime: 0, warmup: 1 },
    )
    expect(seen).toEqual([1, 64])
    expect(s.axisKind).toBe('argument')
    expect(s.points.map((p) => p.result.kind)).toEqual(['function', 'function'])
    // a timer never fires early (Node may round by up to 1 ms); a busy machine only makes it later
    expect(s.points[1]!.result.latency.min).toBeGreaterThanOrEqual(63)
    // 64x the sleep: a late timer would have to add about 30 ms to every 1 ms sleep to hide it
    expect(s.points[1]!.result.latency.p50).toBeGreaterThan(3 * s.points[0]!.result.latency.p50)
    expect(s.points[1]!.speedup).toBeLessThan(1)

    const b = await profile.sweep(() => () => sleep(2), { over: { batch: [1, 4] }, runs: 8, minTime: 0, warmup: 1 })
    expect(b.points.map((p) => p.result.throughput.batchSize)).toEqual([1, 4])
    // each run serves 4 samples: the sweep's throughput is 4x the point's runs per second
    for (const [i, batch] of [1, 4].entries()) {
      expect(b.points[i]!.throughput).toBeCloseTo(batch * b.points[i]!.result.throughput.runsPerSecond, 9)
    }
    expectColumnsConsistent(b)
  })

  it('a factory that returns no function is a clear error', async () => {
    const err: unknown = await profile.sweep(() => 42 as never, { over: { n: [1] }, runs: 1, minTime: 0 }).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('OPTION_INVALID')
    expect((err as PerfgateError).message).toContain('profile.sweep(factory) at n=1')
  })
})
