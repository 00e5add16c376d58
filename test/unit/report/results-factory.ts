/**
 * Hand-made gate records and results files for the report tests: one
 * regression (latency 10 -> 12 ms, with a confidence interval), one
 * improvement, one pass on another testbed, one new entry, and one with a
 * hostile name. Every number is easy to read back in the snapshots.
 */
import { buildResultsFile } from '../../../src/results/results-file.js'
import type { GateRecord, MetricComparison, ResultsFile } from '../../../src/types/index.js'
import { profileEntry, runs, sha, TESTBED, valueEntry } from '../entry-factory.js'

export const FILE = 'baselines/det.perf.test.ts.json'
export const HOSTILE = '<img src=x onerror=alert(1)>'

export function row(metric: MetricComparison['metric'], baseline: number, current: number, extra: Partial<MetricComparison> = {}): MetricComparison {
  const unit = metric === 'throughput' ? 'runs/s' : metric.startsWith('memory') ? 'MB' : 'ms'
  const better = metric === 'throughput' ? 'higher' : 'lower'
  const change = current - baseline
  return { metric, unit, better, baseline, current, change, changePct: (change / baseline) * 100, tolerance: '10%', verdict: 'pass', ...extra }
}

function profile(latencyFrom: number, extra: Parameters<typeof profileEntry>[2] = {}) {
  const latency = runs(latencyFrom, 20, 0.1)
  return profileEntry(
    { 'latency.p50': latencyFrom + 1, 'latency.p95': latencyFrom + 1.8, throughput: 1000 / (latencyFrom + 1), 'memory.peakDeltaMB': 50 },
    { latency, cpu: runs(latencyFrom * 2, 20, 0.2) },
    { model: { path: 'models/det.onnx', bytes: 1234, sha256: sha('a') }, runs: 20, ...extra },
  )
}

export function records(): GateRecord[] {
  const regressed: GateRecord = {
    file: FILE,
    key: 'detector 640 1',
    test: 'detector 640',
    status: 'regressed',
    rows: [
      row('latency.p50', 11, 13, { verdict: 'regressed', pValue: 0.0001, interval: { lowPct: 12.5, highPct: 24.25, confidence: 0.99 } }),
      row('latency.p95', 11.8, 13.8, { verdict: 'regressed', pValue: 0.0001 }),
      row('throughput', 90.9, 76.9, { verdict: 'regressed', pValue: 0.0001 }),
      row('memory.peakDeltaMB', 50, 52, { tolerance: '10%, ±32 MB' }),
    ],
    baseline: profile(10),
    current: profile(12),
  }
  const improved: GateRecord = {
    file: FILE,
    key: 'detector 320 1',
    test: 'detector 320',
    status: 'improved',
    rows: [
      row('latency.p50', 5, 4, { verdict: 'improved', pValue: 0.001 }),
      row('latency.p95', 6, 5.9, { note: 'beyond tolerance, not significant: p=0.200 >= 0.01' }),
    ],
    baseline: profile(4),
    current: profile(3),
  }
  const otherTestbed: GateRecord = {
    file: 'baselines/cls.perf.test.ts.json',
    key: 'classifier 1',
    test: 'classifier',
    status: 'pass',
    rows: [row('latency.p50', 2, 2.1)],
    differences: [{ field: 'cpuModel', baseline: 'Old CPU', current: TESTBED.cpuModel }],
    baseline: profile(1, { testbed: { ...TESTBED, cpuModel: 'Old CPU' } }),
    current: profile(1),
  }
  const added: GateRecord = {
    file: 'baselines/cls.perf.test.ts.json',
    key: 'p50 alone',
    test: 'classifier',
    status: 'new',
    entry: valueEntry(2.5),
    current: valueEntry(2.5),
  }
  const hostile: GateRecord = {
    file: FILE,
    key: `${HOSTILE} 1`,
    test: HOSTILE,
    status: 'pass',
    rows: [row('latency.p50', 3, 3)],
    baseline: profile(2, { model: { path: `models/${HOSTILE}.onnx`, bytes: 1, sha256: sha('b') } }),
    current: profile(2, { model: { path: `models/${HOSTILE}.onnx`, bytes: 1, sha256: sha('b') } }),
  }
  return [added, otherTestbed, regressed, hostile, improved]
}

export function resultsFile(extra: Partial<Parameters<typeof buildResultsFile>[1]> = {}): ResultsFile {
  return buildResultsFile(records(), { createdAt: new Date('2025-01-02T03:04:05Z'), commit: '0123456789abcdef0123456789abcdef01234567', ...extra })
}
