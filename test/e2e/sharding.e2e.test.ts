/**
 * Sharded runs: each shard gates its files and writes a blob report; the
 * merge prints one summary and writes the baselines once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

let project: FixtureProject
beforeAll(() => {
  project = createFixtureProject('parallel-files')
  const template = project.read('perf.template.ts')
  for (const f of ['a.perf.test.ts', 'b.perf.test.ts']) project.write(f, template)
})
afterAll(() => project.remove())

it('two shards with blob reports, merged, give one summary and one baseline update', async () => {
  for (const shard of ['1/2', '2/2']) {
    const run = await project.vitest([`--shard=${shard}`, '--reporter=blob'], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('perfgate: shard results are in the blob report')
    expect(run.output).not.toContain('Baselines written')
  }
  expect(project.exists('baselines/e2e/a.perf.test.ts.json')).toBe(false)
  const merged = await project.vitest(['--merge-reports'], { ci: false })
  expect(merged.code, merged.output).toBe(0)
  expect(merged.output.match(/^perfgate: /gm)).toHaveLength(1)
  expect(merged.output).toContain('perfgate: 0 passed, 0 regressed, 4 new')
  expect(merged.output).toContain('Baselines written: baselines/e2e/a.perf.test.ts.json, baselines/e2e/b.perf.test.ts.json')
  for (const f of ['a', 'b']) {
    const entries = Object.keys(JSON.parse(project.read(`baselines/e2e/${f}.perf.test.ts.json`)).entries).sort()
    expect(entries).toEqual([`model bytes in ${f}.perf.test.ts`, `profile in ${f}.perf.test.ts 1`])
  }
})
