import { describe, expect, it } from 'vitest'
import { basisSamples, comparisonBasis, singleThreadedCpuSession } from '../../src/compare/basis.js'
import { calibrationBetween } from '../../src/compare/calibration.js'
import { compareEntry } from '../../src/compare/compare-entry.js'
import type { BaselineEntry } from '../../src/types/index.js'
import { profileEntry, runs, TESTBED } from './entry-factory.js'

// 30 runs each, 0.1 ms apart: CPU times 10.0 .. 12.9 ms on both sides (median 11.45, mean 11.45)
const cpu = runs(10, 30)
const oneThread = { testbed: { ...TESTBED, intraOpNumThreads: 1 } }
/** A single-threaded profile entry whose wall times are its CPU times x `stretch`. */
function entry(cpuSamples: number[], stretch: number, extra: Partial<BaselineEntry> = oneThread): BaselineEntry {
  const latency = cpuSamples.map((x) => x * stretch)
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[15]! / 2 + [...xs].sort((a, b) => a - b)[14]! / 2
  return profileEntry({ 'latency.p50': p50(latency), 'cpu.p50': p50(cpuSamples) }, { latency, cpu: cpuSamples }, extra)
}

describe('comparisonBasis', () => {
  it('is cpu for two single-threaded CPU-provider profiles with CPU samples, else wall', () => {
    expect(comparisonBasis(entry(cpu, 1), entry(cpu, 1))).toBe('cpu')
    expect(comparisonBasis(entry(cpu, 1, {}), entry(cpu, 1))).toBe('wall') // intraOpNumThreads left to onnxruntime
    expect(comparisonBasis(entry(cpu, 1), entry(cpu, 1, { testbed: { ...TESTBED, intraOpNumThreads: 2 } }))).toBe('wall')
    expect(comparisonBasis(entry(cpu, 1), entry(cpu, 1, { testbed: { ...TESTBED, intraOpNumThreads: 1, executionProviders: ['cuda'] } }))).toBe('wall')
    expect(comparisonBasis(entry(cpu, 1), entry(cpu.slice(0, 7), 1))).toBe('wall') // 7 CPU samples: too few for the rank test
    expect(singleThreadedCpuSession(entry(cpu, 1, { testbed: { ...TESTBED, intraOpNumThreads: 1, onnxruntime: 'none' } }))).toBe(false)
  })

  it('moves only wall latencies to CPU times', () => {
    expect(basisSamples('latency', 'cpu')).toBe('cpu')
    expect(basisSamples('latency', 'wall')).toBe('latency')
    expect(basisSamples('ttft', 'cpu')).toBe('ttft')
  })
})

describe('compareEntry on the CPU basis', () => {
  it('passes an unchanged model whose wall times doubled while it waited for a core', () => {
    const cmp = compareEntry(entry(cpu, 1), entry(cpu, 2), { metrics: ['latency.p50'] })
    expect(cmp.basis).toBe('cpu')
    expect(cmp.verdict).toBe('pass')
    // the row holds the CPU-time medians (11.45 on both sides), not the wall medians (11.45 and 22.9)
    expect(cmp.rows[0]).toMatchObject({ metric: 'latency.p50', baseline: 11.45, current: 11.45, change: 0, basis: 'cpu', verdict: 'pass' })
  })

  it('regresses when the CPU time per run grew by 30% (every run), whatever the wall time did', () => {
    const cmp = compareEntry(entry(cpu, 1), entry(runs(13, 30), 1), { metrics: ['latency.p50'] })
    expect(cmp.verdict).toBe('regressed')
    // CPU medians 11.45 -> 14.45: +26.2%
    expect(cmp.rows[0]!.basis).toBe('cpu')
    expect(cmp.rows[0]!.changePct).toBeCloseTo(26.2, 1)
  })

  it('keeps the wall time when told to (basis: wall), or for multi-threaded sessions', () => {
    expect(compareEntry(entry(cpu, 1), entry(cpu, 2), { metrics: ['latency.p50'], basis: 'wall' }).verdict).toBe('regressed')
    const multi = { testbed: { ...TESTBED, intraOpNumThreads: 2 } }
    const cmp = compareEntry(entry(cpu, 1, multi), entry(cpu, 2, multi), { metrics: ['latency.p50'] })
    expect(cmp.basis).toBe('wall')
    expect(cmp.rows[0]).toMatchObject({ basis: 'wall', verdict: 'regressed' })
  })
})

describe('calibrationBetween on the CPU basis', () => {
  const cal = (scoreMs: number, cpuScoreMs?: number) => ({
    calibration: { workload: 'perfgate-reference-1', scoreMs, runs: 140, ...(cpuScoreMs ? { cpuScoreMs } : {}) },
  })
  it('uses the CPU-time scores where both entries have one', () => {
    // wall scores 1 -> 2 (the reference waited for a core), CPU scores 1 -> 1.1: factor (1 / 1.1) ^ 0.8
    const applied = calibrationBetween(entry(cpu, 1, { ...oneThread, ...cal(1, 1) }), entry(cpu, 1, { ...oneThread, ...cal(2, 1.1) }), 'cpu')
    expect(applied).toStrictEqual({ factor: (1 / 1.1) ** 0.8, baselineScoreMs: 1, currentScoreMs: 1.1, basis: 'cpu' })
  })
  it('falls back to the wall-time scores for an entry recorded without a CPU score, and on the wall basis', () => {
    expect(calibrationBetween(entry(cpu, 1, { ...oneThread, ...cal(1) }), entry(cpu, 1, { ...oneThread, ...cal(2, 1.1) }), 'cpu')).toStrictEqual({
      factor: 0.5 ** 0.8,
      baselineScoreMs: 1,
      currentScoreMs: 2,
    })
    expect(calibrationBetween(entry(cpu, 1, { ...oneThread, ...cal(1, 1) }), entry(cpu, 1, { ...oneThread, ...cal(2, 1.1) }), 'wall')!.factor).toBe(0.5 ** 0.8)
  })
})
