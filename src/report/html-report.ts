/**
 * The HTML report of a run, drawn from a results file: counts, a warning when
 * the change edits its own baselines, an overview, and per entry the metrics
 * table with verdict colours, the latency distribution of baseline against
 * current (box plots over histograms of the stored samples), the testbed side
 * by side, and generation or sweep charts when the entry carries them. One
 * self-contained file; every string from tests, models and prompts is escaped. Pure.
 */
import { statusCounts } from '../results/results-file.js'
import type { BaselineEntry, MetricComparison, ResultEntry, ResultsFile, Testbed } from '../types/index.js'
import { escapeHtml as h } from './escape.js'
import { generationCharts, sweepChart } from './extra-charts.js'
import { formatNumber, formatPercent, formatSigned, formatWithUnit } from './format-number.js'
import { htmlPage } from './html-page.js'
import { formatInterval } from './summary-table.js'
import { distributionChart, type DistributionSide } from './svg/distribution-chart.js'

export interface HtmlReportOptions {
  /** @default 'perfgate report' */
  title?: string
}

const STATUS_TEXT: Record<string, string> = {
  pass: 'passed',
  regressed: 'regressed',
  improved: 'improved',
  new: 'new',
  updated: 'updated',
  missing: 'missing baseline',
  invalid: 'invalid baseline',
}

const VERDICT_TEXT: Record<string, string> = { pass: 'ok', regressed: 'REGRESSED', improved: 'improved' }

const TESTBED_FIELDS: [keyof Testbed, string][] = [
  ['cpuModel', 'CPU'],
  ['cores', 'cores'],
  ['os', 'OS'],
  ['arch', 'arch'],
  ['node', 'Node'],
  ['onnxruntime', 'onnxruntime'],
  ['executionProviders', 'execution providers'],
  ['intraOpNumThreads', 'intra-op threads'],
  ['interOpNumThreads', 'inter-op threads'],
]

function badge(status: string, text = STATUS_TEXT[status] ?? status): string {
  return `<span class="badge ${h(status)}">${h(text)}</span>`
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'default' : Array.isArray(v) ? v.join(', ') : String(v)
}

