/**
 * The latency distribution of the baseline against the current run: a box
 * plot per side (whiskers at min and max, box from p25 to p75, median line)
 * over a histogram with shared bins. Samples are the sorted subsamples stored
 * in baseline entries. The axis ends at the larger 99th percentile, so one
 * stall does not squeeze the rest into a bin: samples beyond it are counted
 * in the last bin, and the chart says so. When the axis spans more than a
 * factor of 8 (a much slower model, a long tail) it is logarithmic, with bins
 * of equal width in log space. Pure: returns an <svg> string.
 */
import { percentile, sortSamples, type SortedSamples } from '../../stats/index.js'
import { escapeHtml } from '../escape.js'
import { formatNumber } from '../format-number.js'
import { formatTick, linearScale, logScale, px, type Scale } from './scale.js'

/** Above this ratio of the axis' ends, the axis is logarithmic. */
const LOG_SCALE_RATIO = 8

export interface DistributionSide {
  label: string
  /** Samples, any order. */
  samples: readonly number[]
  /** CSS class of its colour: `base` or `cur`. */
  tone: 'base' | 'cur'
}

export interface DistributionChartOptions {
  title: string
  unit: string
  width?: number
  height?: number
  bins?: number
}

/** A side with its finite samples sorted. */
type SortedSide = DistributionSide & { sorted: SortedSamples }

/** One side's box plot, centred at `cy`, and its label. */
function boxPlot(s: SortedSide, cy: number, x: Scale, left: number, right: number, unit: string): string[] {
  const q = (p: number) => x(percentile(s.sorted, p))
  const [mn, q1, med, q3, mx] = [x(s.sorted[0]!), q(25), q(50), q(75), Math.min(right, x(s.sorted.at(-1)!))]
  return [
    `<g class="box ${s.tone}"><title>${escapeHtml(s.label)}: min ${formatNumber(s.sorted[0]!)}, median ${formatNumber(percentile(s.sorted, 50))}, max ${formatNumber(s.sorted.at(-1)!)} ${escapeHtml(unit)} (${s.sorted.length} samples)</title>` +
      `<line class="whisker" x1="${px(mn)}" x2="${px(mx)}" y1="${px(cy)}" y2="${px(cy)}"/>` +
      `<rect x="${px(q1)}" y="${px(cy - 6)}" width="${px(Math.max(1, q3 - q1))}" height="12"/>` +
      `<line class="median" x1="${px(med)}" x2="${px(med)}" y1="${px(cy - 7)}" y2="${px(cy + 7)}"/></g>`,
    `<text class="tick" x="${left - 6}" y="${px(cy + 3)}" text-anchor="end">${escapeHtml(s.label)}</text>`,
  ]
}

/** One side's histogram: a bar per non-empty bin, of equal width across the axis. */
function histogram(tone: SortedSide['tone'], shares: readonly number[], y: Scale, left: number, right: number, bottom: number): string {
  const nBins = shares.length
  const bars = shares
    .map((share, b) => {
      if (share === 0) return ''
      const x0 = left + (b / nBins) * (right - left)
      const x1 = left + ((b + 1) / nBins) * (right - left)
      const yy = y(share * 100)
      return `<rect x="${px(x0 + 0.5)}" y="${px(yy)}" width="${px(Math.max(0.5, x1 - x0 - 1))}" height="${px(bottom - yy)}"/>`
    })
    .join('')
  return `<g class="hist ${tone}">${bars}</g>`
}

export function distributionChart(sides: readonly DistributionSide[], opts: DistributionChartOptions): string {
  const width = opts.width ?? 560
  const height = opts.height ?? 240
  const present = sides.map((s) => ({ ...s, sorted: sortSamples(s.samples.filter(Number.isFinite)) })).filter((s) => s.sorted.length > 0)
  if (present.length === 0) return ''
  const left = 56
  const right = width - 16
  const top = 26
  const boxRow = 20
  const boxesBottom = top + present.length * boxRow + 6
  const histTop = boxesBottom + 8
  const bottom = height - 28
  const lo = Math.min(...present.map((s) => s.sorted[0]!))
  const max = Math.max(...present.map((s) => s.sorted.at(-1)!))
  const hi = Math.max(...present.map((s) => percentile(s.sorted, 99)))
  // a wide range (a slower model, a long tail) reads better on a log scale
  const log = lo > 0 && hi / lo > LOG_SCALE_RATIO
  const x = log ? logScale(lo, hi, left, right) : linearScale(lo, hi, left, right, 6)
  const clipped = max > x.domain[1]
  const nBins = opts.bins ?? 24
  // bins of equal width on the axis (in log space on a log scale); values beyond the axis go to the last bin
  const binOf = (v: number) => Math.min(nBins - 1, Math.max(0, Math.floor(((x(v) - left) / (right - left)) * nBins)))
  const counts = present.map((s) => {
    const c = new Array<number>(nBins).fill(0)
    for (const v of s.sorted) c[binOf(v)]! += 1
    return c.map((n) => n / s.sorted.length)
  })
  const maxShare = Math.max(...counts.flat(), 0.01)
  const y = linearScale(0, maxShare * 100, bottom, histTop, 3)
  const parts: string[] = []
  parts.push(`<text class="chart-title" x="${left}" y="16">${escapeHtml(opts.title)}</text>`)
  // x axis and grid
  for (const t of x.ticks) {
    parts.push(`<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${top}" y2="${bottom}"/>`)
    parts.push(`<text class="tick" x="${px(x(t))}" y="${bottom + 14}" text-anchor="middle">${formatTick(t)}</text>`)
  }
  parts.push(`<text class="axis-label" x="${right}" y="${height - 2}" text-anchor="end">${escapeHtml(opts.unit)}${log ? ' (log scale)' : ''}</text>`)
  for (const t of y.ticks) {
    parts.push(`<text class="tick" x="${left - 6}" y="${px(y(t) + 3)}" text-anchor="end">${formatTick(t)}%</text>`)
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`)
  // box plots
  present.forEach((s, i) => parts.push(...boxPlot(s, top + i * boxRow + boxRow / 2, x, left, right, opts.unit)))
  // histograms, overlaid
  present.forEach((s, i) => parts.push(histogram(s.tone, counts[i]!, y, left, right, bottom)))
  // legend
  present.forEach((s, i) => {
    const lx = right - 150 + i * 80
    parts.push(`<rect class="legend ${s.tone}" x="${lx}" y="7" width="10" height="10"/><text class="tick" x="${lx + 14}" y="16">${escapeHtml(s.label)}</text>`)
  })
  if (clipped) {
    const beyond = present.reduce((n, s) => n + s.sorted.filter((v) => v > x.domain[1]).length, 0)
    parts.push(
      `<text class="tick" x="${left}" y="${height - 2}">${beyond} sample${beyond === 1 ? '' : 's'} above ${formatTick(x.domain[1])} (max ${formatNumber(max)}) in the last bin</text>`,
    )
  }
  const label = `${opts.title}: ${present.map((s) => `${s.label} median ${formatNumber(percentile(s.sorted, 50))} ${opts.unit}`).join(', ')}`
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`
}
