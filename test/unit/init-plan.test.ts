import { describe, expect, it } from 'vitest'
import { filesToRead, type InitModel, type InitStep, perfTestFile, planInit, type ProjectFiles } from '../../src/cli/init-plan.js'
import { jsString, perfTest } from '../../src/cli/init-templates.js'
import { freeDims } from '../../src/measure/inputs/dims-hints.js'

const MODEL: InitModel = {
  path: 'models/det.onnx',
  dims: freeDims([{ name: 'x', type: 'float32', shape: ['batch', 3, 'height', 'width'] }]),
  inputs: ['x float32[batch, 3, height, width]'],
}
const FRESH: ProjectFiles = { 'package.json': '{ "name": "p" }' }

function kinds(steps: readonly InitStep[]): string[] {
  return steps.map((s) => `${s.kind} ${s.file}`)
}

/** The project after a run of `steps`: created files added. */
function applied(files: ProjectFiles, steps: readonly InitStep[]): ProjectFiles {
  return { ...files, ...Object.fromEntries(steps.flatMap((s) => (s.kind === 'create' ? [[s.file, s.content]] : []))) }
}

describe('planInit', () => {
  it('creates every missing file of a fresh project, and only suggests for package.json, which exists', () => {
    expect(kinds(planInit(FRESH, MODEL))).toEqual([
      'create vitest.config.mts',
      'create perf/det.perf.test.ts',
      'create .npmrc',
      'create tsconfig.json',
      'create .github/workflows/perf.yml',
      'suggest package.json',
    ])
    expect(filesToRead(MODEL.path)).toContain('perf/det.perf.test.ts')
    expect(filesToRead()).toContain('vite.config.mts')
  })

  it('is idempotent: planned again on the project it made, it creates nothing', () => {
    const once = planInit(FRESH, MODEL)
    expect(kinds(planInit(applied(FRESH, once), MODEL))).toEqual([
      'present vitest.config.mts',
      'present perf/det.perf.test.ts',
      'present .npmrc',
      'present tsconfig.json',
      'present .github/workflows/perf.yml',
      'suggest package.json',
    ])
  })

  it('writes the config as vitest.config.ts in an ES-module package, .mts in a CommonJS one (no warning from Vite)', () => {
    expect(kinds(planInit({ 'package.json': '{ "type": "module" }' })).filter((k) => k.includes('vitest.config'))).toEqual(['create vitest.config.ts'])
    expect(kinds(planInit({ 'package.json': '{ "type": "module" }' })).at(-1)).toBe('present package.json')
  })

  it('where a config exists, even one Vitest reads in place of a new vitest.config.ts, it is left as it is', () => {
    expect(kinds(planInit({ ...FRESH, 'vite.config.mts': 'export default {}\n' }))[0]).toBe('suggest vite.config.mts')
  })

  it('never writes an existing file: it says what to add to it', () => {
    const files = {
      'package.json': '{ "type": "module" }',
      '.npmrc': 'save-exact=true\n',
      'tsconfig.json': '{ "compilerOptions": { "types": ["node"] } }',
      'vite.config.ts': 'export default {}\n',
      '.github/workflows/perf.yml': 'name: perf\n',
    }
    const steps = planInit(files)
    expect(kinds(steps)).toEqual([
      'suggest vite.config.ts',
      'suggest .npmrc',
      'suggest tsconfig.json',
      'suggest .github/workflows/perf.yml',
      'present package.json',
    ])
    const add = Object.fromEntries(steps.flatMap((s) => (s.kind === 'suggest' ? [[s.file, s.add]] : [])))
    expect(add['.npmrc']).toBe('onnxruntime-node-install=skip')
    expect(add['vite.config.ts']).toContain("{ extends: true, plugins: [perfgate()], test: { name: 'perf', include: ['**/*.perf.test.ts'] } },")
    expect(add['tsconfig.json']).toBe('"types": ["node", "perfgate/vitest"]   (in compilerOptions, replacing "types": ["node"])')
    expect(add['.github/workflows/perf.yml']).toBe('a step that runs: CI=true npx vitest run --project perf')
  })

  it('a tsconfig without types gets the entry with a warning about what "types" turns off', () => {
    const step = planInit({ ...FRESH, 'tsconfig.json': '{ "compilerOptions": {} }' }).find((s) => s.file === 'tsconfig.json')
    expect(step).toMatchObject({ kind: 'suggest' })
    expect(step?.kind === 'suggest' && step.add).toContain('"types" turns off loading them all')
  })
})

describe('the example perf test', () => {
  it('is named after the model, and profiles it with its dims, placeholders marked', () => {
    expect(perfTestFile('models/det.onnx')).toBe('perf/det.perf.test.ts')
    expect(perfTestFile('my model (v2).ONNX')).toBe('perf/my-model-v2-.perf.test.ts')
    expect(perfTest(MODEL.path, 'det', MODEL.dims, MODEL.inputs)).toBe(
      [
        "import { profile } from 'perfgate'",
        "import { expect, test } from 'vitest'",
        '',
        '// input x float32[batch, 3, height, width]',
        "test('det', async () => {",
        "  const result = await profile('models/det.onnx', {",
        '    // PLACEHOLDER values (2): put the sizes your production traffic has',
        '    dims: {',
        '      batch: 1, // the batch size: 1 for one request at a time',
        "      height: 640, // PLACEHOLDER: an image side: pick your production size (a detector's side is often a multiple of 32)",
        "      width: 640, // PLACEHOLDER: an image side: pick your production size (a detector's side is often a multiple of 32)",
        '    },',
        '    // one onnxruntime thread: steadier figures on shared CI runners',
        '    session: { intraOpNumThreads: 1 },',
        '  })',
        '  // every gated metric against the baseline recorded by the first run',
        '  expect(result).toBeWithinBaseline()',
        '})',
        '',
      ].join('\n'),
    )
  })

  it('quotes paths and names as JavaScript strings', () => {
    expect(jsString("it's\\here")).toBe("'it\\'s\\\\here'")
  })
})
