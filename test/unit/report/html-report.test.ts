import { describe, expect, it } from 'vitest'
import { historyHtml } from '../../../src/report/history-html.js'
import { htmlReport } from '../../../src/report/html-report.js'
import { historyRecord } from '../../../src/results/history.js'
import type { ResultsFile } from '../../../src/types/index.js'
import { FILE, HOSTILE, resultsFile } from './results-factory.js'

/** Digits normalized and the stylesheet left out: the snapshot asserts structure, not coordinates. */
const normalized = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '<style>…</style>').replace(/\d/g, '0')

function withExtras(): ResultsFile {
  const file = resultsFile({ baseRef: 'main', changedBaselines: [FILE] })
  file.results[0]!.extras = {
    generation: {
      prompts: [
        { label: 'hello', inputTokens: 3, outputTokens: 8, ttftMs: 12, tpotMs: 2, baselineTtftMs: 11, baselineTpotMs: 2.1 },
        { label: `prompt ${HOSTILE}`, inputTokens: 40, outputTokens: 8, ttftMs: 30, tpotMs: 2.2 },
      ],
    },
    sweeps: [
      {
        parameter: 'batch',
        metric: 'latency.p50',
        unit: 'ms',
        series: [
          {
            name: `threads ${HOSTILE}`,
            points: [
              { x: 1, y: 2 },
              { x: 4, y: 7 },
            ],
          },
        ],
      },
    ],
  }
  return file
}

describe('htmlReport', () => {
  const html = htmlReport(withExtras())

  it('is one self-contained page: no script, no external resource, a policy that forbids both', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|<img|src=["']?http|url\(/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
  })

  it('keeps its structure (snapshot, digits normalized)', () => {
    expect(normalized(html)).toMatchSnapshot()
  })

  it('draws baseline against current latency per entry, and the generation and sweep charts when present', () => {
    const sections = html.split('<section class="entry ').slice(1)
    expect(sections.map((s) => s.slice(0, s.indexOf('"')))).toEqual(['regressed', 'improved', 'new', 'pass', 'pass'])
    const regressed = sections[0]!
    expect(regressed).toContain('aria-label="Latency per run: baseline median 10.9 ms, current median 12.9 ms"')
    expect(regressed.match(/<g class="box (base|cur)">/g)).toEqual(['<g class="box base">', '<g class="box cur">'])
    expect(regressed).toContain('<tr class="regressed"><td>latency.p50</td><td class="num">11.0 ms</td><td class="num">13.0 ms</td>')
    expect(regressed).toContain('<td class="num">[+12.5, +24.3]</td>')
    expect(regressed).toContain('baseline edited by this change')
    const added = sections[2]!
    expect(added).toContain('TTFT per prompt')
    expect(added).toContain('TPOT per prompt')
    expect(added).toContain('TTFT against input tokens')
    expect(added).toContain('latency.p50 by batch')
    expect(added).not.toContain('Latency distribution') // a single number has no samples
  })

  it('marks testbed fields that differ from the baseline', () => {
    expect(html).toContain('<tr class="differs"><td>CPU</td><td>Old CPU</td><td>Test CPU @ 3.00GHz</td></tr>')
  })

  it('renders a hostile test, model, prompt and series name as text', () => {
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; 1')
    expect(html).toContain('models/&lt;img src=x onerror=alert(1)&gt;.onnx')
    expect(html).toContain('threads &lt;img src=x onerror=alert(1)&gt;')
  })

  it('says so when no assertion ran', () => {
    expect(htmlReport({ perfgate: 1, kind: 'results', createdAt: '2025-01-01T00:00:00.000Z', results: [] })).toContain('No perfgate assertions ran.')
  })
})

describe('historyHtml', () => {
  const GATED = ['latency.p50'] as const
  const runs = [0, 1, 2].map((i) => {
    const file = resultsFile({ createdAt: new Date(Date.UTC(2025, 0, i + 1)), commit: `${i}`.repeat(40) })
    return historyRecord(file, { changedBaselines: new Set(i === 1 ? [FILE] : []), gatedMetrics: GATED })
  })
  const html = historyHtml(runs)

  it('draws one chart per entry and metric over the commits, with the baseline changes marked', () => {
    expect(normalized(html)).toMatchSnapshot()
    expect(html).toContain('3 runs, 2025-01-01T00:00:00.000Z to 2025-01-03T00:00:00.000Z')
    expect(html.match(/<section class="entry"/g)).toHaveLength(5)
    expect(html.match(/<g class="marker"><title>baseline changed at 1111111<\/title>/g)).toHaveLength(7) // every chart of the 3 entries in that file
    expect(html).toContain('<span class="badge changed">baseline changed 1×</span>')
    expect(html).not.toContain(HOSTILE)
  })

  it('says so for an empty history', () => {
    expect(historyHtml([])).toContain('The history has no entries yet.')
  })
})
