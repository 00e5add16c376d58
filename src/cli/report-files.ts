/** Writes the Markdown, HTML and JSON renderings of a results file that a CLI command was asked for. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { htmlReport } from '../report/html-report.js'
import { markdownReport } from '../report/markdown-report.js'
import type { ResultsFile } from '../types/index.js'
import type { CliIo } from './io.js'

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
    if (!path) continue
    try {
      const file = resolve(io.cwd, path)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, render())
      io.stderr.write(`perfgate: wrote ${path}\n`)
    } catch (err) {
      io.stderr.write(`perfgate: could not write --${flag} ${path}: ${(err as Error).message}. Check that its folder is writable.\n`)
      return false
    }
  }
  return true
}
