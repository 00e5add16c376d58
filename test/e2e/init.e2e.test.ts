/**
 * `perfgate init` end to end: a fresh npm project (CommonJS, as `npm init`
 * makes it) with perfgate installed and a model copied in; init writes the perf
 * config, an example test, .npmrc, tsconfig and the workflow; the user replaces
 * the placeholder sizes, as init tells them to; then the project's own Vitest
 * records on the first run and passes on the second (CI=true), and tsc accepts
 * the test's matcher. A second init changes nothing.
 */
import { copyFileSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixtureProject, E2E_TESTBED, REPO, type FixtureProject } from './fixture-project.js'

const CREATED = ['vitest.config.mts', 'perf/classifier.perf.test.ts', '.npmrc', 'tsconfig.json', '.github/workflows/perf.yml']
const BASELINE = `baselines/${E2E_TESTBED}/perf/classifier.perf.test.ts.json`

describe('perfgate init in a fresh project', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('init-project')
    project.write('models/classifier.onnx', new Uint8Array())
    copyFileSync(join(REPO, 'bench/models/classifier.onnx'), project.path('models/classifier.onnx'))
  })
  afterAll(() => project.remove())

  it('writes every file, fills dims from the model and marks the placeholders', async () => {
    const run = await project.perfgate(['init', '--model', 'models/classifier.onnx'], { ci: false })
    expect(run.code, run.output).toBe(0)
    for (const file of CREATED) expect(project.exists(file), file).toBe(true)
    const test = project.read('perf/classifier.perf.test.ts')
    expect(test).toContain("profile('models/classifier.onnx'")
    expect(test).toContain('batch: 1, // the batch size')
    expect(test).toMatch(/height: 640, \/\/ PLACEHOLDER: /)
    expect(project.read('.github/workflows/perf.yml')).toContain('run: npx vitest run --project perf')
    expect(run.stdout).toContain('"type": "module"')
    expect(JSON.parse(project.read('package.json'))).not.toHaveProperty('type') // an existing file is never written
  })

  it('records on the first `vitest run` and passes on the second (`--project perf`, CI=true)', async () => {
    // what the user does: production sizes in place of the placeholders (small here, to keep the run short)
    project.write('perf/classifier.perf.test.ts', project.read('perf/classifier.perf.test.ts').replace(/: 640,/g, ': 64,'))
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    expect(first.output).toContain('1 new')
    expect(first.output).not.toContain('ESM syntax in a file loaded as CommonJS') // the config is .mts in a CommonJS package
    expect(JSON.parse(project.read(BASELINE)).entries).toHaveProperty(['classifier 1'])
    const second = await project.vitest(['--project', 'perf'], { ci: true })
    expect(second.code, second.output).toBe(0)
    expect(second.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass
  })

  it('type-checks the generated test with the generated tsconfig (toBeWithinBaseline is known)', async () => {
    const tsc = await project.node([join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { ci: false })
    expect(tsc.code, tsc.output).toBe(0)
  })

  it('a second init writes nothing and says so', async () => {
    const before = CREATED.map((f) => project.read(f))
    const files = readdirSync(project.dir, { recursive: true }).length
    const run = await project.perfgate(['init', '--model', 'models/classifier.onnx'], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.stdout).toContain('No file written: every file perfgate init creates exists already.')
    expect(run.stdout).not.toMatch(/^\s+created/m)
    expect(CREATED.map((f) => project.read(f))).toEqual(before)
    expect(readdirSync(project.dir, { recursive: true }).length).toBe(files)
  })
})

const install = process.env.PERFGATE_VITEST5_DIR
const nodeBin = install ? join(install, 'node_modules/.bin/node') : ''
const vitest5 = !!install && existsSync(nodeBin) && existsSync(join(install, 'node_modules/perfgate'))

describe.skipIf(!vitest5)('perfgate init with Vitest 5 on Node 24 (PERFGATE_VITEST5_DIR, prepared by .ci/run)', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('init-project', { modules: join(install!, 'node_modules'), nodeBin })
    project.write('models/classifier.onnx', new Uint8Array())
    copyFileSync(join(REPO, 'bench/models/classifier.onnx'), project.path('models/classifier.onnx'))
  })
  afterAll(() => project?.remove())

  it('gives a project whose first run records and whose second passes', async () => {
    const init = await project.perfgate(['init', '--model', 'models/classifier.onnx'], { ci: false })
    expect(init.code, init.output).toBe(0)
    project.write('perf/classifier.perf.test.ts', project.read('perf/classifier.perf.test.ts').replace(/: 640,/g, ': 64,'))
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    expect(first.output).toContain('1 new')
    const second = await project.vitest(['--project', 'perf'], { ci: true })
    expect(second.code, second.output).toBe(0)
    expect(second.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass
  })
})
