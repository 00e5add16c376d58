/**
 * The results of a run as data: every gate record with what was measured, the
 * baseline it was compared with and the comparison. The reporter's `json`
 * option writes it, `perfgate compare` and `perfgate report` read it, and the
 * Markdown, HTML and CSV reports are drawn from it. Pure.
 */
import type { GateRecord, ResultEntry, ResultsFile } from '../types/index.js'

export interface RunInfo {
  /** When the run ended. */
  createdAt: Date
  commit: string | null
  baseRef?: string
  /** Baseline files (relative to the project root) that the change under test edits. */
  changedBaselines?: readonly string[]
}

export function resultEntry(record: GateRecord, changed: ReadonlySet<string>): ResultEntry {
  const out: ResultEntry = { file: record.file, key: record.key, test: record.test, status: record.status }
  const current = record.current ?? record.entry
  if (current) out.current = current
  if (record.baseline) out.baseline = record.baseline
  if (record.rows) out.rows = record.rows
  if (record.differences && record.differences.length > 0) out.differences = record.differences
  if (record.calibration) out.calibration = record.calibration
  if (changed.has(record.file)) out.baselineChanged = true
  if (record.extras) out.extras = record.extras
  if (record.confirmation) out.confirmation = record.confirmation
  if (record.unresolvedPolicy) out.unresolvedPolicy = record.unresolvedPolicy
  return out
}

export function buildResultsFile(records: readonly GateRecord[], info: RunInfo): ResultsFile {
  const changed = new Set(info.changedBaselines ?? [])
  return {
    perfgate: 1,
    kind: 'results',
    createdAt: info.createdAt.toISOString(),
    commit: info.commit,
    ...(info.baseRef ? { baseRef: info.baseRef } : {}),
    ...(info.changedBaselines ? { changedBaselines: [...info.changedBaselines].sort() } : {}),
    results: records.map((r) => resultEntry(r, changed)),
  }
}

/** Counts by status, in the order reports show them. */
export function statusCounts(results: readonly ResultEntry[]): { status: ResultEntry['status']; label: string; count: number }[] {
  const labels: [ResultEntry['status'], string][] = [
    ['regressed', 'regressed'],
    ['unresolved', 'unresolved'],
    ['improved', 'improved'],
    ['warned', 'warned'],
    ['pass', 'passed'],
    ['new', 'new'],
    ['updated', 'updated'],
    ['missing', 'missing'],
    ['invalid', 'with an invalid baseline file'],
  ]
  return labels.map(([status, label]) => ({ status, label, count: results.filter((r) => r.status === status).length }))
}
