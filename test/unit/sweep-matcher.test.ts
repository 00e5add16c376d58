/**
 * Gating a sweep: every point becomes its own entry, keyed by the sweep's key
 * and the point's label, and the assertion fails when any point fails. The
 * per-point gate is a fake here; the e2e test runs the real one.
 */
import { errorMessage } from '../../src/errors.js'
import { describe, expect, it } from 'vitest'
import { gateSweep, isSweepResult, sweepPointKey } from '../../src/vitest/sweep-matcher.js'
import type { BaselineMatcherOptions } from '../../src/vitest/options.js'
import type { SweepResult } from '../../src/types/index.js'

function sweepOf(labels: string[]): SweepResult<{ id: string }> {
  return {
    kind: 'sweep',
    axis: 'batch',
    axisKind: 'dim',
    points: labels.map((label) => ({ value: label, label, result: { id: label }, throughput: 1, factor: null, speedup: 1, efficiency: null, stepGain: null })),
    best: 0,
    flattensAt: null,
    flatBelow: 0.2,
  }
}

function fakeGate(failing: string[]) {
  const calls: { received: unknown; options?: BaselineMatcherOptions }[] = []
  const gate = (received: unknown, options?: BaselineMatcherOptions) => {
    calls.push({ received, options })
    const id = (received as { id: string }).id
    return { pass: !failing.includes(id), message: () => `point ${id}: ${failing.includes(id) ? 'REGRESSED' : 'ok'}` }
  }
  return { gate, calls }
}

const ctx = { isNot: false, currentTestName: 'classifier sweep', testPath: '/p/a.test.ts' }

/** A gate outcome that must have been decided at once (the fake gate never measures again). */
function settled<T>(outcome: T | Promise<T>): T {
  if (outcome instanceof Promise) throw new Error('expected a decided outcome, got a promise')
  return outcome
}

describe('gating a sweep', () => {
  it('recognises sweep results only', () => {
    expect(isSweepResult(sweepOf(['batch=1']))).toBe(true)
    expect(isSweepResult({ kind: 'model', points: [] })).toBe(false)
    expect(isSweepResult(null)).toBe(false)
  })

  it('gates each point under "<key> [<label>]", passing the other options through', () => {
    const { gate, calls } = fakeGate([])
    const r = settled(gateSweep.call(ctx, sweepOf(['batch=1', 'batch=16']), { name: 'cls', tolerance: '20%' }, gate))
    expect(r.pass).toBe(true)
    expect(calls.map((c) => c.options)).toEqual([
      { name: 'cls [batch=1]', tolerance: '20%' },
      { name: 'cls [batch=16]', tolerance: '20%' },
    ])
    expect(calls.map((c) => c.received)).toEqual([{ id: 'batch=1' }, { id: 'batch=16' }])
    expect(sweepPointKey('cls', 'batch=16')).toBe('cls [batch=16]')
  })

  it('without a name, the key is the test name and counter, like any assertion', () => {
    const { gate, calls } = fakeGate([])
    gateSweep.call(ctx, sweepOf(['batch=1']), {}, gate)
    gateSweep.call(ctx, sweepOf(['batch=1']), {}, gate)
    expect(calls.map((c) => c.options?.name)).toEqual(['classifier sweep 1 [batch=1]', 'classifier sweep 2 [batch=1]'])
  })

  it('fails when one point fails, naming it and showing its report', () => {
    const { gate } = fakeGate(['batch=16'])
    const r = settled(gateSweep.call(ctx, sweepOf(['batch=1', 'batch=16']), { name: 's' }, gate))
    expect(r.pass).toBe(false)
    expect(r.message()).toBe('perfgate: 1 of 2 points of the sweep over batch failed (batch=16)\n\npoint batch=16: REGRESSED')
  })

  it('refuses .not', () => {
    const { gate } = fakeGate([])
    expect(() => gateSweep.call({ ...ctx, isNot: true }, sweepOf(['a']), {}, gate)).toThrow(TypeError)
    expect(() => gateSweep.call({ ...ctx, isNot: true }, sweepOf(['a']), {}, gate)).toThrow(
      expect.objectContaining({
        code: 'MATCHER_NEGATION_UNSUPPORTED',
        message: errorMessage('MATCHER_NEGATION_UNSUPPORTED', { matcher: 'toBeWithinBaseline' }),
      }),
    )
  })
})
