/**
 * `expect(r.latency.p95).toBeWithinBaseline()` end to end: the number came
 * from a profile in the same test, so it is recorded and gated with that
 * profile's latency samples, not as a bare number. The slower model is about
 * 8x slower, far beyond the fixture's 50% tolerance and any timing noise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/classifier.perf.test.ts.json'

describe('a number from a profile result, gated in a Vitest project', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('number-from-result')
  })
  afterAll(() => project.remove())

  it('is recorded with the samples of the result it came from', async () => {
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('1 new')
    const entry = JSON.parse(project.read(BASELINE)).entries['classifier p95 1']
    expect(entry.kind).toBe('profile')
    expect(Object.keys(entry.metrics)).toEqual(['latency.p95'])
    expect(entry.samples.latency.length).toBeGreaterThanOrEqual(40)
    expect(entry.model.path).toBe('model.onnx')
  })

  it('passes on an unchanged rerun', async () => {
    const before = project.read(BASELINE)
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass
    expect(project.read(BASELINE)).toBe(before)
  })

  it('refuses a better that contradicts the direction of the metric the number is, naming both', async () => {
    const before = project.read(BASELINE)
    const run = await project.vitest([], { ci: true, env: { FIXTURE_BETTER: 'higher' } })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain(
      "Invalid option toBeWithinBaseline({ better }): got 'higher', expected no better, or 'lower': the number is latency.p95 of profile(model.onnx)",
    )
    expect(project.read(BASELINE)).toBe(before)
  })

  it('keeps an entry recorded from a bare number a bare number until -u re-records it with samples', async () => {
    const file = JSON.parse(project.read(BASELINE))
    const entry = file.entries['classifier p95 1']
    // as an older perfgate recorded it, with a value far below any real p95: the bare-number rule fails it
    file.entries['classifier p95 1'] = { test: entry.test, kind: 'value', better: 'lower', metrics: { value: 0.001 }, samples: {}, testbed: entry.testbed }
    project.write(BASELINE, JSON.stringify(file, null, 2) + '\n')
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/value .*REGRESSED/)
    expect(run.output).toContain('was recorded from a bare number, so this number (latency.p95 of profile(model.onnx)) was gated as one')
    const update = await project.vitest(['-u'], { ci: true })
    expect(update.code, update.output).toBe(0)
    const rerecorded = JSON.parse(project.read(BASELINE)).entries['classifier p95 1']
    expect(rerecorded.kind).toBe('profile')
    expect(Object.keys(rerecorded.metrics)).toEqual(['latency.p95'])
  })

  it('fails a model 8x slower, saying which samples it gated with', async () => {
    project.write('model.onnx', buildHeavyClassifier())
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/latency\.p95 .*REGRESSED/)
    expect(run.output).toContain('gated with the samples of latency.p95 of profile(model.onnx)')
    expect(run.output).toContain('perfgate: 0 passed, 1 regressed')
  })
})
