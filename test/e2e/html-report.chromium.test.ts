/**
 * The HTML reports in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is downloaded): the page loads without console
 * errors, every chart renders with a non-zero size, a hostile test name shows
 * as text and runs nothing, and a screenshot is saved under test/e2e/.tmp/.
 * Skipped, with a message, only where no Chromium is installed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyHtml } from '../../src/report/history-html.js'
import { htmlReport } from '../../src/report/html-report.js'
import { historyRecord } from '../../src/results/history.js'
import { FILE, HOSTILE, resultsFile } from '../unit/report/results-factory.js'
import { CHROMIUM_ARGS, findChromium } from './chromium.js'
import { REPO } from './fixture-project.js'

const executablePath = findChromium()
const OUT = join(REPO, 'test/e2e/.tmp/html-report')

if (!executablePath) {
  console.warn(
    "perfgate: skipping the Chromium tests: no Chromium found (install Debian's `chromium` package, or set PERFGATE_CHROMIUM to a Chrome or Chromium binary).",
  )
}

/** The few browser types used inside page functions (the project compiles without the DOM library). */
interface Graphic {
  getBBox(): { width: number; height: number }
}
interface BrowserWindow {
  getComputedStyle(el: unknown): { backgroundColor: string }
}

interface Loaded {
  page: Page
  problems: string[]
  dialogs: string[]
}

describe.skipIf(!executablePath)('HTML reports in headless Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function load(name: string, html: string): Promise<Loaded> {
    const file = join(OUT, name)
    writeFileSync(file, html)
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    const problems: string[] = []
    const dialogs: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    return { page, problems, dialogs }
  }

  /** Size of every chart and of its drawn marks. */
  async function charts(page: Page) {
    return page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect()
        const marks = [...svg.querySelectorAll('rect, circle, path, line')].map((el) => (el as unknown as Graphic).getBBox())
        return {
          label: svg.getAttribute('aria-label') ?? '',
          width: box.width,
          height: box.height,
          marks: marks.length,
          drawn: marks.filter((b) => b.width > 0 || b.height > 0).length,
        }
      }),
    )
  }

  it('renders the run report: charts with a size, no console errors, hostile names as text', async () => {
    const file = resultsFile({ baseRef: 'main', changedBaselines: [FILE] })
    file.results[0]!.extras = {
      generation: {
        prompts: [
          { label: 'hello', inputTokens: 3, ttftMs: 12, tpotMs: 2, baselineTtftMs: 11 },
          { label: HOSTILE, inputTokens: 40, ttftMs: 30, tpotMs: 2.2 },
        ],
      },
      sweeps: [
        {
          parameter: 'batch',
          metric: 'latency.p50',
          unit: 'ms',
          series: [
            {
              name: HOSTILE,
              points: [
                { x: 1, y: 2 },
                { x: 4, y: 7 },
              ],
            },
          ],
        },
      ],
    }
    const { page, problems, dialogs } = await load('report.html', htmlReport(file))
    try {
      const found = await charts(page)
      // 4 latency distributions (the single number has none) + 3 generation charts + 1 sweep
      expect(found).toHaveLength(8)
      for (const c of found) {
        expect(c.width, c.label).toBeGreaterThan(100)
        expect(c.height, c.label).toBeGreaterThan(100)
        expect(c.drawn, c.label).toBeGreaterThan(3)
      }
      const histogramBars = await page.$$eval('g.hist rect', (rects) => rects.filter((r) => (r as unknown as Graphic).getBBox().height > 0).length)
      expect(histogramBars).toBeGreaterThan(10)

      expect(await page.locator('img').count()).toBe(0)
      const text = await page.locator('body').innerText()
      expect(text).toContain(`${HOSTILE} 1`)
      expect(text).toContain('This change edits the baseline it is judged against')
      expect(await page.locator('tr.regressed').count()).toBe(3)
      const regressedBg = await page
        .locator('tr.regressed td')
        .first()
        .evaluate((td) => (globalThis as unknown as BrowserWindow).getComputedStyle(td).backgroundColor)
      expect(regressedBg).toBe('rgb(255, 235, 233)')

      const shot = join(OUT, 'report.png')
      await page.screenshot({ path: shot, fullPage: true })
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG')
      expect(problems).toEqual([])
      expect(dialogs).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('renders the history trends with the baseline changes marked', async () => {
    const runs = [0, 1, 2, 3].map((i) =>
      historyRecord(resultsFile({ createdAt: new Date(Date.UTC(2025, 0, i + 1)), commit: `${i}`.repeat(40) }), {
        changedBaselines: new Set(i === 2 ? [FILE] : []),
        gatedMetrics: ['latency.p50'],
      }),
    )
    const { page, problems, dialogs } = await load('history.html', historyHtml(runs))
    try {
      const found = await charts(page)
      expect(found.length).toBeGreaterThan(5)
      for (const c of found) {
        expect(c.width, c.label).toBeGreaterThan(100)
        expect(c.drawn, c.label).toBeGreaterThan(3)
      }
      const markers = await page.$$eval('g.marker line', (lines) => lines.map((l) => (l as unknown as Graphic).getBBox().height))
      expect(markers.length).toBeGreaterThan(0)
      for (const h of markers) expect(h).toBeGreaterThan(50)
      await page.screenshot({ path: join(OUT, 'history.png'), fullPage: true })
      expect(problems).toEqual([])
      expect(dialogs).toEqual([])
    } finally {
      await page.close()
    }
  })
})
