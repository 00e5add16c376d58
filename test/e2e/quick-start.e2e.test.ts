/**
 * The README's quick start, verbatim except for the model path: its vitest.config.ts and model.perf.test.ts in a
 * fresh project (test/fixtures/quick-start: package.json with "type": "module", the .npmrc line) with the built
 * perfgate installed. The first `vitest run` records, the second compares, `--project perf` (the CI recipe) finds
 * the perf project, and a model ten times heavier fails the gate in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { blocksOf } from '../docs/markdown.js'
import { createFixtureProject, REPO, type FixtureProject } from './fixture-project.js'

const MODEL_LINE = "const model = 'node_modules/perfgate/bench/models/classifier.onnx'"

function readmeFile(name: string): string {
  const block = blocksOf('README.md').find((b) => b.fileName === name)
  if (!block) throw new Error(`README.md has no \`// ${name}\` block`)
  return `${block.body}\n`
}

describe("the README's quick start", () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('quick-start')
    project.write('vitest.config.ts', readmeFile('vitest.config.ts'))
    const test = readmeFile('model.perf.test.ts')
    expect(test).toContain(MODEL_LINE)
    // the one edit the README asks for: the user's own model (here a copy, so that it can be made heavier below)
    project.write('model.perf.test.ts', test.replace(MODEL_LINE, "const model = 'model.onnx'"))
    project.write('model.onnx', readFileSync(join(REPO, 'bench/models/classifier.onnx')))
  })
  afterAll(() => project?.remove())

  it('records on the first run and compares on the second; --project perf runs the perf test; a heavier model fails in CI', async () => {
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    expect(first.output).toMatch(/^perfgate: .*1 new/m)
    // both projects extend the config with the plugin: still one summary for the run
    expect(first.output.match(/^perfgate: \d+ passed/gm)).toHaveLength(1)
    expect(project.exists('baselines/e2e/model.perf.test.ts.json')).toBe(true)

    const second = await project.vitest(['--project', 'perf'], { ci: true })
    expect(second.output).toMatch(/^perfgate: \d+ passed( \([^)]*\))?, \d+ regressed/m)
    expect(second.output).not.toMatch(/\d+ new|No baseline/)
    // an unchanged model may still be judged a regression by noise; anything else failing is the quick start's fault
    if (second.code !== 0) expect(second.output).toContain('REGRESSED')

    project.write('model.onnx', buildHeavyClassifier())
    const heavier = await project.vitest(['--project', 'perf'], { ci: true })
    expect(heavier.code, heavier.output).toBe(1)
    expect(heavier.output).toMatch(/latency\.p50 .*REGRESSED/)
  })
})

// the packed package (.ci/setup-vitest5.sh packs it, as a user's tarball install gets it) on Vitest 5: the files as they are, model path included
const install = process.env.PERFGATE_VITEST5_DIR
const nodeBin = install ? join(install, 'node_modules/.bin/node') : ''
const packed = !!install && existsSync(nodeBin) && existsSync(join(install, 'node_modules/perfgate'))
describe.runIf(packed)("the README's quick start, verbatim, with the packed perfgate on Vitest 5", () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('quick-start', { modules: join(install!, 'node_modules'), nodeBin })
    project.write('vitest.config.ts', readmeFile('vitest.config.ts'))
    project.write('model.perf.test.ts', readmeFile('model.perf.test.ts'))
  })
  afterAll(() => project?.remove())

  it('records on the first run and compares on the second', async () => {
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    expect(first.output).toMatch(/^perfgate: .*1 new/m)
    // both projects extend the config with the plugin: still one summary for the run
    expect(first.output.match(/^perfgate: \d+ passed/gm)).toHaveLength(1)
    const second = await project.vitest(['--project', 'perf'], { ci: true })
    expect(second.output).toMatch(/^perfgate: \d+ passed( \([^)]*\))?, \d+ regressed/m)
    if (second.code !== 0) expect(second.output).toContain('REGRESSED')
  })
})
