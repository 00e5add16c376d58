/**
 * The gate end to end: Vitest itself runs a fixture project that profiles a
 * real ONNX classifier with onnxruntime-node and asserts toBeWithinBaseline().
 * The steps build on each other (record, pass, regress, update), as a user's
 * project would; effects are far beyond the fixture's 50% tolerance (the slower
 * model is about 8x slower), so timing noise cannot flip them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/classifier.perf.test.ts.json'

describe('gating a classifier in a Vitest project', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('classifier-gate')
  })
  afterAll(() => project.remove())

  it('records the baseline on the first local run', async () => {
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('2 new')
    const file = JSON.parse(project.read(BASELINE))
    expect(Object.keys(file.entries).sort()).toEqual(['classifier 128x128 1', 'classifier bytes'])
    const entry = file.entries['classifier 128x128 1']
    expect(entry.kind).toBe('profile')
    expect(entry.model.path).toBe('model.onnx')
    expect(entry.testbed.intraOpNumThreads).toBe(1)
    expect(entry.samples.latency.length).toBeGreaterThanOrEqual(40)
    expect(entry.metrics['latency.p95']).toBeGreaterThan(0)
    expect(project.read(BASELINE).endsWith('}\n')).toBe(true)
  })

  it('passes an unchanged model and leaves the baseline as it was', async () => {
    const before = project.read(BASELINE)
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass
    expect(project.read(BASELINE)).toBe(before)
  })

  it('fails a slower model with the diff table, and keeps the baseline', async () => {
    const before = project.read(BASELINE)
    project.write('model.onnx', buildHeavyClassifier())
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/metric\s+baseline\s+current\s+change\s+change %\s+interval %\s+tolerance\s+verdict/)
    expect(run.output).toMatch(/latency\.p50 .*REGRESSED/)
    expect(run.output).toMatch(/throughput .*REGRESSED/)
    expect(run.output).toContain('model.sha256:')
    expect(run.output).toContain('npx vitest run -u')
    expect(run.output).toContain('perfgate: 0 passed, 1 regressed')
    expect(project.read(BASELINE)).toBe(before)
  })

  it('re-records with -u, after which the slower model passes', async () => {
    const before = project.read(BASELINE)
    const update = await project.vitest(['-u'], { ci: true })
    expect(update.code, update.output).toBe(0)
    expect(update.output).toContain('2 updated')
    expect(project.read(BASELINE)).not.toBe(before)
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m)
  })

  it('lists entries of a renamed test as obsolete, and -u removes them', async () => {
    const renamed = { FIXTURE_TEST_NAME: 'classifier renamed' }
    const run = await project.vitest([], { ci: false, env: renamed })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('Obsolete baseline entries')
    expect(run.output).toContain('classifier 128x128 1')
    expect(Object.keys(JSON.parse(project.read(BASELINE)).entries)).toContain('classifier 128x128 1')
    const update = await project.vitest(['-u'], { ci: false, env: renamed })
    expect(update.code, update.output).toBe(0)
    expect(Object.keys(JSON.parse(project.read(BASELINE)).entries).sort()).toEqual(['classifier bytes', 'classifier renamed 1'])
  })

  it('gates the bare number against its own baseline: within the tolerance passes, 8x regresses', async () => {
    const recorded = project.read(BASELINE)
    const withValue = (divide: number) => {
      const file = JSON.parse(recorded)
      file.entries['classifier bytes'].metrics.value /= divide
      project.write(BASELINE, `${JSON.stringify(file, null, 2)}\n`)
    }
    // the bare number alone, so that no timing decides the exit code
    const env = { FIXTURE_TEST_NAME: 'classifier renamed', FIXTURE_ONLY_BYTES: '1' }
    withValue(1.25)
    const within = await project.vitest([], { ci: false, env })
    expect(within.code, within.output).toBe(0)
    withValue(8)
    const bigger = await project.vitest([], { ci: false, env })
    expect(bigger.code, bigger.output).toBe(1)
    expect(bigger.output).toContain('"classifier bytes" regressed')
    project.write(BASELINE, recorded)
  })

  it('perfgate update re-records from the shell', async () => {
    project.write(BASELINE, project.read(BASELINE).replace(/"latency\.p95": [\d.]+/, '"latency.p95": 0.001'))
    const update = await project.perfgate(['update'], { ci: true, env: { FIXTURE_TEST_NAME: 'classifier renamed' } })
    expect(update.code, update.output).toBe(0)
    expect(JSON.parse(project.read(BASELINE)).entries['classifier renamed 1'].metrics['latency.p95']).toBeGreaterThan(0.001)
  })
})

describe('missing and broken baselines', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('classifier-gate')
  })
  afterAll(() => project.remove())

  it('fails a missing baseline under CI=true and says how to record it', async () => {
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('No baseline for "classifier 128x128 1" in baselines/e2e/classifier.perf.test.ts.json')
    expect(run.output).toContain('npx vitest run -u')
    expect(project.exists(BASELINE)).toBe(false)
  })

  it('reports a corrupt entry by file and field and leaves it untouched; a corrupt top level even with -u', async () => {
    const corrupt = '{\n  "entries": {\n    "classifier 128x128 1": { "test": 3 }\n  },\n  "perfgate": 1\n}\n'
    project.write(BASELINE, corrupt)
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('Invalid entry "classifier 128x128 1" in baseline file baselines/e2e/classifier.perf.test.ts.json')
    expect(run.output).toContain('field entries["classifier 128x128 1"].kind is missing')
    expect(run.output).not.toMatch(/^\s+at .*node_modules\/perfgate/m)
    expect(project.read(BASELINE)).toBe(corrupt)
    // a wrong top level cannot be repaired entry by entry: -u leaves it too
    const wrongTop = corrupt.replace('"perfgate": 1', '"perfgate": 2')
    project.write(BASELINE, wrongTop)
    for (const args of [[], ['-u']]) {
      const again = await project.vitest(args, { ci: false })
      expect(again.code, again.output).toBe(1)
      expect(again.output).toContain('Invalid baseline file baselines/e2e/classifier.perf.test.ts.json: field perfgate must be 1')
      expect(project.read(BASELINE)).toBe(wrongTop)
    }
  })

  it('reports a baseline that is not JSON and leaves it untouched', async () => {
    const conflict = '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> branch\n'
    project.write(BASELINE, conflict)
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('it is not valid JSON')
    expect(project.read(BASELINE)).toBe(conflict)
  })
})

describe('testbeds', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('classifier-gate')
  })
  afterAll(() => project.remove())

  it("never compares with another testbed's baseline: CI fails with a message naming both", async () => {
    const record = await project.vitest([], { ci: false, env: { PERFGATE_TESTBED: 'laptop' } })
    expect(record.code, record.output).toBe(0)
    expect(project.exists('baselines/laptop/classifier.perf.test.ts.json')).toBe(true)
    const run = await project.vitest([], { ci: true, env: { PERFGATE_TESTBED: 'ci-runner' } })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('No baseline for "classifier 128x128 1" on this testbed (ci-runner)')
    expect(run.output).toContain('baselines of this test file exist for laptop')
    expect(run.output).not.toMatch(/metric\s+baseline\s+current/)
    expect(project.exists('baselines/ci-runner/classifier.perf.test.ts.json')).toBe(false)
  })

  it("with missingTestbed: 'warn', a CI run on a new testbed passes and says so", async () => {
    project.write('vitest.config.ts', project.read('vitest.config.ts').replace('perfgate({', "perfgate({ missingTestbed: 'warn',"))
    const run = await project.vitest([], { ci: true, env: { PERFGATE_TESTBED: 'ci-runner' } })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('2 missing')
    expect(project.exists('baselines/ci-runner/classifier.perf.test.ts.json')).toBe(false)
  })
})

describe('types', () => {
  it('tsc accepts the matchers in a user project (module augmentation)', async () => {
    const project = createFixtureProject('classifier-gate')
    try {
      const run = await project.node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { ci: false })
      expect(run.code, run.output).toBe(0)
    } finally {
      project.remove()
    }
  })
})
