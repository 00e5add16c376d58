/** The table of a sweep: one row per point, with the scaling columns and a line on where scaling flattens. */
import type { SweepResult } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

export const times = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}x`)
export const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(0)}%`)

/** `unit` names the throughput column's unit (samples/s unless the sweep used workPerRun). */
export function sweepTable(s: SweepResult, title: string, unit = 'samples/s'): string {
  const rows = s.points.map((p) => [
    p.label.slice(s.axis.length + 1),
    formatNumber(p.result.latency.p50),
    formatNumber(p.result.latency.p95),
    formatNumber(p.throughput),
    times(p.speedup),
    pct(p.efficiency),
    pct(p.stepGain),
  ])
  const table = textTable([s.axis, 'p50 ms', 'p95 ms', unit, 'speedup', 'efficiency', 'step gain'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
  ])
  const kind =
    s.axisKind === 'dim' ? 'input dimension' : s.axisKind === 'session' ? 'session option' : s.axisKind === 'generation' ? 'generation' : 'function argument'
  return terminalLines([`${title}: sweep over ${s.axis} (${kind}), ${s.points.length} points`, '', table, '', ...scalingLines(s, unit)].join('\n'))
}

/** The lines under a sweep's table: where scaling flattens, and the point with the highest throughput. */
export function scalingLines(s: SweepResult<unknown>, unit: string): string[] {
  const lines: string[] = []
  const best = s.points[s.best]
  if (s.flattensAt !== null) {
    const at = s.points[s.flattensAt]!
    const prev = s.points[s.flattensAt - 1]!
    lines.push(`Scaling flattens at ${at.label}: the step from ${prev.label} bought ${pct(at.stepGain)} of the ideal gain (below ${pct(s.flatBelow)}).`)
  } else if (s.points.some((p) => p.stepGain !== null)) {
    lines.push(`Scaling does not flatten within the sweep (every step bought at least ${pct(s.flatBelow)} of the ideal gain).`)
  }
  if (best) lines.push(`Highest throughput: ${best.label}, ${formatNumber(best.throughput)} ${unit}.`)
  return lines
}
