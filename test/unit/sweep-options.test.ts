/**
 * The pure parts of a sweep: reading `over`, the options of each point, the
 * labels that key each point's baseline entry, and the engine's columns with
 * a fake measure.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { parseOver, pointLabel, pointProfileOptions, runSweep } from '../../src/measure/experiments/sweep.js'
import type { SweepAxisKind } from '../../src/types/index.js'

const asDim = (): SweepAxisKind => 'dim'
const bySession = (axis: string): SweepAxisKind =>
  axis === 'intraOpNumThreads' || axis === 'executionProviders' || axis === 'graphOptimizationLevel' ? 'session' : 'dim'

function invalid(f: () => unknown): string {
  try {
    f()
  } catch (err) {
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('SWEEP_AXIS_INVALID')
    return (err as PerfgateError).message
  }
  throw new Error('expected SWEEP_AXIS_INVALID')
}

describe('parseOver', () => {
  it('reads one axis and its values', () => {
    expect(parseOver({ batch: [1, 4, 8] }, asDim)).toEqual({ axis: 'batch', kind: 'dim', values: [1, 4, 8] })
    expect(parseOver({ executionProviders: ['cpu', ['cuda', 'cpu']] }, bySession)).toEqual({
      axis: 'executionProviders',
      kind: 'session',
      values: ['cpu', ['cuda', 'cpu']],
    })
  })

  it('refuses several axes, none, empty or malformed values, and duplicates, saying which', () => {
    expect(invalid(() => parseOver({ batch: [1], height: [2] }, asDim))).toContain('names 2 axes (batch, height)')
    expect(invalid(() => parseOver({}, asDim))).toContain('names 0 axes (none)')
    expect(invalid(() => parseOver(null, asDim))).toContain('must be an object')
    expect(invalid(() => parseOver({ batch: [] }, asDim))).toContain('over.batch must be a non-empty array')
    expect(invalid(() => parseOver({ batch: [1, 2.5] }, asDim))).toContain('over.batch has the value 2.5')
    expect(invalid(() => parseOver({ graphOptimizationLevel: ['all', 'fast'] }, bySession))).toContain(
      '"fast", which a session option graphOptimizationLevel cannot take',
    )
    expect(invalid(() => parseOver({ intraOpNumThreads: [1, -2] }, bySession))).toContain('-2')
    expect(invalid(() => parseOver({ batch: [4, 1, 4] }, asDim))).toContain('over.batch has 4 twice')
  })
})

describe('pointLabel', () => {
  it('names the axis and the value; provider lists are joined with +', () => {
    expect(pointLabel('batch', 16)).toBe('batch=16')
    expect(pointLabel('graphOptimizationLevel', 'all')).toBe('graphOptimizationLevel=all')
    expect(pointLabel('executionProviders', ['cuda', 'cpu'])).toBe('executionProviders=cuda+cpu')
  })
})

describe('pointProfileOptions', () => {
  it('a dimension axis sets dims[axis] over the base dims; pointOptions go on top', () => {
    const o = pointProfileOptions({ dims: { batch_size: 1, past_sequence_length: 15 }, runs: 5 }, 'past_sequence_length', 'dim', 63, {
      dims: { total_sequence_length: 64 },
    })
    expect(o).toEqual({ runs: 5, dims: { batch_size: 1, past_sequence_length: 63, total_sequence_length: 64 } })
  })

  it('a session axis sets session[axis] and keeps the other session options; one provider becomes a list', () => {
    expect(pointProfileOptions({ session: { interOpNumThreads: 1 } }, 'intraOpNumThreads', 'session', 2)).toEqual({
      session: { interOpNumThreads: 1, intraOpNumThreads: 2 },
    })
    expect(pointProfileOptions({}, 'executionProviders', 'session', 'cpu')).toEqual({ session: { executionProviders: ['cpu'] } })
  })

  it('a function argument named like a batch sets batchSize unless it is given', () => {
    expect(pointProfileOptions({}, 'batch', 'argument', 8)).toEqual({ batchSize: 8 })
    expect(pointProfileOptions({ batchSize: 2 }, 'batch', 'argument', 8)).toEqual({ batchSize: 2 })
    expect(pointProfileOptions({}, 'items', 'argument', 8)).toEqual({})
  })
})

describe('runSweep with a fake measure', () => {
  it('measures every value in order, then adds the scaling columns', async () => {
    const calls: number[] = []
    const fake = { 1: 100, 4: 360, 8: 560, 16: 600 } as Record<number, number>
    const s = await runSweep(
      'batch',
      'dim',
      [1, 4, 8, 16],
      async (v, i) => {
        calls.push(i)
        return { samplesPerSecond: fake[v as number]! }
      },
      (r) => r.samplesPerSecond,
    )
    expect(calls).toEqual([0, 1, 2, 3])
    expect(s.kind).toBe('sweep')
    expect(s.points.map((p) => p.label)).toEqual(['batch=1', 'batch=4', 'batch=8', 'batch=16'])
    expect(s.points.map((p) => p.throughput)).toEqual([100, 360, 560, 600])
    expect(s.points.map((p) => p.speedup)).toEqual([1, 3.6, 5.6, 6])
    expect(s.points[3]!.efficiency).toBeCloseTo(0.375, 12)
    expect(s.flattensAt).toBe(3)
    expect(s.best).toBe(3)
  })

  it('stops at the first point that throws', async () => {
    const seen: number[] = []
    const err = await runSweep(
      'n',
      'argument',
      [1, 2, 3],
      async (v) => {
        seen.push(v as number)
        if (v === 2) throw new Error('point 2 failed')
        return 1
      },
      (r) => r,
    ).catch((e: unknown) => e)
    expect((err as Error).message).toBe('point 2 failed')
    expect(seen).toEqual([1, 2])
  })
})
