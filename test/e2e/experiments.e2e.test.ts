/**
 * Sweeps, op tables and toBeFasterThan end to end: Vitest itself runs a
 * fixture project with the perfgate plugin. A sweep records one baseline entry
 * per point with its op table (a generation sweep one per point too); swapping in a decoder with three times the
 * layers fails the gate, and the report names the operators that grew. The
 * models are written into the project here (the committed ones and variants
 * from the generator); effects are several times the fixture's 50% tolerance.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier, buildSlowDecoder, MODELS_DIR } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/sweep.perf.test.ts.json'

describe('experiments in a Vitest project', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('experiments')
    project.write('decoder.onnx', readFileSync(join(MODELS_DIR, 'tiny-gpt/model.onnx')))
    for (const f of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json', 'generation_config.json']) {
      project.write(`tiny-gpt/${f}`, readFileSync(join(MODELS_DIR, 'tiny-gpt', f)))
    }
    project.write('classifier.onnx', readFileSync(join(MODELS_DIR, 'classifier.onnx')))
    project.write('classifier-heavy.onnx', buildHeavyClassifier())
  })
  afterAll(() => project.remove())

  it('records one entry per sweep point, each with its op table; toBeFasterThan passes through the plugin', async () => {
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('4 new')
    const entries = JSON.parse(project.read(BASELINE)).entries
    expect(Object.keys(entries).sort()).toEqual(['decoder sweep 1 [past_sequence_length=15]', 'decoder sweep 1 [past_sequence_length=63]'])
    const e63 = entries['decoder sweep 1 [past_sequence_length=63]']
    expect(e63.options.dims).toEqual({ batch_size: 1, sequence_length: 1, past_sequence_length: 63, total_sequence_length: 64 })
    expect(e63.opProfile.byType.length).toBeGreaterThan(3)
    expect(e63.opProfile.byNode.length).toBeGreaterThan(3)
    const generation = JSON.parse(project.read('baselines/e2e/generation.perf.test.ts.json')).entries
    expect(Object.keys(generation).sort()).toEqual(['generation sweep 1 [maxNewTokens=4]', 'generation sweep 1 [maxNewTokens=8]'])
    expect(generation['generation sweep 1 [maxNewTokens=8]'].options.maxNewTokens).toBe(8)
  })

  it('a decoder with three times the layers fails every point, and the report lists the operators that grew', async () => {
    const before = project.read(BASELINE)
    project.write('decoder.onnx', buildSlowDecoder())
    const run = await project.vitest(['sweep'], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('points of the sweep over past_sequence_length failed')
    expect(run.output).toMatch(/"decoder sweep 1 \[past_sequence_length=15\]" regressed/)
    expect(run.output).toMatch(/latency\.p50 .*REGRESSED/)
    expect(run.output).toContain('Operators whose time grew most (onnxruntime profiler, ms per run):')
    expect(run.output).toMatch(/op type\s+baseline ms\/run\s+current ms\/run\s+change\s+change %/)
    expect(run.output).toMatch(/^(MatMul|FusedMatMul)\s+[\d.]+\s+[\d.]+\s+\+/m)
    expect(run.output).toMatch(/MatMul_h\.[2-5]\.\S+ \(MatMul\)\s+-\s+[\d.]+\s+\+[\d.]+\s+new/)
    expect(project.read(BASELINE)).toBe(before)
  })

  it('tsc accepts profile.sweep, profile.compare, toBeFasterThan and toRunFasterThan in a user project', async () => {
    const run = await project.node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { ci: false })
    expect(run.code, run.output).toBe(0)
  })
})
