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
    // where each measurement's samples are, so that the gate can tell how much a statistic moves between them
    expect(pooled.measurements).toStrictEqual({ latency: [3, 3], cpu: [3, 3] })
  })

  it('counts an entry that pooled several already as those measurements, and keeps only the sets every entry has', () => {
    const a = poolEntries([profileEntry({}, { latency: [1, 2], cpu: [1, 2] }), profileEntry({}, { latency: [3], cpu: [3] })])
    const b = profileEntry({}, { latency: [4, 5, 6, 7] })
    const pooled = poolEntries([a, b])
    expect(pooled.samples).toStrictEqual({ latency: [1, 2, 3, 4, 5, 6, 7] })
    expect(pooled.measurements).toStrictEqual({ latency: [2, 1, 4] })
  })

  it("puts every measurement on the measurements' mean machine speed: wall times by wall scores, CPU times by CPU scores", () => {
    const cal = (scoreMs: number, cpuScoreMs: number) => ({ calibration: { workload: 'perfgate-reference-1', scoreMs, cpuScoreMs, runs: 140 } })
    // the second machine ran 4^(1/0.8) times slower by the wall-time reference and 1.21^(1/0.8) by the CPU-time one:
    // the mean speed is half-way (geometric means of the scores), so the first measurement's times double (wall) or grow
    // 1.1x (CPU) and the second's halve (wall) or shrink 1.1x (CPU)
    const a = profileEntry({ 'latency.p50': 10 }, { latency: [10], cpu: [10] }, cal(1, 1))
    const b = profileEntry({ 'latency.p50': 40 }, { latency: [40], cpu: [12.1] }, cal(4 ** 1.25, 1.21 ** 1.25))
    const pooled = poolEntries([a, b])
    expect(pooled.samples.latency!.map((x) => +x.toFixed(9))).toStrictEqual([20, 20])
    expect(pooled.samples.cpu!.map((x) => +x.toFixed(9))).toStrictEqual([11, 11])
    // the pooled entry carries the mean scores, and the reference's runs of both
    expect(pooled.calibration).toStrictEqual({
      workload: 'perfgate-reference-1',
      scoreMs: expect.closeTo(2 ** 1.25, 12),
      cpuScoreMs: expect.closeTo(1.1 ** 1.25, 12),
      runs: 280,
    })
  })

  it('leaves the samples as measured when a measurement has no reference score', () => {
    const a = profileEntry({}, { latency: [10] }, { calibration: { workload: 'perfgate-reference-1', scoreMs: 1, runs: 140 } })
    const pooled = poolEntries([a, profileEntry({}, { latency: [40] })])
    expect(pooled.samples.latency).toStrictEqual([10, 40])
    expect(pooled.calibration).toStrictEqual(a.calibration)
  })
})
