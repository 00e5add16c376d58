/**
 * A small line and point chart: numeric or categorical x, one or more series,
 * optional dashed step series (a baseline) and vertical markers (baseline
 * changes). Used for history trends, sweeps and generation figures. Pure:
 * returns an <svg> string; every label is escaped.
 */
import { escapeHtml } from '../escape.js'
import { formatNumber } from '../format-number.js'
import { formatTick, linearScale, px } from './scale.js'

export interface ChartPoint {
  x: number
  y: number
  /** Shown on hover. */
  label?: string
}

export interface ChartSeries {
  name: string
  points: readonly ChartPoint[]
  /** `line`: points joined; `points`: scatter; `step`: dashed steps (a baseline). @default 'line' */
  style?: 'line' | 'points' | 'step'
  /** Colour: the current run's blue or the baseline's grey; by default the palette in series order. */
  tone?: 'current' | 'baseline'
}

export interface ChartMarker {
  x: number
  label: string
}

export interface LineChartOptions {
  title: string
  xLabel: string
  yLabel: string
  /** Tick labels for categorical x (x = 0, 1, 2, ...): commits, prompts. */
  categories?: readonly string[]
  markers?: readonly ChartMarker[]
  width?: number
  height?: number
}

const PALETTE_SIZE = 6

/** One series (path and points, by its style) and its legend entry, the `i`th of the chart. */
function seriesParts(s: ChartSeries, i: number, x: (v: number) => number, y: (v: number) => number, left: number): string[] {
  const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x)
  if (pts.length === 0) return []
  const tone = s.tone === 'current' ? 's0' : s.tone === 'baseline' ? 's1' : `s${i % PALETTE_SIZE}`
  const style = s.style ?? 'line'
  let path = ''
  if (style === 'step') {
    path = pts.map((p, j) => (j === 0 ? `M${px(x(p.x))} ${px(y(p.y))}` : `H${px(x(p.x))}V${px(y(p.y))}`)).join('')
  } else if (style === 'line') {
    path = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(x(p.x))} ${px(y(p.y))}`).join('')
  }
  const dots =
    style === 'step'
      ? ''
      : pts
          .map((p) => `<circle cx="${px(x(p.x))}" cy="${px(y(p.y))}" r="3"><title>${escapeHtml(p.label ?? `${s.name}: ${formatNumber(p.y)}`)}</title></circle>`)
          .join('')
  const lx = left + (i % 3) * 150
  const ly = 32 + Math.floor(i / 3) * 14
  return [
    `<g class="series ${tone} ${style}">${path ? `<path d="${path}"/>` : ''}${dots}</g>`,
    `<g class="legend ${tone} ${style}"><line x1="${lx}" x2="${lx + 14}" y1="${ly - 4}" y2="${ly - 4}"/><text class="tick" x="${lx + 18}" y="${ly}">${escapeHtml(s.name)}</text></g>`,
  ]
}

export function lineChart(series: readonly ChartSeries[], opts: LineChartOptions): string {
  const width = opts.width ?? 500
  const height = opts.height ?? 240
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  if (all.length === 0) return ''
  const left = 56
  const right = width - 16
  const legendRows = Math.ceil(series.length / 3)
  const top = 44 + legendRows * 14
  const bottom = height - (opts.categories ? 44 : 30)
  const cats = opts.categories
  const xLo = cats ? -0.5 : Math.min(...all.map((p) => p.x))
  const xHi = cats ? cats.length - 0.5 : Math.max(...all.map((p) => p.x))
  const x = cats ? (v: number) => left + ((v - xLo) / (xHi - xLo)) * (right - left) : linearScale(xLo, xHi, left, right, 6)
  const yMin = Math.min(0, ...all.map((p) => p.y))
  const y = linearScale(yMin, Math.max(...all.map((p) => p.y)), bottom, top, 4)
  const parts: string[] = [`<text class="chart-title" x="${left}" y="16">${escapeHtml(opts.title)}</text>`]
  for (const t of y.ticks) {
    parts.push(`<line class="grid" x1="${left}" x2="${right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`)
    parts.push(`<text class="tick" x="${left - 6}" y="${px(y(t) + 3)}" text-anchor="end">${formatTick(t)}</text>`)
  }
  if (cats) {
    const every = Math.max(1, Math.ceil(cats.length / 12))
    cats.forEach((c, i) => {
      if (i % every !== 0) return
      const short = c.length > 14 ? `${c.slice(0, 13)}…` : c
      parts.push(`<text class="tick" x="${px(x(i))}" y="${bottom + 14}" text-anchor="middle"><title>${escapeHtml(c)}</title>${escapeHtml(short)}</text>`)
    })
  } else {
    for (const t of (x as ReturnType<typeof linearScale>).ticks) {
      parts.push(`<text class="tick" x="${px(x(t))}" y="${bottom + 14}" text-anchor="middle">${formatTick(t)}</text>`)
    }
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`)
  parts.push(`<text class="axis-label" x="${right}" y="${height - 2}" text-anchor="end">${escapeHtml(opts.xLabel)}</text>`)
  parts.push(`<text class="axis-label" x="${left}" y="${top - 10}" text-anchor="middle">${escapeHtml(opts.yLabel)}</text>`)
  for (const m of opts.markers ?? []) {
    const mx = px(x(m.x))
    parts.push(
      `<g class="marker"><title>${escapeHtml(m.label)}</title><line x1="${mx}" x2="${mx}" y1="${top}" y2="${bottom}"/><path d="M${mx} ${top - 6}l5 6l-5 6l-5 -6z"/></g>`,
    )
  }
  series.forEach((s, i) => parts.push(...seriesParts(s, i, x, y, left)))
  const label = `${opts.title}: ${series.map((s) => s.name).join(', ')} by ${opts.xLabel}`
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`
}
