import { describe, expect, it } from 'vitest'
import { poolEntries } from '../../src/compare/pool-entries.js'
import type { Disturbance } from '../../src/types/index.js'
import { profileEntry } from './entry-factory.js'

const disturbance = (runs: number, disturbedRuns: number, reasons: Disturbance['reasons']): Disturbance => ({
  rule: 1,
  runs,
  disturbedRuns,
  share: disturbedRuns / runs,
  involuntarySwitches: disturbedRuns,
  reasons,
})

describe('poolEntries', () => {
  it('returns a single measurement as it is', () => {
    const e = profileEntry({ 'latency.p50': 10 }, { latency: [10] })
    expect(poolEntries([e])).toBe(e)
  })

  it("concatenates samples, recomputes sample-backed metrics and keeps the first measurement's single figures", () => {
    const a = profileEntry(
      { 'latency.p50': 2, 'latency.mean': 2, throughput: 500, 'memory.peakDeltaMB': 40, loadMs: 30 },
      { latency: [1, 2, 3], cpu: [1, 2, 3] },
      { disturbance: disturbance(3, 0, []) },
    )
    const b = profileEntry(
      { 'latency.p50': 5, 'latency.mean': 5, throughput: 200, 'memory.peakDeltaMB': 90, loadMs: 20 },
      { latency: [4, 5, 6], cpu: [1, 2, 3] },
      { disturbance: disturbance(3, 2, ['involuntary switches']) },
    )
    const pooled = poolEntries([a, b])
    expect(pooled.samples).toStrictEqual({ latency: [1, 2, 3, 4, 5, 6], cpu: [1, 2, 3, 1, 2, 3] })
    // pooled median of 1..6 = 3.5, mean 3.5, throughput 1000 / 3.5
    // memory and load time are the first measurement's: later ones run in a process that loaded the model already
    expect(pooled.metrics).toStrictEqual({ 'latency.p50': 3.5, 'latency.mean': 3.5, throughput: 1000 / 3.5, 'memory.peakDeltaMB': 40, loadMs: 30 })
    expect(pooled.disturbance).toStrictEqual({ rule: 1, runs: 6, disturbedRuns: 2, share: 2 / 6, involuntarySwitches: 2, reasons: ['involuntary switches'] })
  })

  it("puts each later measurement on the first one's machine speed: wall times by wall scores, CPU times by CPU scores", () => {
    const cal = (scoreMs: number, cpuScoreMs: number) => ({ calibration: { workload: 'perfgate-reference-1', scoreMs, cpuScoreMs, runs: 140 } })
    const a = profileEntry({ 'latency.p50': 10 }, { latency: [10], cpu: [10] }, cal(1, 1))
    // the machine ran 2^(1/0.8) times slower by the wall-time reference and 1.1^(1/0.8) by the CPU-time one
    const b = profileEntry({ 'latency.p50': 20 }, { latency: [20], cpu: [11] }, cal(2 ** 1.25, 1.1 ** 1.25))
    const pooled = poolEntries([a, b])
    expect(pooled.samples.latency![1]).toBeCloseTo(10, 12)
    expect(pooled.samples.cpu![1]).toBeCloseTo(10, 12)
    expect(pooled.calibration).toStrictEqual(a.calibration)
  })
})
