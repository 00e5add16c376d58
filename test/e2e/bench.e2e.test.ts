/**
 * `vitest bench` (Vitest 4's benchmark mode) gated against the same kind of
 * baselines: a bench of real onnxruntime inference records, passes, then fails
 * on a model about 8x slower.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/model.bench.ts.json'
let project: FixtureProject
beforeAll(() => {
  project = createFixtureProject('bench-gate')
})
afterAll(() => project.remove())

it('records, passes and then fails a slower model under vitest bench', async () => {
  const record = await project.vitestBench({ ci: false })
  expect(record.code, record.output).toBe(0)
  expect(record.output).toContain('perfgate: 0 passed, 0 regressed, 1 new')
  const entry = JSON.parse(project.read(BASELINE)).entries['classifier > 128x128']
  expect(entry.metrics.throughput).toBeGreaterThan(0)
  expect(entry.samples.latency.length).toBeGreaterThan(8)

  const pass = await project.vitestBench({ ci: true })
  expect(pass.code, pass.output).toBe(0)
  expect(pass.output).toMatch(/^perfgate: \d passed, 0 regressed/m) // noise may make it unresolved or improved: both pass

  project.write('model.onnx', buildHeavyClassifier())
  const fail = await project.vitestBench({ ci: true })
  expect(fail.code, fail.output).toBe(1)
  expect(fail.output).toMatch(/REGRESSED {2}classifier > 128x128/)
  expect(fail.output).toMatch(/latency\.p50 .*REGRESSED/)
})

it('fails a missing bench baseline in CI', async () => {
  const fresh = createFixtureProject('bench-gate')
  try {
    const run = await fresh.vitestBench({ ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('1 missing')
    expect(run.output).toContain('Missing baselines (record them with `npx vitest run -u`')
  } finally {
    fresh.remove()
  }
})
