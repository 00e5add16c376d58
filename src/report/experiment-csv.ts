/** CSV of sweeps, load tests and model comparisons: one header line, one line per row, through the one CSV writer. */
import { csvDocument, type CsvCell } from './csv-writer.js'
import type { GenerationResult, LoadResult, ModelComparison, RatioEstimate, SweepResult, VariantResult } from '../types/index.js'

/** Numbers to six significant digits, lists joined with '+'. */
function cell(v: unknown): CsvCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number.isFinite(v) ? +v.toPrecision(6) : null
  if (Array.isArray(v)) return v.join('+')
  return typeof v === 'boolean' ? v : String(v)
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvDocument(
    header,
    rows.map((r) => r.map(cell)),
  )
}

export function sweepCsv(s: SweepResult): string {
  return toCsv(
    ['axis', 'value', 'p50_ms', 'p95_ms', 'mean_ms', 'runs_per_s', 'throughput', 'speedup', 'factor', 'efficiency', 'step_gain', 'runs'],
    s.points.map((p) => [
      s.axis,
      p.value,
      p.result.latency.p50,
      p.result.latency.p95,
      p.result.latency.mean,
      p.result.throughput.runsPerSecond,
      p.throughput,
      p.speedup,
      p.factor,
      p.efficiency,
      p.stepGain,
      p.result.latency.n,
    ]),
  )
}

/** One row per point of a generation sweep: token latencies and output tokens per second. */
export function generationSweepCsv(s: SweepResult<GenerationResult>): string {
  return toCsv(
    [
      'axis',
      'value',
      'ttft_p50_ms',
      'ttft_p95_ms',
      'tpot_p50_ms',
      'e2e_p50_ms',
      'input_tokens_p50',
      'output_tokens_per_s',
      'speedup',
      'factor',
      'efficiency',
      'step_gain',
      'requests',
    ],
    s.points.map((p) => {
      const r = p.result
      return [
        s.axis,
        p.value,
        r.ttft.p50,
        r.ttft.p95,
        r.tpot?.p50,
        r.e2e.p50,
        r.inputTokens.p50,
        p.throughput,
        p.speedup,
        p.factor,
        p.efficiency,
        p.stepGain,
        r.requests.length,
      ]
    }),
  )
}

export function loadCsv(r: LoadResult): string {
  const head = [
    'concurrency',
    'offered_rate',
    'requests',
    'requests_per_s',
    'ok_per_s',
    'p50_ms',
    'p95_ms',
    'p99_ms',
    'errors',
    'error_rate',
    'missed',
    'wall_ms',
    'cpu_ms',
    'meets_slo',
  ]
  const rows = r.levels.map((l): unknown[] => [
    l.concurrency,
    l.offeredRate,
    l.requests,
    l.requestsPerSecond,
    l.okPerSecond,
    l.latency?.p50,
    l.latency?.p95,
    l.latency?.p99,
    l.errors,
    l.errorRate,
    l.missed,
    l.wallMs,
    l.cpuMs,
    l.meetsSlo,
  ])
  // generation load tests add their token figures
  if (r.levels.some((l) => l.outputTokensPerSecond !== undefined)) {
    head.push('output_tokens_per_s', 'ttft_p50_ms', 'ttft_p95_ms', 'tpot_p50_ms', 'tpot_p95_ms')
    r.levels.forEach((l, i) => rows[i]!.push(l.outputTokensPerSecond, l.extra?.ttftMs?.p50, l.extra?.ttftMs?.p95, l.extra?.tpotMs?.p50, l.extra?.tpotMs?.p95))
  }
  return toCsv(head, rows)
}

export function compareCsv(cmp: ModelComparison): string {
  const s = cmp.summary
  const byName = cmp as unknown as Record<string, VariantResult>
  const ref = byName[s.reference]!
  const rows: unknown[][] = []
  for (const r of s.ratios) {
    const v = byName[r.variant]!
    const add = (metric: string, a: number | undefined, b: number | undefined, e: RatioEstimate | null) =>
      rows.push([r.variant, s.reference, metric, a, b, e?.ratio, e?.low, e?.high, e?.pValue, e?.verdict])
    add('latency_p50_ms', ref.latency.p50, v.latency.p50, r.latency)
    add('throughput_runs_per_s', ref.throughput.runsPerSecond, v.throughput.runsPerSecond, r.throughput)
    add('memory_peak_delta_mb', ref.memory.peakDeltaMB, v.memory.peakDeltaMB, r.memory)
    add('load_ms', ref.loadMs, v.loadMs, r.loadMs)
    add('file_bytes', ref.model?.bytes, v.model?.bytes, r.fileSize)
  }
  return toCsv(['variant', 'reference', 'metric', 'reference_value', 'variant_value', 'ratio', 'low', 'high', 'p_value', 'verdict'], rows)
}
