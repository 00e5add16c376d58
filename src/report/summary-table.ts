/**
 * The comparison table of the end-of-run summary, made to fit a terminal
 * width (80 columns by default): metric, baseline, current, change (with its
 * confidence interval when there is one), tolerance and verdict. When the full
 * table is too wide it drops the tolerance, then the interval, then both, and
 * finally shortens metric names. Notes become footnotes. Colours are applied
 * after the layout, so they never change the widths. Pure.
 */
import type { MetricComparison } from '../types/index.js'
import { plain, type Paint, type Style } from './ansi.js'
import { formatPercent, formatSigned, formatWithUnit } from './format-number.js'
import { terminalText } from './terminal-text.js'

export interface SummaryTableOptions {
  /** Largest line length. @default 80 */
  width?: number
  paint?: Paint
}

const VERDICT: Record<string, { label: string; style?: Style }> = {
  pass: { label: 'ok' },
  regressed: { label: 'REGRESSED', style: 'red' },
  improved: { label: 'improved', style: 'green' },
  warned: { label: 'warning', style: 'yellow' },
  unresolved: { label: 'unresolved', style: 'yellow' },
}

/** A confidence interval in percent: `[-2.1, +8.4]`. */
export function formatInterval(lowPct: number, highPct: number): string {
  const one = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`
  return `[${one(lowPct)}, ${one(highPct)}]`
}

/** The change cell: percent (or the absolute change when the baseline is 0), and the interval when asked. */
export function formatChange(r: MetricComparison, withInterval: boolean): string {
  const main = r.changePct === null ? formatSigned(r.change) : formatPercent(r.changePct)
  return withInterval && r.interval ? `${main} ${formatInterval(r.interval.lowPct, r.interval.highPct)}` : main
}

function verdictLabel(r: MetricComparison): string {
  return VERDICT[r.verdict]?.label ?? r.verdict
}

interface Layout {
  header: string[]
  cells: string[][]
  align: ('left' | 'right')[]
}

function layout(rows: readonly MetricComparison[], withTolerance: boolean, withInterval: boolean, notes: Map<MetricComparison, number>): Layout {
  const header = ['metric', 'baseline', 'current', 'change']
  const align: Layout['align'] = ['left', 'right', 'right', 'right']
  if (withTolerance) {
    header.push('tolerance')
    align.push('right')
  }
  header.push('verdict')
  align.push('left')
  const cells = rows.map((r) => {
    const mark = notes.has(r) ? ` (${notes.get(r)})` : ''
    const line = [terminalText(r.metric), formatWithUnit(r.baseline, r.unit), formatWithUnit(r.current, r.unit), formatChange(r, withInterval)]
    if (withTolerance) line.push(r.tolerance)
    line.push(verdictLabel(r) + mark)
    return line
  })
  return { header, cells, align }
}

function widthsOf(l: Layout): number[] {
  return l.header.map((h, i) => Math.max(h.length, ...l.cells.map((c) => c[i]!.length)))
}

function totalWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`
}

/** Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

export function summaryTable(rows: readonly MetricComparison[], opts: SummaryTableOptions = {}): string {
  const width = opts.width ?? 80
  const paint = opts.paint ?? plain
  const notes = new Map<MetricComparison, number>()
  rows.forEach((r) => r.note && notes.set(r, notes.size + 1))
  const hasInterval = rows.some((r) => r.interval)
  const candidates: [boolean, boolean][] = hasInterval
    ? [
        [true, true],
        [false, true],
        [true, false],
        [false, false],
      ]
    : [
        [true, false],
        [false, false],
      ]
  let chosen = layout(rows, false, false, notes)
  let widths = widthsOf(chosen)
  for (const [withTolerance, withInterval] of candidates) {
    const l = layout(rows, withTolerance, withInterval, notes)
    const w = widthsOf(l)
    if (totalWidth(w) <= width) {
      chosen = l
      widths = w
      break
    }
  }
  const over = totalWidth(widths) - width
  if (over > 0) {
    widths[0] = Math.max('metric'.length, widths[0]! - over)
    chosen.cells = chosen.cells.map((c) => [shorten(c[0]!, widths[0]!), ...c.slice(1)])
  }
  const pad = (text: string, i: number) => (chosen.align[i] === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))
  const verdictCol = chosen.header.length - 1
  const lines = [
    paint(chosen.header.map(pad).join('  ').trimEnd(), 'dim'),
    paint(widths.map((w) => '-'.repeat(w)).join('  '), 'dim'),
    ...chosen.cells.map((cells, row) =>
      cells
        .map((c, i) => {
          const padded = i === verdictCol ? c.padEnd(widths[i]!).trimEnd() : pad(c, i)
          const style = i === verdictCol ? VERDICT[rows[row]!.verdict]?.style : undefined
          return style ? paint(padded, style) : padded
        })
        .join('  '),
    ),
  ]
  for (const [r, n] of notes) lines.push(...wrapText(terminalText(`(${n}) ${r.metric}: ${r.note}`), width, '    '))
  return lines.join('\n')
}
