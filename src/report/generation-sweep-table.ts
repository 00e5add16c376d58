/**
 * The table of a generation sweep: one row per point with TTFT p50/p95, TPOT
 * p50, E2E p50, output tokens per second and the scaling columns.
 */
import type { GenerationResult, SweepResult } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { pct, scalingLines, times } from './sweep-table.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

export function generationSweepTable(s: SweepResult<GenerationResult>, title: string): string {
  const rows = s.points.map((p) => [
    p.label.slice(s.axis.length + 1),
    formatNumber(p.result.ttft.p50),
    formatNumber(p.result.ttft.p95),
    p.result.tpot ? formatNumber(p.result.tpot.p50) : '-',
    formatNumber(p.result.e2e.p50),
    formatNumber(p.throughput),
    times(p.speedup),
    pct(p.efficiency),
    pct(p.stepGain),
  ])
  const head = [s.axis, 'TTFT p50 ms', 'TTFT p95 ms', 'TPOT p50 ms', 'E2E p50 ms', 'output tokens/s', 'speedup', 'efficiency', 'step gain']
  const table = textTable(head, rows, ['left', ...head.slice(1).map(() => 'right' as const)])
  return terminalLines(
    [`${title}: generation sweep over ${s.axis}, ${s.points.length} points`, '', table, '', ...scalingLines(s, 'output tokens/s')].join('\n'),
  )
}
