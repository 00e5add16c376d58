/** The table of a model comparison: every metric of every variant against the reference, with intervals. */
import type { ModelComparison, RatioEstimate, VariantResult } from '../types/index.js'
import { formatNumber, formatWithUnit } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

const x = (r: number) => `${r.toPrecision(3)}x`
const verdict = (e: RatioEstimate, lower: string, higher: string) => (e.verdict === 'lower' ? lower : e.verdict === 'higher' ? higher : 'same')

export function compareTable(cmp: ModelComparison): string {
  const s = cmp.summary
  const ref = (cmp as unknown as Record<string, VariantResult>)[s.reference]!
  const level = `${Math.round(s.confidence * 100)}% CI`
  const blocks = s.ratios.map((r) => {
    const v = (cmp as unknown as Record<string, VariantResult>)[r.variant]!
    const row = (metric: string, a: string, b: string, e: RatioEstimate | null, lower: string, higher: string) =>
      e ? [metric, a, b, x(e.ratio), e.n > 0 ? `${x(e.low)}-${x(e.high)}` : 'exact', verdict(e, lower, higher)] : [metric, a, b, '-', '-', 'n/a']
    const rows = [
      row('latency p50', formatWithUnit(ref.latency.p50, 'ms'), formatWithUnit(v.latency.p50, 'ms'), r.latency, 'faster', 'slower'),
      row(
        'throughput',
        formatWithUnit(ref.throughput.runsPerSecond, 'runs/s'),
        formatWithUnit(v.throughput.runsPerSecond, 'runs/s'),
        r.throughput,
        'slower',
        'faster',
      ),
      row(
        'memory (peak - before load)',
        formatWithUnit(ref.memory.peakDeltaMB, 'MiB'),
        formatWithUnit(v.memory.peakDeltaMB, 'MiB'),
        r.memory,
        'smaller',
        'larger',
      ),
      row('load time', formatWithUnit(ref.loadMs ?? NaN, 'ms'), formatWithUnit(v.loadMs ?? NaN, 'ms'), r.loadMs, 'faster', 'slower'),
      row(
        'file size',
        `${formatNumber((ref.model?.bytes ?? NaN) / 1024)} KiB`,
        `${formatNumber((v.model?.bytes ?? NaN) / 1024)} KiB`,
        r.fileSize,
        'smaller',
        'larger',
      ),
    ]
    const table = textTable(['metric', s.reference, r.variant, 'ratio', level, 'verdict'], rows, ['left', 'right', 'right', 'right', 'right', 'left'])
    return [`${r.variant} against ${s.reference}:`, '', table, '', r.verdict].join('\n')
  })
  const head =
    `Model comparison: ${s.variants.join(', ')}; reference ${s.reference}. ` +
    `${s.rounds} rounds x ${s.runsPerRound} runs each, interleaved (order rotating by round); ${s.processRounds} fresh process${s.processRounds === 1 ? '' : 'es'} per variant for load time and memory.`
  return terminalLines([head, '', ...blocks.flatMap((b, i) => (i > 0 ? ['', b] : [b]))].join('\n'))
}
