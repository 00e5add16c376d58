import { describe, expect, it } from 'vitest'
import { historyRecord, historyTrends, parseHistory } from '../../../src/results/history.js'
import type { HistoryRecord } from '../../../src/types/index.js'
import { FILE, resultsFile } from './results-factory.js'

const GATED = ['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB'] as const

describe('historyRecord', () => {
  it('keeps the gated metrics of every measured entry, the baseline values, and which baseline files changed', () => {
    const rec = historyRecord(resultsFile(), { ref: 'main', changedBaselines: new Set([FILE]), gatedMetrics: GATED })
    expect(rec).toMatchObject({
      perfgate: 1,
      kind: 'history',
      time: '2025-01-02T03:04:05.000Z',
      commit: '0123456789abcdef0123456789abcdef01234567',
      ref: 'main',
    })
    expect(rec.entries.map((e) => [e.key, e.baselineChanged])).toEqual([
      ['p50 alone', false],
      ['classifier 1', false],
      ['detector 640 1', true],
      ['<img src=x onerror=alert(1)> 1', true],
      ['detector 320 1', true],
    ])
    expect(rec.entries[0]).toEqual({
      file: 'baselines/cls.perf.test.ts.json',
      key: 'p50 alone',
      test: 'classifier',
      status: 'new',
      metrics: { value: 2.5 },
      baselineChanged: false,
    })
    expect(rec.entries[2]!.metrics).toEqual({ 'latency.p50': 13, 'latency.p95': 13.8, throughput: 76.9, 'memory.peakDeltaMB': 52 })
    expect(rec.entries[2]!.baseline).toEqual({ 'latency.p50': 11, 'latency.p95': 11.8, throughput: 90.9, 'memory.peakDeltaMB': 50 })
  })

  it('keeps a calibrated entry as measured: its rows are on the baseline machine speed, its current entry is not', () => {
    const file = resultsFile()
    const det = file.results[2]!
    const measured = { ...det.current!, metrics: { ...det.current!.metrics, 'latency.p50': 26 } }
    const calibrated = { ...det, current: measured, calibration: { factor: 0.5, baselineScoreMs: 0.2, currentScoreMs: 0.4 } }
    const rec = historyRecord({ ...file, results: [calibrated] }, { changedBaselines: new Set(), gatedMetrics: GATED })
    expect(rec.entries[0]!.metrics['latency.p50']).toBe(26) // the row says 13 (26 x 0.5)
    expect(rec.entries[0]!.baseline?.['latency.p50']).toBe(11)
  })

  it('uses the gated metric list for entries without a comparison (new, updated)', () => {
    const file = resultsFile()
    const det = file.results[2]!
    const rec = historyRecord(
      { ...file, results: [{ ...det, status: 'updated', rows: undefined }] },
      { changedBaselines: new Set(), gatedMetrics: ['latency.p95'] },
    )
    expect(rec.entries[0]!.metrics).toEqual({ 'latency.p95': 13.8 })
    expect(rec.entries[0]!.baseline).toBeUndefined()
  })
})

function line(commit: string, value: number, baselineChanged = false): HistoryRecord {
  return {
    perfgate: 1,
    kind: 'history',
    time: '2025-01-01T00:00:00.000Z',
    commit,
    entries: [{ file: FILE, key: 'det 1', test: 'det', status: 'pass', metrics: { 'latency.p95': value }, baseline: { 'latency.p95': 10 }, baselineChanged }],
  }
}

describe('parseHistory', () => {
  it('reads one run per line and skips blank lines', () => {
    const text = `${JSON.stringify(line('a', 10))}\n\n${JSON.stringify(line('b', 11))}\n`
    expect(parseHistory(text, 'h.jsonl').map((r) => r.commit)).toEqual(['a', 'b'])
  })

  it('names the file, line and field of a bad line', () => {
    const bad = { ...line('b', 11), entries: [{ file: FILE }] }
    expect(() => parseHistory(`${JSON.stringify(line('a', 10))}\n${JSON.stringify(bad)}\n`, 'perf-history.jsonl')).toThrow(
      'Invalid history file perf-history.jsonl, line 2: field entries[0].key is missing.',
    )
    expect(() => parseHistory('{"perfgate":', 'h.jsonl')).toThrow(/^Invalid history file h\.jsonl, line 1: not valid JSON/)
  })
})

describe('historyTrends', () => {
  it('gives one series per entry and metric, with the runs in file order and baseline changes marked', () => {
    const trends = historyTrends([line('a', 10), line('b', 12, true), line('c', 11)])
    expect(trends).toHaveLength(1)
    expect(trends[0]!.metric).toBe('latency.p95')
    expect(trends[0]!.points.map((p) => [p.run, p.commit, p.value, p.baseline, p.baselineChanged])).toEqual([
      [0, 'a', 10, 10, false],
      [1, 'b', 12, 10, true],
      [2, 'c', 11, 10, false],
    ])
  })
})
