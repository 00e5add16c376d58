import { describe, expect, it } from 'vitest'
import {
  allowedChange,
  DEFAULT_TOLERANCE,
  describeTolerance,
  NOISE_FLOORS,
  parseTolerance,
  resolveTolerance,
  validateToleranceInput,
  type ToleranceInput,
} from '../../src/compare/tolerance.js'
import { PerfgateError } from '../../src/errors.js'

/** The error `fn` throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): PerfgateError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(PerfgateError)
    return err as PerfgateError
  }
  throw new Error('expected a PerfgateError')
}

const HOW_TO = "Use a percentage string like '10%', an absolute amount in the metric's unit like { abs: 2 }, or both: { rel: '10%', abs: 2 }."

describe('parseTolerance', () => {
  it('reads a percentage string as a relative tolerance (a fraction)', () => {
    expect(parseTolerance('10%', 'x')).toEqual({ rel: 0.1, abs: 0 })
    expect(parseTolerance(' 7.5 % ', 'x')).toEqual({ rel: 0.075, abs: 0 })
    expect(parseTolerance('0%', 'x')).toEqual({ rel: 0, abs: 0 })
  })

  it('reads { abs } as an amount in the metric unit, and { rel, abs } as both', () => {
    expect(parseTolerance({ abs: 2 }, 'x')).toEqual({ rel: 0, abs: 2 })
    expect(parseTolerance({ rel: '10%', abs: 2 }, 'x')).toEqual({ rel: 0.1, abs: 2 })
    expect(parseTolerance({ rel: '5%' }, 'x')).toEqual({ rel: 0.05, abs: 0 })
  })

  it.each([
    ['a number without %', '10', "'10'"],
    ['a negative percentage', '-5%', "'-5%'"],
    ['a word', 'ten%', "'ten%'"],
    ['a bare number', 10, '10'],
    ['null', null, 'null'],
    ['an empty object', {}, '{}'],
    ['a negative abs', { abs: -1 }, '{"abs":-1}'],
    ['a string abs', { abs: '2' }, '{"abs":"2"}'],
    ['a fraction as rel', { rel: 0.1 }, '{"rel":0.1}'],
    ['an unknown key', { rel: '10%', max: 1 }, '{"rel":"10%","max":1}'],
    ['an array', ['10%'], '["10%"]'],
  ])('rejects %s, naming where it was given', (_what, value, shown) => {
    const err = thrown(() => parseTolerance(value, "plugin option tolerance['latency.p95']"))
    expect(err.code).toBe('TOLERANCE_INVALID')
    expect(err.message).toBe(`Invalid tolerance plugin option tolerance['latency.p95']: got ${shown}. ${HOW_TO}`)
  })

  it('rejects an infinite abs', () => {
    expect(thrown(() => parseTolerance({ abs: Infinity }, 'x')).code).toBe('TOLERANCE_INVALID')
  })
})

describe('resolveTolerance', () => {
  it('uses 10% when nothing is configured, raised to the noise floor of memory (32 MB), load (10 ms) and first run (5 ms)', () => {
    expect(DEFAULT_TOLERANCE).toBe('10%')
    expect(NOISE_FLOORS).toEqual({ 'memory.peakDeltaMB': 32, 'memory.peakRssMB': 32, loadMs: 10, firstRunMs: 5 })
    expect(resolveTolerance('latency.p95', undefined, undefined)).toEqual({ tolerance: { rel: 0.1, abs: 0 }, source: 'default tolerance' })
    expect(resolveTolerance('value', undefined, undefined).tolerance).toEqual({ rel: 0.1, abs: 0 })
    expect(resolveTolerance('memory.peakDeltaMB', undefined, undefined).tolerance).toEqual({ rel: 0.1, abs: 32 })
    expect(resolveTolerance('memory.peakRssMB', undefined, undefined).tolerance).toEqual({ rel: 0.1, abs: 32 })
    expect(resolveTolerance('loadMs', undefined, undefined).tolerance).toEqual({ rel: 0.1, abs: 10 })
    expect(resolveTolerance('firstRunMs', undefined, undefined).tolerance).toEqual({ rel: 0.1, abs: 5 })
  })

  it('applies a single plugin tolerance to every metric, still raised to the noise floors', () => {
    expect(resolveTolerance('latency.p50', undefined, '5%')).toEqual({ tolerance: { rel: 0.05, abs: 0 }, source: 'plugin option tolerance' })
    expect(resolveTolerance('memory.peakDeltaMB', undefined, '5%').tolerance).toEqual({ rel: 0.05, abs: 32 })
    // The larger of the given absolute part and the floor.
    expect(resolveTolerance('loadMs', undefined, { rel: '5%', abs: 3 }).tolerance).toEqual({ rel: 0.05, abs: 10 })
    expect(resolveTolerance('loadMs', undefined, { rel: '5%', abs: 50 }).tolerance).toEqual({ rel: 0.05, abs: 50 })
  })

  it('takes a metric named in a plugin map from the map; the others get the default', () => {
    const config: ToleranceInput = { 'latency.p95': '8%' }
    expect(resolveTolerance('latency.p95', undefined, config)).toEqual({ tolerance: { rel: 0.08, abs: 0 }, source: 'plugin option tolerance' })
    expect(resolveTolerance('latency.p50', undefined, config)).toEqual({ tolerance: { rel: 0.1, abs: 0 }, source: 'default tolerance' })
    expect(resolveTolerance('memory.peakDeltaMB', undefined, config).tolerance).toEqual({ rel: 0.1, abs: 32 })
  })

  it('uses a tolerance named for the metric exactly as given, below the noise floor too', () => {
    expect(resolveTolerance('memory.peakDeltaMB', undefined, { 'memory.peakDeltaMB': { abs: 5 } }).tolerance).toEqual({ rel: 0, abs: 5 })
    expect(resolveTolerance('loadMs', { loadMs: '1%' }, undefined).tolerance).toEqual({ rel: 0.01, abs: 0 })
  })

  it("uses a map's `default` for the metrics it does not list", () => {
    const config: ToleranceInput = { default: '5%', 'latency.p95': '8%' }
    expect(resolveTolerance('latency.p50', undefined, config)).toEqual({ tolerance: { rel: 0.05, abs: 0 }, source: 'plugin option tolerance' })
    expect(resolveTolerance('memory.peakDeltaMB', undefined, config).tolerance).toEqual({ rel: 0.05, abs: 32 })
  })

  it('prefers the matcher option to the plugin option at the same level: named for the metric, or general', () => {
    expect(resolveTolerance('latency.p95', { 'latency.p95': '3%' }, { 'latency.p95': '8%' })).toEqual({
      tolerance: { rel: 0.03, abs: 0 },
      source: 'matcher option tolerance',
    })
    expect(resolveTolerance('latency.p50', '3%', '8%')).toEqual({ tolerance: { rel: 0.03, abs: 0 }, source: 'matcher option tolerance' })
    expect(resolveTolerance('latency.p50', { default: '4%' }, { default: '8%' }).tolerance).toEqual({ rel: 0.04, abs: 0 })
  })

  it("lets a general matcher tolerance win over the plugin's, even one named for the metric", () => {
    expect(resolveTolerance('latency.p95', '3%', { 'latency.p95': '8%' })).toEqual({
      tolerance: { rel: 0.03, abs: 0 },
      source: 'matcher option tolerance',
    })
    expect(resolveTolerance('latency.p95', undefined, { 'latency.p95': '8%' }).tolerance).toEqual({ rel: 0.08, abs: 0 })
  })

  it('falls through a matcher map that neither names the metric nor has a default', () => {
    const matcher: ToleranceInput = { throughput: '2%' }
    expect(resolveTolerance('throughput', matcher, '8%').tolerance).toEqual({ rel: 0.02, abs: 0 })
    expect(resolveTolerance('latency.p95', matcher, '8%')).toEqual({ tolerance: { rel: 0.08, abs: 0 }, source: 'plugin option tolerance' })
  })

  it('names the layer and the metric of a malformed tolerance', () => {
    const bad = { 'latency.p95': 'ten' } as unknown as ToleranceInput
    expect(thrown(() => resolveTolerance('latency.p95', bad, undefined)).message).toBe(
      `Invalid tolerance matcher option tolerance['latency.p95']: got 'ten'. ${HOW_TO}`,
    )
    const badDefault = { default: '5' } as unknown as ToleranceInput
    expect(thrown(() => resolveTolerance('latency.p95', undefined, badDefault)).message).toBe(
      `Invalid tolerance plugin option tolerance.default: got '5'. ${HOW_TO}`,
    )
  })
})

describe('allowedChange', () => {
  it('is the larger of the relative part (of |baseline|) and the absolute part', () => {
    expect(allowedChange({ rel: 0.1, abs: 0 }, 50)).toBe(5)
    expect(allowedChange({ rel: 0.1, abs: 0 }, -50)).toBe(5)
    expect(allowedChange({ rel: 0, abs: 2 }, 50)).toBe(2)
    expect(allowedChange({ rel: 0.1, abs: 10 }, 20)).toBe(10) // 10% of 20 = 2 < the absolute 10
    expect(allowedChange({ rel: 0.1, abs: 10 }, 200)).toBe(20) // 10% of 200 = 20 > the absolute 10
  })
})

describe('describeTolerance', () => {
  it('writes the relative part as a percentage and the absolute part with the unit', () => {
    expect(describeTolerance({ rel: 0.1, abs: 0 }, 'ms')).toBe('10%')
    expect(describeTolerance({ rel: 0.075, abs: 0 }, 'ms')).toBe('7.5%')
    expect(describeTolerance({ rel: 0, abs: 2 }, 'ms')).toBe('±2 ms')
    expect(describeTolerance({ rel: 0, abs: 2 }, '')).toBe('±2')
    expect(describeTolerance({ rel: 0.1, abs: 10 }, 'MB')).toBe('10%, ±10 MB')
    expect(describeTolerance({ rel: 0, abs: 0 }, 'ms')).toBe('0')
  })

  it('keeps at most 4 decimals of the percentage', () => {
    expect(describeTolerance({ rel: 0.123456789, abs: 0 }, '')).toBe('12.3457%')
  })
})

describe('validateToleranceInput', () => {
  const where = 'perfgate({ tolerance })'

  it('accepts nothing, one tolerance, or a map by metric id (value and default included)', () => {
    expect(() => validateToleranceInput(undefined, where)).not.toThrow()
    expect(() => validateToleranceInput('10%', where)).not.toThrow()
    expect(() => validateToleranceInput({ abs: 2 }, where)).not.toThrow()
    expect(() => validateToleranceInput({ default: '5%', 'latency.p95': { rel: '10%', abs: 1 }, value: '1%' }, where)).not.toThrow()
  })

  it('rejects a map key that is no metric, listing the known ones', () => {
    const err = thrown(() => validateToleranceInput({ 'latency.p42': '10%' } as unknown as ToleranceInput, where))
    expect(err.code).toBe('METRIC_UNKNOWN')
    expect(err.message).toBe(
      "Unknown metric 'latency.p42' in perfgate({ tolerance }). Known metrics: latency.mean, latency.p50, latency.p90, latency.p95, " +
        'latency.p99, cpu.mean, cpu.p50, throughput, memory.peakDeltaMB, memory.peakRssMB, loadMs, firstRunMs, ' +
        'ttft.mean, ttft.p50, ttft.p90, ttft.p95, ttft.p99, tpot.mean, tpot.p50, tpot.p90, tpot.p95, tpot.p99, ' +
        'itl.mean, itl.p50, itl.p90, itl.p95, itl.p99, e2e.mean, e2e.p50, e2e.p90, e2e.p95, e2e.p99, ' +
        'tokensPerSecond, totalTokensPerSecond, prefillTokensPerSecond, default.',
    )
  })

  it('rejects a malformed value, naming its key', () => {
    const err = thrown(() => validateToleranceInput({ 'latency.p95': '10' } as unknown as ToleranceInput, where))
    expect(err.message).toBe(`Invalid tolerance perfgate({ tolerance })['latency.p95']: got '10'. ${HOW_TO}`)
  })

  it('rejects a malformed single tolerance and values that are no tolerance at all', () => {
    expect(thrown(() => validateToleranceInput('10' as unknown as ToleranceInput, where)).message).toBe(
      `Invalid tolerance perfgate({ tolerance }): got '10'. ${HOW_TO}`,
    )
    expect(thrown(() => validateToleranceInput({ abs: -2 }, where)).code).toBe('TOLERANCE_INVALID')
    expect(thrown(() => validateToleranceInput(42 as unknown as ToleranceInput, where)).message).toBe(
      `Invalid tolerance perfgate({ tolerance }): got 42. ${HOW_TO}`,
    )
    expect(thrown(() => validateToleranceInput(null as unknown as ToleranceInput, where)).code).toBe('TOLERANCE_INVALID')
  })
})
