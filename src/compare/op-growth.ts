/**
 * Which operators' time grew between a baseline's op table and the current
 * one: per run (total / profiled runs), so tables of different run counts
 * compare. Rows missing on one side (a node the other model lacks, or one
 * outside the stored top nodes) count as 0 there and are marked.
 */
import type { OpProfile, OpTime } from '../types/index.js'

export interface OpGrowthRow {
  opType: string
  /** Node name, for rows by node. */
  node?: string
  /** ms per run in the baseline; null when the baseline's table lacks the row. */
  baselineMs: number | null
  /** ms per run now; null when the current table lacks the row. */
  currentMs: number | null
  /** currentMs - baselineMs, a missing side counting as 0. */
  changeMs: number
  /** changeMs / baselineMs x 100; null without a baseline figure. */
  changePct: number | null
}

export interface OpGrowth {
  byType: OpGrowthRow[]
  byNode: OpGrowthRow[]
}

/** Rows shown per table unless the caller asks for another number. */
export const DEFAULT_GROWTH_ROWS = 5

function growthRows(
  base: readonly OpTime[],
  baseRuns: number,
  cur: readonly OpTime[],
  curRuns: number,
  keyOf: (o: OpTime) => string,
  limit: number,
): OpGrowthRow[] {
  const b = new Map(base.map((o) => [keyOf(o), o]))
  const c = new Map(cur.map((o) => [keyOf(o), o]))
  const rows: OpGrowthRow[] = []
  for (const key of new Set([...b.keys(), ...c.keys()])) {
    const bo = b.get(key)
    const co = c.get(key)
    const baselineMs = bo ? bo.totalMs / baseRuns : null
    const currentMs = co ? co.totalMs / curRuns : null
    const changeMs = (currentMs ?? 0) - (baselineMs ?? 0)
    const any = (co ?? bo)!
    rows.push({
      opType: any.opType,
      ...(any.node !== undefined ? { node: any.node } : {}),
      baselineMs,
      currentMs,
      changeMs,
      changePct: baselineMs ? (changeMs / baselineMs) * 100 : null,
    })
  }
  return rows
    .filter((r) => r.changeMs > 0)
    .sort((x, y) => y.changeMs - x.changeMs || (x.node ?? x.opType).localeCompare(y.node ?? y.opType))
    .slice(0, limit)
}

/** The operator types and nodes whose time per run grew most, largest growth first (only those that grew). */
export function opGrowth(baseline: OpProfile, current: OpProfile, limit: number = DEFAULT_GROWTH_ROWS): OpGrowth {
  return {
    byType: growthRows(baseline.byType, baseline.runs, current.byType, current.runs, (o) => o.opType, limit),
    byNode: growthRows(baseline.byNode, baseline.runs, current.byNode, current.runs, (o) => o.node ?? o.opType, limit),
  }
}
