/** Writes the Markdown, HTML and JSON renderings of a results file that a CLI command was asked for. */
import { htmlReport } from '../report/html-report.js'
import { markdownReport } from '../report/markdown-report.js'
import type { ResultsFile } from '../types/index.js'
import type { CliIo } from './io.js'
import { writeOutputFile } from './output-files.js'

export interface ReportTargets {
  md?: string
  html?: string
  json?: string
}

/** false when a file could not be written (the message is on stderr). */
export function writeReportFiles(io: CliIo, results: ResultsFile, targets: ReportTargets, title: string): boolean {
  const renders: [keyof ReportTargets, () => string][] = [
    ['md', () => markdownReport(results, { title })],
    ['html', () => htmlReport(results, { title })],
    ['json', () => `${JSON.stringify(results, null, 2)}\n`],
  ]
  for (const [flag, render] of renders) {
    const path = targets[flag]
    if (path && !writeOutputFile(io, flag, path, render, true)) return false
  }
  return true
}
