/**
 * The reports end to end: Vitest runs the classifier fixture, in a git
 * repository, with every report option on, as a default branch and then a
 * pull request would: record on main (reports, step summary, history line),
 * regress on a branch (Markdown, annotations for the github-actions reporter,
 * `perfgate compare`), then let the branch re-record its own baseline (the
 * reports flag it), and draw the history. Effects are far beyond the 50%
 * tolerance (the heavy model is about 8x slower): no timing threshold here.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { parseHistory } from '../../src/results/history.js'
import { schemaProblem } from '../../src/results/validate-results.js'
import type { ResultsFile } from '../../src/types/index.js'
import { CHROMIUM_ARGS, findChromium } from './chromium.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/classifier.perf.test.ts.json'
const HOSTILE = '<img src=x onerror=alert(1)>'
const CONFIG = `import { perfgate } from 'perfgate/vitest'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    perfgate({
      tolerance: { default: '50%', 'memory.peakDeltaMB': { rel: '50%', abs: 30 } },
      markdown: 'reports/summary.md',
      html: 'reports/report.html',
      json: 'reports/results.json',
      csv: 'reports/results.csv',
      history: 'reports/history.jsonl',
    }),
  ],
  test: { include: ['*.perf.test.ts'], testTimeout: 60_000 },
})
`

describe('reports of a run, on main and on a pull request branch', () => {
  let project: FixtureProject
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project.dir, encoding: 'utf8' }).trim()
  const results = () => JSON.parse(project.read('reports/results.json')) as ResultsFile
  const run = (args: string[], ci: boolean, env: Record<string, string> = {}) =>
    project.vitest(['--config', 'vitest.reports.config.ts', ...args], { ci, env: { GITHUB_STEP_SUMMARY: project.path('step-summary.md'), ...env } })

  beforeAll(() => {
    project = createFixtureProject('classifier-gate')
    project.write('vitest.reports.config.ts', CONFIG)
    project.write('.gitignore', 'node_modules\nreports\nstep-summary.md\n*.json.bak\n')
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'test@example.com')
    git('config', 'user.name', 'perfgate test')
    git('config', 'commit.gpgsign', 'false')
    git('add', '.')
    git('commit', '-q', '-m', 'fixture')
  })
  afterAll(() => project.remove())

  it('on main: records, writes every report, appends to the step summary and the history', async () => {
    const r = await run([], false)
    expect(r.code, r.output).toBe(0)
    expect(r.output).toContain('Reports written: reports/summary.md, reports/report.html, reports/results.json, reports/results.csv, reports/history.jsonl')
    const file = results()
    expect(schemaProblem('results', file)).toBeNull()
    expect(file.commit).toBe(git('rev-parse', 'HEAD'))
    expect(file.results.map((e) => [e.key, e.status])).toEqual([
      ['classifier 128x128 1', 'new'],
      ['classifier bytes', 'new'],
    ])
    expect(file.results[0]!.current?.samples.latency?.length).toBeGreaterThanOrEqual(40)
    expect(project.read('reports/summary.md').split('\n')[0]).toBe('## ✅ perfgate: 0 regressed, 0 passed, 2 new')
    expect(project.read('step-summary.md')).toContain('## ✅ perfgate: 0 regressed, 0 passed, 2 new')
    expect(project.read('reports/results.csv')).toMatch(/^file,key,test,status,metric,/)
    expect(project.read('reports/report.html')).toContain('<svg class="chart"')
    const history = parseHistory(project.read('reports/history.jsonl'), 'history.jsonl')
    expect(history).toHaveLength(1)
    expect(history[0]!.entries[0]).toMatchObject({ key: 'classifier 128x128 1', baselineChanged: true })
    expect(Object.keys(history[0]!.entries[0]!.metrics).sort()).toEqual(['latency.p50', 'latency.p95', 'memory.peakDeltaMB', 'throughput'])
    git('add', BASELINE)
    git('commit', '-q', '-m', 'record baselines')
    copyFileSync(project.path('reports/results.json'), project.path('main-results.json.bak'))
  })

  it('on a branch: a regression fails with the Markdown table, annotations for GitHub, and perfgate compare agrees', async () => {
    git('checkout', '-q', '-b', 'feature')
    project.write('model.onnx', buildHeavyClassifier())
    const r = await run(['--reporter=default', '--reporter=github-actions'], true, { PERFGATE_BASE_REF: 'main' })
    expect(r.code, r.output).toBe(1)
    expect(r.output).toMatch(
      /::error file=.*classifier\.perf\.test\.ts,line=\d+,column=\d+::perfgate: "classifier 128x128 1" regressed against baselines\/e2e\/classifier\.perf\.test\.ts\.json: latency\.p50 /,
    )
    const md = project.read('reports/summary.md')
    expect(md.split('\n')[0]).toMatch(/^## ❌ perfgate: [12] regressed/)
    expect(md).toMatch(
      /### Regressed\n\n\| test \| metric \| baseline \| current \| change \| 99% CI of change \| tolerance \|\n.*\n\| classifier 128x128 1<br><sub>baselines\/e2e\/classifier\.perf\.test\.ts\.json<\/sub> \| latency\.p50 \|/,
    )
    expect(md).not.toContain('edits the baseline')
    const file = results()
    expect(file.baseRef).toBe('main')
    expect(file.changedBaselines).toEqual([])
    expect(file.results[0]!.status).toBe('regressed')
    expect(file.results[0]!.baseline?.samples.latency?.length).toBeGreaterThanOrEqual(40)
    expect(project.read('reports/report.html')).toContain('<section class="entry regressed"')

    const compare = await project.perfgate(['compare', 'main-results.json.bak', 'reports/results.json'], { ci: true })
    expect(compare.code, compare.output).toBe(1)
    expect(compare.stdout).toContain('REGRESSED  classifier 128x128 1')
  })

  it('a branch that re-records its own baseline passes, and every report says it edits the baseline it is judged against', async () => {
    const update = await run(['-u'], true, { PERFGATE_BASE_REF: 'main' })
    expect(update.code, update.output).toBe(0)
    const r = await run([], true, { PERFGATE_BASE_REF: 'main' })
    expect(r.code, r.output).toBe(0)
    expect(r.output).toContain(`This change edits baselines it is judged against (review them with it):\n  ${BASELINE}`)
    expect(results().changedBaselines).toEqual([BASELINE])
    expect(results().results.every((e) => e.baselineChanged)).toBe(true)
    expect(project.read('reports/summary.md')).toContain(`**This change edits the baseline it is judged against** (compared with main): ${BASELINE}.`)
    expect(project.read('reports/report.html')).toContain('baseline edited by this change')
  })

  it('perfgate report draws the history: one line per run, the baseline changes marked', async () => {
    expect(parseHistory(project.read('reports/history.jsonl'), 'history.jsonl')).toHaveLength(4)
    const r = await project.perfgate(['report', '--history', 'reports/history.jsonl', '--html', 'reports/trends.html'], { ci: true })
    expect(r.code, r.output).toBe(0)
    const html = project.read('reports/trends.html')
    expect(html).toContain('4 runs')
    expect(html).toContain('<g class="marker">')
  })

  it('a test named like an HTML tag shows as text in the Markdown and the HTML report, also in a browser', async () => {
    const r = await run([], false, { FIXTURE_TEST_NAME: HOSTILE })
    expect(r.code, r.output).toBe(0)
    const html = project.read('reports/report.html')
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; 1')
    expect(project.read('reports/summary.md')).toContain('&lt;img src=x onerror=alert(1)&gt; 1')
    const executablePath = findChromium()
    if (!executablePath) return // the Chromium test says why it is skipped
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      const dialogs: string[] = []
      page.on('dialog', (d) => {
        dialogs.push(d.message())
        void d.dismiss()
      })
      await page.goto(pathToFileURL(project.path('reports/report.html')).href)
      expect(await page.locator('img').count()).toBe(0)
      expect(await page.locator('h2', { hasText: `${HOSTILE} 1` }).count()).toBe(1)
      expect(dialogs).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
