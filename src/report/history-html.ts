/**
 * The trend report of a history file (`perfgate report --history FILE --html OUT`):
 * per entry, one chart per gated metric over the runs in file order (commits
 * on the x axis), the current value as a line, the baseline it was compared
 * with as a dashed step, and a marker wherever the baseline file changed. Pure.
 */
import { historyTrends, type Trend } from '../results/history.js'
import { METRICS } from '../metrics/catalogue.js'
import type { HistoryRecord } from '../types/index.js'
import { escapeHtml as h } from './escape.js'
import { htmlPage } from './html-page.js'
import { lineChart, type ChartSeries } from './svg/line-chart.js'

export interface HistoryHtmlOptions {
  /** @default 'perfgate history' */
  title?: string
}

function runLabel(rec: HistoryRecord, run: number): string {
  return rec.commit ? rec.commit.slice(0, 7) : `run ${run + 1}`
}

function trendChart(t: Trend, labels: readonly string[]): string {
  const unit = METRICS.get(t.metric as never)?.unit ?? ''
  const series: ChartSeries[] = [
    {
      name: 'measured',
      tone: 'current',
      points: t.points.map((p) => ({ x: p.run, y: p.value, label: `${labels[p.run]}: ${p.value}${unit ? ` ${unit}` : ''}` })),
    },
  ]
  const withBaseline = t.points.filter((p) => p.baseline !== undefined)
  if (withBaseline.length > 0) {
    series.push({ name: 'baseline', tone: 'baseline', style: 'step', points: withBaseline.map((p) => ({ x: p.run, y: p.baseline! })) })
  }
  const markers = t.points.filter((p) => p.baselineChanged).map((p) => ({ x: p.run, label: `baseline changed at ${labels[p.run]}` }))
  return lineChart(series, { title: t.metric, xLabel: 'commit', yLabel: unit || 'value', categories: labels, markers })
}

export function historyHtml(records: readonly HistoryRecord[], opts: HistoryHtmlOptions = {}): string {
  const title = opts.title ?? 'perfgate history'
  const labels = records.map(runLabel)
  const trends = historyTrends(records)
  const groups = new Map<string, Trend[]>()
  for (const t of trends) {
    const id = JSON.stringify([t.file, t.key])
    groups.set(id, [...(groups.get(id) ?? []), t])
  }
  const first = records[0]
  const last = records.at(-1)
  const parts = [
    `<h1>${h(title)}</h1>`,
    `<div class="meta">${records.length} runs${first && last ? `, ${h(first.time)} to ${h(last.time)}` : ''}. ` +
      'Solid: measured; dashed: the baseline compared with; ◆: the baseline file changed in that commit.</div>',
  ]
  if (groups.size === 0) parts.push('<p class="note">The history has no entries yet.</p>')
  let i = 0
  for (const group of groups.values()) {
    const t0 = group[0]!
    const changes = new Set(group.flatMap((t) => t.points.filter((p) => p.baselineChanged).map((p) => labels[p.run]!)))
    parts.push(
      `<section class="entry" id="h${i++}"><header><h2>${h(t0.key)}</h2>${changes.size > 0 ? `<span class="badge changed">baseline changed ${changes.size}×</span>` : ''}</header>` +
        `<div class="sub">test ${h(t0.test)} · ${h(t0.file)}</div>` +
        `<div class="charts">${group.map((t) => trendChart(t, labels)).join('')}</div></section>`,
    )
  }
  return htmlPage(title, parts.join('\n'))
}
