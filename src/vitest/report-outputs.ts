/**
 * The report files of a run, written by the reporter in the main process:
 * the Markdown summary (to a file and to $GITHUB_STEP_SUMMARY), the HTML
 * report, JSON and CSV results, and a line appended to the history file. It
 * also finds the baseline files that the change under test edits, before the
 * run writes any baseline, so the reports can flag them.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { displayPath } from '../baseline/store.js'
import { describeWriteFailure } from '../baseline/write-failure-hint.js'
import { DEFAULT_GATED_METRICS } from '../metrics/catalogue.js'
import { errorMessage } from '../errors.js'
import { htmlReport } from '../report/html-report.js'
import { markdownReport } from '../report/markdown-report.js'
import { resultsCsv } from '../report/results-csv.js'
import { changedFilesInHead, changedFilesSinceBase, currentCommit, resolveBaseRef } from '../results/git.js'
import { historyRecord } from '../results/history.js'
import { buildResultsFile } from '../results/results-file.js'
import type { GateRecord, MetricId } from '../types/index.js'
import type { PerfgateOptions } from './options.js'

export interface ReportSettings {
  markdown?: string
  stepSummary: boolean
  html?: string
  json?: string
  csv?: string
  history?: string
  baseRef?: string
  gatedMetrics: readonly MetricId[]
}

export function resolveReportSettings(o: PerfgateOptions, env: NodeJS.ProcessEnv): ReportSettings {
  return {
    markdown: o.markdown,
    stepSummary: o.stepSummary !== false,
    html: o.html,
    json: o.json,
    csv: o.csv,
    history: o.history,
    baseRef: resolveBaseRef(o.baseRef, env),
    gatedMetrics: o.metrics ?? DEFAULT_GATED_METRICS,
  }
}

export interface ReportsWritten {
  /** Files written, relative to the root where inside it. */
  files: string[]
  problems: string[]
  /** Report files that could not be written (each also has its message in `problems`): the run fails. */
  failed: string[]
  /** Baseline files the change edits, against the base ref. */
  changedBaselines: string[]
}

/** One run's reports: `begin()` before baselines are written, `finish()` after. */
export class RunReports {
  private changed: string[] = []
  private problems: string[] = []

  constructor(
    private readonly settings: ReportSettings,
    private readonly root: string,
    private readonly baselineDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  begin(): this {
    const base = this.settings.baseRef
    if (!base) return this
    const found = changedFilesSinceBase(this.root, base, this.baselineDir)
    if (found.ok) this.changed = found.files
    else this.problems.push(`perfgate: could not tell which baseline files this change edits against '${base}': ${found.reason}.`)
    return this
  }

  finish(records: readonly GateRecord[], written: readonly string[]): ReportsWritten {
    // a run without perfgate assertions has nothing to report
    if (records.length === 0) return { files: [], problems: [], failed: [], changedBaselines: [] }
    const out: ReportsWritten = { files: [], problems: [...this.problems], failed: [], changedBaselines: this.changed }
    const s = this.settings
    const wanted = s.markdown || s.html || s.json || s.csv || s.history || (s.stepSummary && this.env.GITHUB_STEP_SUMMARY)
    if (!wanted) return out
    const results = buildResultsFile(records, {
      createdAt: new Date(),
      commit: currentCommit(this.root, this.env),
      baseRef: s.baseRef,
      changedBaselines: s.baseRef ? this.changed : undefined,
    })
    const fail = (what: string, file: string, option: string, err: unknown) => {
      out.failed.push(file)
      out.problems.push(`perfgate: ${errorMessage('REPORT_WRITE_FAILED', { what, file, ...describeWriteFailure(err, option) })}`)
    }
    const write = (what: string, option: 'markdown' | 'html' | 'json' | 'csv' | 'history', text: () => string, append = false) => {
      const path = s[option]
      if (!path) return
      const file = resolve(this.root, path)
      try {
        mkdirSync(dirname(file), { recursive: true })
        if (append) appendFileSync(file, text())
        else writeFileSync(file, text())
        const shown = displayPath(this.root, file)
        out.files.push(shown.startsWith('..') ? file : shown)
      } catch (err) {
        fail(what, path, `the \`${option}\` option`, err)
      }
    }
    const markdown = markdownReport(results)
    write('Markdown summary', 'markdown', () => markdown)
    if (s.stepSummary && this.env.GITHUB_STEP_SUMMARY) {
      try {
        appendFileSync(this.env.GITHUB_STEP_SUMMARY, `${markdown}\n`)
      } catch (err) {
        fail('step summary (GITHUB_STEP_SUMMARY)', this.env.GITHUB_STEP_SUMMARY, 'GITHUB_STEP_SUMMARY', err)
      }
    }
    write('HTML report', 'html', () => htmlReport(results))
    write('JSON results', 'json', () => `${JSON.stringify(results, null, 2)}\n`)
    write('CSV results', 'csv', () => resultsCsv(results))
    write(
      'history',
      'history',
      () => {
        const changed = new Set([...written, ...changedFilesInHead(this.root, this.baselineDir)])
        const line = historyRecord(results, { ref: this.env.GITHUB_REF_NAME, changedBaselines: changed, gatedMetrics: s.gatedMetrics })
        return `${JSON.stringify(line)}\n`
      },
      true,
    )
    return out
  }
}
