/** The table of a load test: one row per concurrency level, the SLO verdicts and the goodput. */
import type { LoadResult, LoadSlo } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

export function describeSlo(slo: LoadSlo | null): string {
  if (!slo) return 'no SLO (a level counts as sustainable without errors)'
  const parts = (['p50', 'p90', 'p95', 'p99'] as const).filter((p) => slo[p] !== undefined).map((p) => `${p} <= ${slo[p]} ms`)
  const bounds = (['ttftMs', 'tpotMs', 'e2eMs'] as const).filter((b) => slo[b] !== undefined).map((b) => `${b.slice(0, -2).toUpperCase()} <= ${slo[b]} ms`)
  if (bounds.length > 0) parts.push(`${+((slo.attainment ?? 0.9) * 100).toFixed(4)}% of requests with ${bounds.join(' and ')}`)
  parts.push(`errors <= ${+((slo.errorRate ?? 0) * 100).toFixed(4)}%`)
  return `SLO ${parts.join(', ')}`
}

function maxLoadLine(m: NonNullable<LoadResult['maxLoad']>): string {
  const best = m.best === null ? 'none met the SLO' : m.by === 'rate' ? `${formatNumber(m.best)} requests/s` : `concurrency ${m.best}`
  return `Maximum sustainable load: ${best} (search ended: ${m.reason}).`
}

function sustainableName(l: LoadResult['levels'][number], byRate: boolean): string {
  return byRate && l.offeredRate !== null ? `${formatNumber(l.offeredRate)} requests/s offered` : `concurrency ${l.concurrency}`
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
  // an endpoint load test: goodput per level under per-request bounds, and levels of offered rates
  if (r.levels.some((l) => l.goodPerSecond !== undefined)) {
    header.splice(header.length - 1, 0, 'good/s')
    r.levels.forEach((l, i) => rows[i]!.splice(rows[i]!.length - 1, 0, ms(l.goodPerSecond)))
  }
  const rates = new Set(r.levels.map((l) => l.offeredRate))
  if (rates.size > 1) {
    header.unshift('offered req/s')
    r.levels.forEach((l, i) => rows[i]!.unshift(l.offeredRate === null ? '-' : formatNumber(l.offeredRate)))
  }
  const table = textTable(header, rows, [...header.slice(0, -1).map(() => 'right' as const), 'left'])
  const mode =
    rates.size > 1
      ? 'open loop at each offered rate'
      : r.levels[0]?.offeredRate
        ? `open loop at ${r.levels[0].offeredRate} requests/s`
        : 'closed loop (back-to-back requests)'
  const head = `${r.target}: load test, ${r.levels.length} level${r.levels.length === 1 ? '' : 's'} of ${r.durationMs} ms, ${mode}; ${describeSlo(r.slo)}`
  const sustainable =
    r.sustainable === null
      ? 'No level is sustainable under the SLO.'
      : `Sustainable: ${sustainableName(r.levels[r.sustainable]!, rates.size > 1)}, goodput ${formatNumber(r.goodput)} requests/s.`
  const errors = [...new Set(r.levels.flatMap((l) => l.errorMessages))].slice(0, 3).map((m) => `  error: ${m}`)
  const search = r.maxLoad ? [maxLoadLine(r.maxLoad)] : []
  return terminalLines([head, '', table, '', sustainable, ...search, ...errors].join('\n'))
}
