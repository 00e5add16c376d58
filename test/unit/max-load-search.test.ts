/** The maximum-load search on scripted levels: exact loads tried, the best found, and an early stop on runaway. */
import { describe, expect, it } from 'vitest'
import { findMaxLoad } from '../../src/compare/max-load-search.js'
import type { LoadLevel } from '../../src/types/index.js'

/** A level as a server with the given capacity would give it: meets the SLO up to `capacity`. */
function scripted(capacity: number, p95At: (load: number) => number = () => 10, errorsAt: (load: number) => number = () => 0) {
  const tried: number[] = []
  const measure = async (load: number): Promise<LoadLevel> => {
    tried.push(load)
    const p95 = p95At(load)
    return {
      concurrency: load,
      offeredRate: null,
      requests: 100,
      errors: errorsAt(load) * 100,
      errorRate: errorsAt(load),
      missed: 0,
      requestsPerSecond: load,
      okPerSecond: load,
      latency: { n: 100, mean: p95, sd: 0, min: p95, max: p95, p50: p95, p90: p95, p95, p99: p95, cv: 0 },
      wallMs: 1000,
      cpuMs: 0,
      meetsSlo: load <= capacity,
      sloViolations: load <= capacity ? [] : ['p95 61 ms > 50 ms'],
      errorMessages: [],
    }
  }
  return { tried, measure }
}

describe('findMaxLoad', () => {
  it('doubles until a level misses the SLO, then bisects between the last good and the first bad', async () => {
    const s = scripted(11)
    const r = await findMaxLoad(s.measure, { start: 1, integer: true })
    expect(s.tried).toEqual([1, 2, 4, 8, 16, 12, 10, 11])
    expect(r.best).toBe(11)
    expect(r.reason).toBe('load 16 missed the SLO (p95 61 ms > 50 ms)')
    expect(r.steps.map((st) => st.load)).toEqual(s.tried)
  })

  it('bisects offered rates as fractions, at most refineSteps levels', async () => {
    const s = scripted(5)
    const r = await findMaxLoad(s.measure, { start: 2, integer: false, refineSteps: 2 })
    expect(s.tried).toEqual([2, 4, 8, 6, 5])
    expect(r.best).toBe(5)
  })

  it('stops growing when the error rate or the latency runs away, even within the SLO', async () => {
    const latency = scripted(1000, (load) => (load >= 8 ? 500 : 10))
    const r = await findMaxLoad(latency.measure, { start: 1, integer: true, refineSteps: 0 })
    expect(latency.tried).toEqual([1, 2, 4, 8])
    expect([r.best, r.reason]).toEqual([4, "p95 latency ran away (50.0x the first level's)"])

    const errors = scripted(1000, undefined, (load) => (load >= 4 ? 0.6 : 0))
    const e = await findMaxLoad(errors.measure, { start: 1, integer: true })
    expect(errors.tried).toEqual([1, 2, 4, 3])
    expect([e.best, e.reason]).toEqual([3, 'error rate 60.0% ran away'])
  })

  it('reports no best when the first level misses, and the last when all meet', async () => {
    const none = await findMaxLoad(scripted(0).measure, { start: 1, integer: true })
    expect([none.best, none.steps.length]).toEqual([null, 1])
    expect(none.reason).toBe('the first load missed the SLO: load 1 missed the SLO (p95 61 ms > 50 ms)')
    const all = await findMaxLoad(scripted(1e9).measure, { start: 1, integer: true, maxDoublings: 3 })
    expect([all.best, all.reason]).toEqual([4, 'every level up to 3 doublings met the SLO'])
  })
})
