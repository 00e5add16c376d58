import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { perfgate } from '../../../src/vitest/plugin.js'
import { resolveReportSettings, RunReports } from '../../../src/vitest/report-outputs.js'
import { schemaProblem } from '../../../src/results/validate-results.js'
import { records } from './results-factory.js'

describe('resolveReportSettings', () => {
  it('writes no file by default, appends to the step summary, and takes the base ref from the option or the environment', () => {
    expect(resolveReportSettings({}, {})).toEqual({
      markdown: undefined,
      stepSummary: true,
      html: undefined,
      json: undefined,
      csv: undefined,
      history: undefined,
      baseRef: undefined,
      gatedMetrics: ['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB'],
    })
    expect(resolveReportSettings({}, { GITHUB_BASE_REF: 'main' }).baseRef).toBe('main')
    expect(resolveReportSettings({ baseRef: 'origin/dev', stepSummary: false, metrics: ['loadMs'] }, { GITHUB_BASE_REF: 'main' })).toMatchObject({
      baseRef: 'origin/dev',
      stepSummary: false,
      gatedMetrics: ['loadMs'],
    })
  })
})

describe('perfgate() report options', () => {
  it.each(['markdown', 'html', 'json', 'csv', 'history', 'baseRef'])('refuses a %s that is not a non-empty string', (key) => {
    expect(() => perfgate({ [key]: 3 })).toThrow(`Invalid option perfgate({ ${key} }): got 3`)
    expect(() => perfgate({ [key]: '' })).toThrow(`Invalid option perfgate({ ${key} })`)
    expect(() => perfgate({ [key]: 'x' })).not.toThrow()
  })
})

describe('RunReports', () => {
  it('writes each asked-for file, appends the Markdown to the step summary, and reports files it could not write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-reports-'))
    try {
      const summary = join(dir, 'step-summary.md')
      const settings = resolveReportSettings({ json: 'out/results.json', csv: 'out/results.csv', markdown: 'out/summary.md', html: 'out/blocked/x.html' }, {})
      // a file where the HTML report's folder should be
      mkdirSync(join(dir, 'out'), { recursive: true })
      writeFileSync(join(dir, 'out/blocked'), 'not a folder')
      const reports = new RunReports(settings, dir, 'baselines', { GITHUB_STEP_SUMMARY: summary }).begin()
      const out = reports.finish(records(), [])
      expect(out.files).toEqual(['out/summary.md', 'out/results.json', 'out/results.csv'])
      expect(out.problems).toEqual([
        expect.stringMatching(
          /^perfgate: Could not write the HTML report out\/blocked\/x\.html: EEXIST: .* A regular file is in the way where a folder should be: move that file away, or point the `html` option at another folder\.$/,
        ),
      ])
      expect(out.failed).toEqual(['out/blocked/x.html'])
      expect(schemaProblem('results', JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8')))).toBeNull()
      expect(readFileSync(summary, 'utf8')).toBe(`${readFileSync(join(dir, 'out/summary.md'), 'utf8')}\n`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports nothing for a run without perfgate assertions', () => {
    const reports = new RunReports(resolveReportSettings({ json: 'x.json', baseRef: 'main' }, {}), tmpdir(), 'baselines', {}).begin()
    expect(reports.finish([], [])).toEqual({ files: [], problems: [], failed: [], changedBaselines: [] })
  })
})
