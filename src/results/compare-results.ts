/**
 * `perfgate compare A B` as a pure function: entries are matched by baseline
 * file and key (or, when each side holds one entry, with each other), and each
 * pair is judged by the gate's own rule (compareEntry: tolerance, noise floors,
 * significance), A as the baseline and B as the current run.
 */
import { DEFAULT_GATED_METRICS } from '../metrics/catalogue.js'
import { compareEntry } from '../compare/compare-entry.js'
import type { ToleranceInput } from '../compare/tolerance.js'
import type { GateRecord, MetricId } from '../types/index.js'
import type { ComparableEntry } from './read-results.js'

export interface CompareFilesOptions {
  /** Metrics to compare; default: those the gate compared in B (else A), else the default gated list. */
  metrics?: readonly MetricId[]
  tolerance?: ToleranceInput
  alpha?: number
}

export interface FilesComparison {
  /** One gate record per matched pair: status pass, improved or regressed. */
  records: GateRecord[]
  onlyInA: string[]
  onlyInB: string[]
  /** Pairs that cannot be compared (a profile against a single number), with why. */
  notCompared: string[]
}

export function compareFiles(a: readonly ComparableEntry[], b: readonly ComparableEntry[], opts: CompareFilesOptions = {}): FilesComparison {
  const byId = new Map(a.map((e) => [e.id, e]))
  let pairs: [ComparableEntry, ComparableEntry][] = b.filter((e) => byId.has(e.id)).map((e) => [byId.get(e.id)!, e])
  if (pairs.length === 0 && a.length === 1 && b.length === 1) pairs = [[a[0]!, b[0]!]]
  const paired = new Set(pairs.flatMap(([x, y]) => [x, y]))
  const out: FilesComparison = {
    records: [],
    onlyInA: a.filter((e) => !paired.has(e)).map((e) => e.id),
    onlyInB: b.filter((e) => !paired.has(e)).map((e) => e.id),
    notCompared: [],
  }
  for (const [base, cur] of pairs) {
    const name = base.id === cur.id ? cur.id : `${base.id} -> ${cur.id}`
    if (base.entry.kind !== cur.entry.kind) {
      out.notCompared.push(`${name}: a ${base.entry.kind} in A and a ${cur.entry.kind} in B`)
      continue
    }
    const metrics = cur.entry.kind === 'value' ? ['value' as const] : (opts.metrics ?? cur.metrics ?? base.metrics ?? DEFAULT_GATED_METRICS)
    const cmp = compareEntry(base.entry, cur.entry, {
      metrics,
      tolerance: opts.tolerance,
      alpha: opts.alpha,
      better: base.entry.better ?? cur.entry.better,
    })
    out.records.push({
      file: cur.file,
      key: base.id === cur.id ? cur.key : name,
      test: cur.test,
      status: cmp.verdict,
      rows: cmp.rows,
      ...(cmp.differences.length > 0 ? { differences: cmp.differences } : {}),
      ...(cmp.calibration ? { calibration: cmp.calibration } : {}),
      current: cur.entry,
      baseline: base.entry,
    })
  }
  return out
}
