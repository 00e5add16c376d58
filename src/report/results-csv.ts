/**
 * CSV exports: one row per metric of every result (the reporter's `csv`
 * option) or of one profile (`perfgate profile --csv`), with the same columns,
 * so a spreadsheet or a script reads both. Numbers at full precision; written
 * by the one CSV writer (report/csv-writer.ts). Pure.
 */
import { METRICS, metricValues, PROFILE_METRIC_IDS } from '../metrics/catalogue.js'
import { csvDocument } from './csv-writer.js'
import type { MetricComparison, ProfileResult, ResultEntry, ResultsFile } from '../types/index.js'

export const CSV_COLUMNS = [
  'file',
  'key',
  'test',
  'status',
  'metric',
  'unit',
  'better',
  'gated',
  'baseline',
  'current',
  'change',
  'change_pct',
  'ci_low_pct',
  'ci_high_pct',
  'ci_confidence',
  'tolerance',
  'verdict',
  'p_value',
  'note',
] as const

type Column = (typeof CSV_COLUMNS)[number]
type CsvRow = Partial<Record<Column, string | number | boolean | null | undefined>>

function csvText(rows: readonly CsvRow[]): string {
  return csvDocument(
    CSV_COLUMNS,
    rows.map((row) => CSV_COLUMNS.map((c) => row[c])),
  )
}

function rowOfComparison(r: MetricComparison): CsvRow {
  return {
    metric: r.metric,
    unit: r.unit,
    better: r.better,
    gated: true,
    baseline: r.baseline,
    current: r.current,
    change: r.change,
    change_pct: r.changePct,
    ci_low_pct: r.interval?.lowPct,
    ci_high_pct: r.interval?.highPct,
    ci_confidence: r.interval?.confidence,
    tolerance: r.tolerance,
    verdict: r.verdict,
    p_value: r.pValue,
    note: r.note,
  }
}

/** Metric ids in display order: the catalogue's order, then any others by name. */
function ordered(ids: Iterable<string>): string[] {
  const rank = (id: string) => {
    const i = PROFILE_METRIC_IDS.indexOf(id as never)
    return i < 0 ? PROFILE_METRIC_IDS.length : i
  }
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

function rowsOfEntry(e: ResultEntry): CsvRow[] {
  const head = { file: e.file, key: e.key, test: e.test, status: e.status }
  const out: CsvRow[] = (e.rows ?? []).map((r) => ({ ...head, ...rowOfComparison(r) }))
  const gated = new Set((e.rows ?? []).map((r) => r.metric as string))
  const metrics = e.current?.metrics ?? {}
  for (const id of ordered(Object.keys(metrics))) {
    if (gated.has(id)) continue
    const def = METRICS.get(id as never)
    const better = id === 'value' ? (e.current?.better ?? 'lower') : def?.better
    out.push({ ...head, metric: id, unit: def?.unit ?? '', better, gated: false, baseline: e.baseline?.metrics[id], current: metrics[id] })
  }
  if (out.length === 0) out.push(head)
  return out
}

/** Every result of a run: the gated rows with their comparison, then the other recorded metrics. */
export function resultsCsv(file: ResultsFile): string {
  return csvText(file.results.flatMap(rowsOfEntry))
}

/** Every metric of one profile, keyed by the model's path (or `function`). */
export function profileCsv(result: ProfileResult): string {
  const key = result.model?.path ?? 'function'
  const values = metricValues(result)
  return csvText(
    ordered(Object.keys(values)).map((id) => {
      const def = METRICS.get(id as never)
      return { key, status: 'measured', metric: id, unit: def?.unit ?? '', better: def?.better, gated: false, current: values[id] }
    }),
  )
}
