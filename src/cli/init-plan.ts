/**
 * What `perfgate init` does to a project, decided from the files it has:
 * a file that is missing is created; a file that exists is never written,
 * only checked: already set up, or the lines to add are shown. Running the
 * plan twice therefore changes nothing the second time. Pure.
 */
import type { FreeDim } from '../measure/inputs/dims-hints.js'
import {
  npmrc,
  NPMRC_LINE,
  PERF_COMMAND,
  perfConfigFile,
  PERF_PROJECTS,
  PERF_TEST_DIR,
  perfConfig,
  VITEST_CONFIG_FILES,
  perfTest,
  tsconfig,
  TYPES_ENTRY,
  workflow,
  WORKFLOW_FILE,
} from './init-templates.js'

export type InitStep =
  /** A missing file, to be created with `content`. */
  | { kind: 'create'; file: string; content: string; why: string }
  /** A file that already does its part. */
  | { kind: 'present'; file: string; why: string }
  /** A file that exists and lacks something: `add` says what, perfgate init leaves the file as it is. */
  | { kind: 'suggest'; file: string; add: string; why: string }

/** The model the example test profiles: its path from the project root (forward slashes) and its free dimensions. */
export interface InitModel {
  path: string
  dims: readonly Pick<FreeDim, 'key' | 'value' | 'known' | 'advice'>[]
  /** Its inputs as text, e.g. `pixel_values float32[batch, 3, height, width]`. */
  inputs: readonly string[]
}

/** The project's relevant files as they are now: contents by path, absent when the file does not exist. */
export type ProjectFiles = Readonly<Record<string, string | undefined>>

/** The files `plan` looks at, for a model at `model` (or none). */
export function filesToRead(model?: string): string[] {
  return ['package.json', '.npmrc', 'tsconfig.json', ...VITEST_CONFIG_FILES, WORKFLOW_FILE, ...(model ? [perfTestFile(model)] : [])]
}

/** `perf/<model name>.perf.test.ts`. */
export function perfTestFile(modelPath: string): string {
  const stem = (modelPath.split('/').pop() ?? 'model').replace(/\.onnx$/i, '').replace(/[^\w.-]+/g, '-') || 'model'
  return `${PERF_TEST_DIR}/${stem}.perf.test.ts`
}

function fileStep(files: ProjectFiles, file: string, content: string, why: string, present: (text: string) => boolean, add: string): InitStep {
  const text = files[file]
  if (text === undefined) return { kind: 'create', file, content, why }
  return present(text) ? { kind: 'present', file, why } : { kind: 'suggest', file, add, why }
}

/** The `types` entry of an existing tsconfig: present, or the line to add. */
function tsconfigStep(files: ProjectFiles): InitStep {
  const why = 'toBeWithinBaseline() is known to TypeScript in every test file'
  const text = files['tsconfig.json']
  if (text === undefined) return { kind: 'create', file: 'tsconfig.json', content: tsconfig(), why }
  // a tsconfig may hold comments and trailing commas (JSONC): look for the entry as text
  if (text.includes(`"${TYPES_ENTRY}"`)) return { kind: 'present', file: 'tsconfig.json', why }
  const types = /"types"\s*:\s*\[([^\]]*)\]/.exec(text)
  const existing = types ? types[1]!.trim() : ''
  const add = types
    ? `"types": [${existing === '' ? '' : `${existing}, `}"${TYPES_ENTRY}"]   (in compilerOptions, replacing "types": [${existing}])`
    : `"types": ["node", "${TYPES_ENTRY}"]   (in compilerOptions; list there every other @types package your code uses: "types" turns off loading them all)`
  return { kind: 'suggest', file: 'tsconfig.json', add, why }
}

/**
 * The Vitest config: created where the project has none; where it has one (a vite.config.* too, which
 * Vitest reads when there is no vitest.config.*), the plugin and the projects to add to it.
 */
function configStep(files: ProjectFiles, esm: boolean): InitStep {
  const why = `the perf tests run with the perfgate plugin in the \`perf\` project: ${PERF_COMMAND}`
  const existing = VITEST_CONFIG_FILES.find((f) => files[f] !== undefined)
  if (existing === undefined) return { kind: 'create', file: perfConfigFile(esm), content: perfConfig(), why }
  const text = files[existing]!
  if (text.includes('perfgate(') && /name:\s*['"]perf['"]/.test(text)) return { kind: 'present', file: existing, why }
  const add =
    "import { perfgate } from 'perfgate/vitest'  and  configDefaults  from 'vitest/config'\n" +
    `                  test: {\n${PERF_PROJECTS.split('\n')
      .map((l) => `                  ${l}`)
      .join('\n')}\n                  },`
  return { kind: 'suggest', file: existing, add, why }
}

function isEsm(files: ProjectFiles): boolean {
  return (JSON.parse(files['package.json'] ?? '{}') as { type?: unknown }).type === 'module'
}

function packageJsonStep(files: ProjectFiles): InitStep {
  if (isEsm(files)) return { kind: 'present', file: 'package.json', why: '"type": "module": the config and tests are ES modules' }
  return {
    kind: 'suggest',
    file: 'package.json',
    add: '"type": "module"   (optional: the config is written as vitest.config.mts, an ES module in a CommonJS package too; init leaves package.json to you, since "type" changes how every .js file of the project is loaded)',
    why: 'the package is CommonJS',
  }
}

/** The steps for a project with `files`, and an example test of `model` when given. */
export function planInit(files: ProjectFiles, model?: InitModel): InitStep[] {
  const steps: InitStep[] = [configStep(files, isEsm(files))]
  if (model) {
    const file = perfTestFile(model.path)
    const stem = file.slice(PERF_TEST_DIR.length + 1, -'.perf.test.ts'.length)
    const placeholders = model.dims.filter((d) => !d.known).length
    const why = `profiles ${model.path}${placeholders > 0 ? `; replace the ${placeholders} PLACEHOLDER dims value${placeholders === 1 ? '' : 's'} with your production sizes` : ''}`
    steps.push(fileStep(files, file, perfTest(model.path, stem, model.dims, model.inputs), why, () => true, ''))
  }
  steps.push(
    fileStep(
      files,
      '.npmrc',
      npmrc(),
      "npm does not run onnxruntime-node's GPU download",
      (t) => t.split(/\r?\n/).some((l) => l.trim() === NPMRC_LINE),
      NPMRC_LINE,
    ),
    tsconfigStep(files),
    fileStep(
      files,
      WORKFLOW_FILE,
      workflow(),
      'pull requests run the perf gate',
      (t) => t.includes('--project perf'),
      `a step that runs: CI=true ${PERF_COMMAND}`,
    ),
    packageJsonStep(files),
  )
  return steps
}
