/**
 * Gating text generation end to end: Vitest itself runs a fixture project
 * whose test profiles a real decoder with profile.generate and asserts
 * toBeWithinBaseline() on TTFT, TPOT, tokens per second and memory. The
 * steps build on each other (record, pass, regress); the slower decoder has
 * 24 layers instead of 2, more than ten times slower per token, far beyond
 * the fixture's tolerances (150%, TTFT p95 400%, tokens/s 70%), so timing
 * noise cannot flip the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tinyGptFiles } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/chat.perf.test.ts.json'
const KEY = 'tiny chat model 1'

function writeDecoder(project: FixtureProject, layers: number): void {
  for (const [rel, content] of tinyGptFiles('model', { layers })) project.write(rel, content)
}

describe('gating a language model in a Vitest project', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('generation-gate')
    writeDecoder(project, 2)
  })
  afterAll(() => project.remove())

  it('records a generation entry on the first local run', async () => {
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('1 new')
    const entry = JSON.parse(project.read(BASELINE)).entries[KEY]
    expect(entry.kind).toBe('generation')
    expect(entry.model.path).toBe('model/model.onnx')
    // 3 prompts x 8 passes, in each of the 3 measurements a new entry is recorded from (1 + confirm)
    expect(entry.runs).toBe(72)
    expect(entry.measurements).toMatchObject({ ttft: [24, 24, 24] })
    expect(entry.samples.ttft).toHaveLength(72)
    expect(entry.samples.tpot).toHaveLength(72)
    // 24 x 23 gaps per measurement, kept as 200 slice means each
    expect(entry.samples.itl).toHaveLength(600)
    expect(entry.measurements).toMatchObject({ itl: [200, 200, 200] })
    expect(entry.samples.tokensPerSecond).toHaveLength(72)
    for (const id of ['ttft.p95', 'tpot.p50', 'tokensPerSecond', 'memory.peakDeltaMB']) expect(entry.metrics).toHaveProperty([id])
    expect(entry.options).toMatchObject({ prompts: 3, maxNewTokens: 24, ignoreEos: true, runs: 8, warmup: 1, batchSize: 1 })
    expect(entry.testbed.intraOpNumThreads).toBe(1)
  })

  it('passes the unchanged model under CI and leaves the baseline as it was', async () => {
    const before = project.read(BASELINE)
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass
    expect(project.read(BASELINE)).toBe(before)
  })

  it('fails a slower decoder with the diff table of TTFT, TPOT, tokens/s and memory, and keeps the baseline', async () => {
    const before = project.read(BASELINE)
    writeDecoder(project, 24)
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/metric\s+baseline\s+current\s+change\s+change %\s+interval %\s+tolerance\s+verdict/)
    expect(run.output).toMatch(/ttft\.p95 .* ms /)
    expect(run.output).toMatch(/tpot\.p50 .*REGRESSED/)
    expect(run.output).toMatch(/tokensPerSecond .* tokens\/s .*REGRESSED/)
    expect(run.output).toMatch(/memory\.peakDeltaMB /)
    expect(run.output).toContain('model.sha256:')
    expect(run.output).toContain('npx vitest run -u')
    expect(run.output).toContain('perfgate: 0 passed, 1 regressed')
    expect(project.read(BASELINE)).toBe(before)
  })

  it('tsc accepts profile.generate and the matcher on its result in a user project', async () => {
    const run = await project.node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { ci: false })
    expect(run.code, run.output).toBe(0)
  })
})
