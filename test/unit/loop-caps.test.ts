/**
 * Caps that do not lie: a run count beyond the cap on measured runs, or a
 * time option beyond 10 minutes, is refused up front instead of being cut
 * short (or never ending) while the request is recorded as done.
 */
import { describe, expect, it } from 'vitest'
import { recordedOptions, resolveLoopOptions } from '../../src/measure/run/options.js'

describe('resolveLoopOptions: caps', () => {
  it('refuses runs above maxRuns, naming both and the fix', () => {
    expect(() => resolveLoopOptions({ runs: 20_000 })).toThrow(
      'Invalid option profile({ runs }): got 20000, expected at most maxRuns (10000), the cap on measured runs; raise maxRuns too (up to 1000000) to measure more.',
    )
    expect(() => resolveLoopOptions({ runs: 50, maxRuns: 40 })).toThrow('at most maxRuns (40)')
    expect(resolveLoopOptions({ runs: 20_000, maxRuns: 20_000 }).runs).toBe(20_000)
  })

  it('refuses run counts beyond 1e6 and times beyond 10 minutes', () => {
    expect(() => resolveLoopOptions({ runs: 1e9, maxRuns: 1e9 })).toThrow(
      "Invalid option profile({ runs }): got 1000000000, expected an integer from 1 to 1000000 or 'auto'.",
    )
    expect(() => resolveLoopOptions({ warmupTime: 1e12 })).toThrow(
      'profile({ warmupTime }): got 1000000000000, expected a number of milliseconds >= 0 and <= 600000 (10 minutes).',
    )
    expect(() => resolveLoopOptions({ minTime: 600_001 })).toThrow('profile({ minTime })')
    expect(() => resolveLoopOptions({ warmup: 1e7 })).toThrow('profile({ warmup })')
    expect(resolveLoopOptions({ warmupTime: 600_000, minTime: 600_000 })).toMatchObject({ warmupTimeMs: 600_000, minTimeMs: 600_000 })
  })

  it('lets the default minimum of runs yield to an explicit maxRuns', () => {
    expect(resolveLoopOptions({ maxRuns: 10 })).toMatchObject({ runs: 10, maxRuns: 10 })
    expect(resolveLoopOptions({ runs: 'auto', maxRuns: 12 })).toMatchObject({ runs: 12, maxRuns: 12 })
    expect(resolveLoopOptions({ maxRuns: 50 }).runs).toBe(30)
  })

  it('names the entry point it was called for', () => {
    expect(() => resolveLoopOptions({ runs: 0 }, 'profile.sweep')).toThrow('profile.sweep({ runs })')
  })

  it('records the cap on measured runs when it was given', () => {
    const o = { runs: 10, maxRuns: 50 }
    expect(recordedOptions(o, resolveLoopOptions(o))).toMatchObject({ runs: 10, maxRuns: 50 })
    expect(recordedOptions({}, resolveLoopOptions({}))).not.toHaveProperty('maxRuns')
  })
})
