/**
 * Writes (`--update`) or prints the API report of the built package: api/perfgate.api.md, from the `types` of each
 * package.json `exports` entry. test/unit/api-report.test.ts fails when the built surface differs from the file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { apiReport, type ApiEntry } from './api-surface.js'

const root = fileURLToPath(new URL('..', import.meta.url))
export const apiReportPath = `${root}api/perfgate.api.md`

/** The package entries that carry types, from package.json `exports`. */
export function packageEntries(): ApiEntry[] {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; exports: Record<string, { types?: string } | string> }
  return Object.entries(pkg.exports).flatMap(([sub, target]) =>
    typeof target === 'object' && target.types !== undefined
      ? [{ name: sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`, typesPath: `${root}${target.types.slice(2)}` }]
      : [],
  )
}

/** The report of the package as built now in dist/. */
export function currentApiReport(): string {
  return apiReport(packageEntries(), `${root}dist/`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = currentApiReport()
  if (process.argv.includes('--update')) writeFileSync(apiReportPath, report)
  else process.stdout.write(report)
}
