/**
 * Charts for the kinds of profile that carry more than a latency
 * distribution: generation (TTFT and TPOT per prompt, TTFT against input
 * tokens) and sweeps (one line per series). Drawn whenever a result's
 * `extras` has the data. Pure.
 */
import type { GenerationReport, SweepReport } from '../types/index.js'
import { lineChart, type ChartSeries } from './svg/line-chart.js'

export function generationCharts(gen: GenerationReport): string[] {
  const prompts = gen.prompts
  if (prompts.length === 0) return []
  const labels = prompts.map((p) => p.label)
  const perPrompt = (title: string, current: (number | undefined)[], baseline: (number | undefined)[]) => {
    const series: ChartSeries[] = []
    const points = (values: (number | undefined)[], name: string) =>
      values.flatMap((v, i) => (v === undefined ? [] : [{ x: i, y: v, label: `${labels[i]}: ${name} ${v} ms` }]))
    if (baseline.some((v) => v !== undefined)) series.push({ name: 'baseline', points: points(baseline, 'baseline'), style: 'points', tone: 'baseline' })
    series.push({ name: 'current', points: points(current, 'current'), style: 'points', tone: 'current' })
    return lineChart(series, { title, xLabel: 'prompt', yLabel: 'ms', categories: labels })
  }
  const charts = [
    perPrompt(
      'TTFT per prompt',
      prompts.map((p) => p.ttftMs),
      prompts.map((p) => p.baselineTtftMs),
    ),
  ]
  if (prompts.some((p) => p.tpotMs !== undefined)) {
    charts.push(
      perPrompt(
        'TPOT per prompt',
        prompts.map((p) => p.tpotMs),
        prompts.map((p) => p.baselineTpotMs),
      ),
    )
  }
  const byTokens: ChartSeries[] = [
    {
      name: 'current',
      style: 'points',
      tone: 'current',
      points: prompts.map((p) => ({ x: p.inputTokens, y: p.ttftMs, label: `${p.label}: ${p.inputTokens} tokens, ${p.ttftMs} ms` })),
    },
  ]
  const withBaseline = prompts.filter((p) => p.baselineTtftMs !== undefined)
  if (withBaseline.length > 0) {
    byTokens.unshift({ name: 'baseline', style: 'points', tone: 'baseline', points: withBaseline.map((p) => ({ x: p.inputTokens, y: p.baselineTtftMs! })) })
  }
  charts.push(lineChart(byTokens, { title: 'TTFT against input tokens', xLabel: 'input tokens', yLabel: 'ms' }))
  return charts.filter(Boolean)
}

export function sweepChart(sweep: SweepReport): string {
  const unit = sweep.unit ? ` (${sweep.unit})` : ''
  return lineChart(
    sweep.series.map((s) => ({ name: s.name, points: s.points.map((p) => ({ x: p.x, y: p.y, label: `${s.name}: ${sweep.parameter} ${p.x} -> ${p.y}` })) })),
    { title: sweep.title ?? `${sweep.metric} by ${sweep.parameter}`, xLabel: sweep.parameter, yLabel: `${sweep.metric}${unit}` },
  )
}
