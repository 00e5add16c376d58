/**
 * Operator tables: the hotspots of one profile (`perfgate profile --op-profile`)
 * and, under a failing gate, the operators whose time grew most.
 */
import type { OpGrowth, OpGrowthRow } from '../compare/op-growth.js'
import type { OpProfile } from '../types/index.js'
import { formatNumber, formatPercent, formatSigned } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`

/** The top operator types and nodes of one profile. */
export function opProfileTable(op: OpProfile, rows = 10): string {
  const types = textTable(
    ['op type', 'calls', 'total ms', 'mean ms', 'ms/run', 'share'],
    op.byType
      .slice(0, rows)
      .map((o) => [o.opType, String(o.calls), formatNumber(o.totalMs), formatNumber(o.meanMs), formatNumber(o.totalMs / op.runs), pct(o.share)]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  )
  const nodes = textTable(
    ['node', 'op type', 'calls', 'total ms', 'mean ms', 'share'],
    op.byNode.slice(0, rows).map((o) => [o.node ?? '', o.opType, String(o.calls), formatNumber(o.totalMs), formatNumber(o.meanMs), pct(o.share)]),
    ['left', 'left', 'right', 'right', 'right', 'right'],
  )
  return terminalLines(
    [
      `Operators (onnxruntime profiler, ${op.runs} runs, ${formatNumber(op.runMs / op.runs)} ms per profiled run):`,
      '',
      types,
      '',
      'Slowest nodes:',
      '',
      nodes,
    ].join('\n'),
  )
}

function growthTable(first: string, rows: readonly OpGrowthRow[], label: (r: OpGrowthRow) => string): string {
  const ms = (x: number | null) => (x === null ? '-' : formatNumber(x))
  return textTable(
    [first, 'baseline ms/run', 'current ms/run', 'change', 'change %'],
    rows.map((r) => [label(r), ms(r.baselineMs), ms(r.currentMs), formatSigned(r.changeMs), r.baselineMs === null ? 'new' : formatPercent(r.changePct)]),
    ['left', 'right', 'right', 'right', 'right'],
  )
}

/** The section a failing gate adds when both sides have an op table; empty when nothing grew. */
export function opGrowthReport(growth: OpGrowth): string {
  if (growth.byType.length === 0 && growth.byNode.length === 0) return 'No operator got slower per run (onnxruntime profiler).'
  const parts = ['Operators whose time grew most (onnxruntime profiler, ms per run):', '', growthTable('op type', growth.byType, (r) => r.opType)]
  if (growth.byNode.length > 0)
    parts.push(
      '',
      growthTable('node', growth.byNode, (r) => `${r.node ?? ''} (${r.opType})`),
    )
  return terminalLines(parts.join('\n'))
}
