/**
 * The history file: JSON Lines, one run per line (schema
 * results.schema.json#/definitions/HistoryRecord), appended by the reporter's
 * `history` option on the default branch and drawn as trends by
 * `perfgate report --history`. Pure: building a line, parsing a file, and
 * turning the lines into one series per gated metric.
 */
import { perfgateError } from '../errors.js'
import type { HistoryEntry, HistoryRecord, MetricId, ResultsFile } from '../types/index.js'
import { schemaProblem } from './validate-results.js'

export interface HistoryInfo {
  /** Branch or ref that was measured. */
  ref?: string
  /** Baseline files (relative to the root) written by this run or changed by the commit. */
  changedBaselines: ReadonlySet<string>
  /** Metrics gated when an entry has no comparison rows (new or updated entries). */
  gatedMetrics: readonly MetricId[]
}

export function historyRecord(results: ResultsFile, info: HistoryInfo): HistoryRecord {
  const entries: HistoryEntry[] = []
  for (const r of results.results) {
    if (!r.current) continue
    const metrics: Record<string, number> = {}
    const baseline: Record<string, number> = {}
    if (r.rows && r.rows.length > 0) {
      for (const row of r.rows) {
        // as measured: a calibrated row's current value is on the baseline's machine speed
        metrics[row.metric] = r.calibration ? (r.current.metrics[row.metric] ?? row.current) : row.current
        baseline[row.metric] = row.baseline
      }
    } else {
      const ids = r.current.kind === 'value' ? ['value'] : info.gatedMetrics
      for (const id of ids) {
        const v = r.current.metrics[id]
        if (v !== undefined) metrics[id] = v
      }
    }
    entries.push({
      file: r.file,
      key: r.key,
      test: r.test,
      status: r.status,
      metrics,
      ...(Object.keys(baseline).length > 0 ? { baseline } : {}),
      baselineChanged: info.changedBaselines.has(r.file),
    })
  }
  return {
    perfgate: 1,
    kind: 'history',
    time: results.createdAt,
    commit: results.commit ?? null,
    ...(info.ref ? { ref: info.ref } : {}),
    entries,
  }
}

/** Parses a history file; a bad line throws a PerfgateError naming the file, the line and the field. */
export function parseHistory(text: string, file: string): HistoryRecord[] {
  const out: HistoryRecord[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    let data: unknown
    try {
      data = JSON.parse(line)
    } catch (err) {
      throw perfgateError('HISTORY_INVALID_LINE', { file, line: i + 1, detail: `not valid JSON (${(err as Error).message})` }, err)
    }
    const problem = schemaProblem('history-record', data)
    if (problem) throw perfgateError('HISTORY_INVALID_LINE', { file, line: i + 1, detail: `field ${problem.field} ${problem.detail}` })
    out.push(data as HistoryRecord)
  }
  return out
}

export interface TrendPoint {
  /** Position of the run in the file (0-based). */
  run: number
  commit: string | null
  time: string
  value: number
  baseline?: number
  baselineChanged: boolean
}

export interface Trend {
  file: string
  key: string
  test: string
  metric: string
  points: TrendPoint[]
}

/** One series per (baseline file, entry, metric), in order of first appearance. */
export function historyTrends(records: readonly HistoryRecord[]): Trend[] {
  const trends = new Map<string, Trend>()
  records.forEach((rec, run) => {
    for (const e of rec.entries) {
      for (const [metric, value] of Object.entries(e.metrics)) {
        const id = JSON.stringify([e.file, e.key, metric])
        let t = trends.get(id)
        if (!t) {
          t = { file: e.file, key: e.key, test: e.test, metric, points: [] }
          trends.set(id, t)
        }
        const baseline = e.baseline?.[metric]
        t.points.push({ run, commit: rec.commit, time: rec.time, value, ...(baseline !== undefined ? { baseline } : {}), baselineChanged: e.baselineChanged })
      }
    }
  })
  return [...trends.values()]
}