function metricsTable(rows: readonly MetricComparison[]): string {
  const withInterval = rows.some((r) => r.interval)
  const level = rows.find((r) => r.interval)?.interval?.confidence
  const head = [
    '<th>metric</th>',
    '<th class="num">baseline</th>',
    '<th class="num">current</th>',
    '<th class="num">change</th>',
    '<th class="num">change %</th>',
    withInterval ? `<th class="num">${level === undefined ? '' : `${+(level * 100).toFixed(1)}% `}CI of change</th>` : '',
    '<th class="num">tolerance</th>',
    '<th class="num">p</th>',
    '<th>verdict</th>',
  ].join('')
  const body = rows
    .map((r) => {
      const cells = [
        `<td>${h(r.metric)}</td>`,
        `<td class="num">${h(formatWithUnit(r.baseline, r.unit))}</td>`,
        `<td class="num">${h(formatWithUnit(r.current, r.unit))}</td>`,
        `<td class="num">${h(formatSigned(r.change))}</td>`,
        `<td class="num">${h(formatPercent(r.changePct))}</td>`,
        withInterval ? `<td class="num">${r.interval ? h(formatInterval(r.interval.lowPct, r.interval.highPct)) : ''}</td>` : '',
        `<td class="num">${h(r.tolerance)}</td>`,
        `<td class="num">${r.pValue === undefined ? '' : h(r.pValue < 0.001 ? '<0.001' : r.pValue.toFixed(3))}</td>`,
        `<td class="verdict">${h(VERDICT_TEXT[r.verdict] ?? r.verdict)}${r.note ? `<div class="note">${h(r.note)}</div>` : ''}</td>`,
      ]
      return `<tr class="${h(r.verdict)}">${cells.join('')}</tr>`
    })
    .join('')
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

function valuesTable(entry: BaselineEntry): string {
  const rows = Object.entries(entry.metrics)
    .map(([id, v]) => `<tr><td>${h(id)}</td><td class="num">${h(formatNumber(v))}</td></tr>`)
    .join('')
  return `<table class="metrics"><thead><tr><th>metric</th><th class="num">recorded</th></tr></thead><tbody>${rows}</tbody></table>`
}

function testbedTable(e: ResultEntry): string {
  const cur = e.current
  const base = e.baseline
  if (!cur && !base) return ''
  const rows = TESTBED_FIELDS.map(([field, label]) => {
    const c = cur ? show(cur.testbed[field]) : ''
    const b = base ? show(base.testbed[field]) : ''
    const differs = cur && base && c !== b
    return `<tr${differs ? ' class="differs"' : ''}><td>${h(label)}</td>${base ? `<td>${h(b)}</td>` : ''}<td>${h(c)}</td></tr>`
  })
  for (const d of e.differences ?? []) {
    if (TESTBED_FIELDS.some(([f]) => f === d.field)) continue
    rows.push(`<tr class="differs"><td>${h(d.field)}</td><td>${h(d.baseline)}</td><td>${h(d.current)}</td></tr>`)
  }
  const c = e.calibration
  if (c) {
    const score = `reference ${h(formatWithUnit(c.baselineScoreMs, 'ms'))}`
    rows.push(`<tr><td>calibrated x${h(c.factor.toFixed(3))}</td><td>${score}</td><td>reference ${h(formatWithUnit(c.currentScoreMs, 'ms'))}</td></tr>`)
  }
  const dc = cur?.disturbance
  const db = base?.disturbance
  if (dc || db) {
    const share = (d: typeof dc) => (d ? `${Math.round(d.share * 100)}%${d.reasons.length > 0 ? ` (${d.reasons.join(', ')})` : ''}` : 'not recorded')
    rows.push(
      `<tr${(dc?.share ?? 0) > 0 ? ' class="differs"' : ''}><td>disturbed runs</td>${base ? `<td>${h(share(db))}</td>` : ''}<td>${h(cur ? share(dc) : '')}</td></tr>`,
    )
  }
  const head = `<tr><th>field</th>${base ? '<th>baseline</th>' : ''}<th>${base ? 'current' : 'measured on'}</th></tr>`
  return `<table class="testbed"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`
}

function modelLine(entry: BaselineEntry | undefined): string {
  const m = entry?.model
  if (!m) return ''
  return ` · model ${h(m.path)} (${h(formatNumber(m.bytes / 1024))} KiB, sha256 ${h(m.sha256.slice(0, 12))})`
}

function distribution(e: ResultEntry): string {
  const sides: DistributionSide[] = []
  if (e.baseline?.samples.latency?.length) sides.push({ label: 'baseline', samples: e.baseline.samples.latency, tone: 'base' })
  const f = e.calibration?.factor
  const cur = e.current?.samples.latency
  // on the baseline's machine speed, as the rows are
  if (cur?.length) sides.push({ label: f ? `current x${f.toFixed(3)} (calibrated)` : 'current', samples: f ? cur.map((x) => x * f) : cur, tone: 'cur' })
  return sides.length > 0 ? distributionChart(sides, { title: 'Latency per run', unit: 'ms' }) : ''
}

function entrySection(e: ResultEntry, i: number): string {
  const parts: string[] = []
  parts.push(
    `<header><h2>${h(e.key)}</h2>${badge(e.status)}${e.baselineChanged ? badge('changed', 'baseline edited by this change') : ''}</header>`,
    `<div class="sub">test ${h(e.test)} · ${h(e.file)}${modelLine(e.current ?? e.baseline)}</div>`,
  )
  const table = e.rows && e.rows.length > 0 ? metricsTable(e.rows) : e.current ? valuesTable(e.current) : ''
  parts.push(`<h3>Metrics</h3>${table || '<p class="note">Nothing was compared.</p>'}`)
  const chart = distribution(e)
  const testbed = testbedTable(e)
  parts.push(
    `<div class="grid2"><div>${chart ? `<h3>Latency distribution</h3>${chart}` : ''}</div>` + `<div>${testbed ? `<h3>Testbed</h3>${testbed}` : ''}</div></div>`,
  )
  const gen = e.extras?.generation ? generationCharts(e.extras.generation) : []
  if (gen.length > 0) parts.push(`<h3>Generation</h3><div class="charts">${gen.join('')}</div>`)
  const sweeps = (e.extras?.sweeps ?? []).map(sweepChart).filter(Boolean)
  if (sweeps.length > 0) parts.push(`<h3>Sweeps</h3><div class="charts">${sweeps.join('')}</div>`)
  return `<section class="entry ${h(e.status)}" id="e${i}">${parts.join('\n')}</section>`
}

function worstChange(e: ResultEntry): string {
  const rows = e.rows ?? []
  const pick = rows.find((r) => r.verdict === 'regressed') ?? rows.find((r) => r.verdict === 'improved')
  if (!pick) return ''
  return `${pick.metric} ${formatPercent(pick.changePct)}`
}

export function htmlReport(file: ResultsFile, opts: HtmlReportOptions = {}): string {
  const title = opts.title ?? 'perfgate report'
  const counts = statusCounts(file.results).filter((c) => c.count > 0 || ['regressed', 'improved', 'pass', 'new'].includes(c.status))
  const order = ['regressed', 'missing', 'invalid', 'unresolved', 'warned', 'improved', 'new', 'updated', 'pass']
  const entries = file.results.map((e, i) => ({ e, i })).sort((a, b) => order.indexOf(a.e.status) - order.indexOf(b.e.status) || a.i - b.i)
  const parts: string[] = [
    `<h1>${h(title)}</h1>`,
    `<div class="meta">${file.commit ? `commit ${h(file.commit.slice(0, 12))} · ` : ''}run ${h(file.createdAt)}${file.baseRef ? ` · judged against ${h(file.baseRef)}` : ''}</div>`,
    `<div class="counts">${counts.map((c) => badge(c.status, `${c.count} ${c.label}`)).join('')}</div>`,
  ]
  if (file.changedBaselines && file.changedBaselines.length > 0) {
    parts.push(
      `<div class="warning"><strong>This change edits the baseline it is judged against:</strong> ${file.changedBaselines.map(h).join(', ')}. ` +
        'The gate compares with these files as changed here; review the baseline diff together with the code.</div>',
    )
  }
  if (entries.length > 0) {
    const rows = entries
      .map(
        ({ e, i }) =>
          `<tr><td><a href="#e${i}">${h(e.key)}</a></td><td>${h(e.file)}</td><td>${badge(e.status)}</td><td class="num">${h(worstChange(e))}</td></tr>`,
      )
      .join('')
    parts.push(
      `<table class="overview"><thead><tr><th>entry</th><th>baseline file</th><th>status</th><th class="num">change</th></tr></thead><tbody>${rows}</tbody></table>`,
    )
  } else {
    parts.push('<p class="note">No perfgate assertions ran.</p>')
  }
  parts.push(...entries.map(({ e, i }) => entrySection(e, i)))
  return htmlPage(title, parts.join('\n'))
}
