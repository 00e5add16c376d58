/** The table of a load test: one row per concurrency level, the SLO verdicts and the goodput. */
import type { LoadResult, LoadSlo } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

export function describeSlo(slo: LoadSlo | null): string {
  if (!slo) return 'no SLO (a level counts as sustainable without errors)'
  const parts = (['p50', 'p90', 'p95', 'p99'] as const).filter((p) => slo[p] !== undefined).map((p) => `${p} <= ${slo[p]} ms`)
  parts.push(`errors <= ${+((slo.errorRate ?? 0) * 100).toFixed(4)}%`)
  return `SLO ${parts.join(', ')}`
}

export function loadTable(r: LoadResult): string {
  const ms = (x: number | undefined) => (x === undefined ? '-' : formatNumber(x))
  const rows = r.levels.map((l) => [
    String(l.concurrency),
    String(l.requests),
    formatNumber(l.requestsPerSecond),
    formatNumber(l.okPerSecond),
    ms(l.latency?.p50),
    ms(l.latency?.p95),
    ms(l.latency?.p99),
    l.errors > 0 ? `${l.errors} (${(l.errorRate * 100).toFixed(1)}%)` : '0',
    String(l.missed),
    `${((l.cpuMs / l.wallMs) * 100).toFixed(0)}%`,
    l.meetsSlo ? 'ok' : l.sloViolations.join('; '),
  ])
  const header = ['concurrency', 'requests', 'req/s', 'ok/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'missed', 'cpu', 'SLO']
  // a generation load test: its token throughput and token latencies go before the SLO column
  if (r.levels.some((l) => l.outputTokensPerSecond !== undefined)) {
    header.splice(header.length - 1, 0, 'output tokens/s', 'TTFT p50 ms', 'TTFT p95 ms', 'TPOT p50 ms', 'TPOT p95 ms')
    r.levels.forEach((l, i) => {
      const e = l.extra ?? {}
      rows[i]!.splice(rows[i]!.length - 1, 0, ms(l.outputTokensPerSecond), ms(e.ttftMs?.p50), ms(e.ttftMs?.p95), ms(e.tpotMs?.p50), ms(e.tpotMs?.p95))
    })
  }
  const table = textTable(header, rows, [...header.slice(0, -1).map(() => 'right' as const), 'left'])
  const mode = r.levels[0]?.offeredRate ? `open loop at ${r.levels[0].offeredRate} requests/s` : 'closed loop (back-to-back requests)'
  const head = `${r.target}: load test, ${r.levels.length} level${r.levels.length === 1 ? '' : 's'} of ${r.durationMs} ms, ${mode}; ${describeSlo(r.slo)}`
  const sustainable =
    r.sustainable === null
      ? 'No level is sustainable under the SLO.'
      : `Sustainable: concurrency ${r.levels[r.sustainable]!.concurrency}, goodput ${formatNumber(r.goodput)} requests/s.`
  const errors = [...new Set(r.levels.flatMap((l) => l.errorMessages))].slice(0, 3).map((m) => `  error: ${m}`)
  return terminalLines([head, '', table, '', sustainable, ...errors].join('\n'))
}
