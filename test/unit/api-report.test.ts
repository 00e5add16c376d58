/**
 * The public surface of the built package (dist/*.d.ts of every package.json `exports` entry) must match the
 * checked-in api/perfgate.api.md, so that a change to the surface shows in review.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { apiReportPath, currentApiReport } from '../../scripts/api-report.js'

describe('the API report', () => {
  it('matches the built declaration files', () => {
    expect(existsSync(apiReportPath), 'api/perfgate.api.md is missing: run `npm run api:update`').toBe(true)
    const checkedIn = readFileSync(apiReportPath, 'utf8')
    const current = currentApiReport()
    expect(current, 'The public API differs from api/perfgate.api.md: if the change is intended, run `npm run api:update` and commit the file').toBe(checkedIn)
  })

  it('lists no internal plumbing', () => {
    const report = currentApiReport()
    expect(report).not.toMatch(/### PerfgateReporter |### WorkerConfig |### \w+1 \(/)
    expect(report).toContain('### LoadOptions (interface)')
  })
})
