/**
 * Eight test files in parallel Vitest workers: every entry lands in its own
 * baseline file with nothing lost, and the measurements never overlap in time.
 */
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const FILES = Array.from({ length: 8 }, (_, i) => `perf-${i + 1}.perf.test.ts`)

let project: FixtureProject
beforeAll(() => {
  project = createFixtureProject('parallel-files')
  const template = project.read('perf.template.ts')
  for (const f of FILES) project.write(f, template)
})
afterAll(() => project.remove())

it('records every entry of eight parallel files, and the measurements never overlap', async () => {
  const run = await project.vitest([], { ci: false })
  expect(run.code, run.output).toBe(0)
  expect(run.output).toContain('16 new')
  for (const f of FILES) {
    const entries = JSON.parse(project.read(`baselines/e2e/${f}.json`)).entries
    expect(Object.keys(entries).sort()).toEqual([`model bytes in ${f}`, `profile in ${f} 1`])
  }
  const windows = readdirSync(project.path('windows')).map((w) => JSON.parse(project.read(`windows/${w}`)) as { start: number; end: number; pid: number })
  expect(windows).toHaveLength(8)
  expect(new Set(windows.map((w) => w.pid)).size, 'the files ran in more than one worker process').toBeGreaterThan(1)
  windows.sort((a, b) => a.start - b.start)
  for (let i = 1; i < windows.length; i++) expect(windows[i]!.start).toBeGreaterThanOrEqual(windows[i - 1]!.end)

  const again = await project.vitest([], { ci: true })
  expect(again.code, again.output).toBe(0)
  expect(again.output).toMatch(/^perfgate: \d+ passed( \([^)]*\))?, 0 regressed/m)
  expect(again.output).not.toContain('missing')
})
