/** The files `perfgate init` writes, as text. Pure. */
import { dimsLiteralCommented, type FreeDim } from '../measure/inputs/dims-hints.js'

/**
 * The Vitest config with the plugin and a `perf` project: `.ts` in an ES-module package, `.mts` in a
 * CommonJS one (Vite warns, once per project, about ESM syntax in a `.ts` config loaded as CommonJS).
 */
export function perfConfigFile(esm: boolean): string {
  return esm ? 'vitest.config.ts' : 'vitest.config.mts'
}
/** Configs Vitest would read instead of (or before) a new vitest.config.ts: where one exists, init only suggests. */
export const VITEST_CONFIG_FILES = [
  'vitest.config.ts',
  'vitest.config.mts',
  'vitest.config.cts',
  'vitest.config.js',
  'vitest.config.mjs',
  'vitest.config.cjs',
  'vite.config.ts',
  'vite.config.mts',
  'vite.config.cts',
  'vite.config.js',
  'vite.config.mjs',
  'vite.config.cjs',
] as const
export const PERF_TEST_DIR = 'perf'
/** The command that runs the perf tests alone (the workflow and the next steps use it). */
export const PERF_COMMAND = 'npx vitest run --project perf'
export const WORKFLOW_FILE = '.github/workflows/perf.yml'
export const NPMRC_LINE = 'onnxruntime-node-install=skip'
export const TYPES_ENTRY = 'perfgate/vitest'

/** A JavaScript string literal in single quotes. */
export function jsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}

/**
 * The projects of the config: `unit` keeps Vitest's defaults without the perf tests; `perf` runs them with
 * the plugin, which sits in that project (Vitest 5 does not hand a root plugin's setup file to projects).
 */
export const PERF_PROJECTS = `    projects: [
      { extends: true, test: { name: 'unit', exclude: [...configDefaults.exclude, '**/*.perf.test.ts'] } },
      { extends: true, plugins: [perfgate()], test: { name: 'perf', include: ['**/*.perf.test.ts'] } },
    ],`

export function perfConfig(): string {
  return `// Perf tests are *.perf.test.ts files, in the \`perf\` project: ${PERF_COMMAND}
// (\`npx vitest run\` runs them with the unit tests). The first run records the baselines (commit them);
// later runs fail on a regression. In CI (CI=true) a missing baseline fails instead of being recorded.
import { perfgate } from 'perfgate/vitest'
import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
${PERF_PROJECTS}
  },
})
`
}

/** The example test of a model at `modelPath` (relative to the project, forward slashes). */
export function perfTest(
  modelPath: string,
  testName: string,
  dims: readonly Pick<FreeDim, 'key' | 'value' | 'known' | 'advice'>[],
  inputs: readonly string[],
): string {
  const placeholders = dims.filter((d) => !d.known).length
  const dimsLines =
    dims.length === 0
      ? ''
      : `    // ${placeholders === 0 ? 'every free dimension of the inputs' : `PLACEHOLDER values (${placeholders}): put the sizes your production traffic has`}\n` +
        `    dims: ${dimsLiteralCommented(dims, '    ')},\n`
  return `import { profile } from 'perfgate'
import { expect, test } from 'vitest'

${inputs.map((i) => `// input ${i}`).join('\n')}
test(${jsString(testName)}, async () => {
  const result = await profile(${jsString(modelPath)}, {
${dimsLines}    // one onnxruntime thread: steadier figures on shared CI runners
    session: { intraOpNumThreads: 1 },
  })
  // every gated metric against the baseline recorded by the first run
  expect(result).toBeWithinBaseline()
})
`
}

export function npmrc(): string {
  return `# onnxruntime-node's install script would download GPU libraries that CPU profiling does not need
${NPMRC_LINE}
`
}

/** A tsconfig for a project that has none: type-checks the perf tests (and their matcher) without emitting anything. */
export function tsconfig(): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        noEmit: true,
        types: [TYPES_ENTRY],
      },
    },
    null,
    2,
  )}\n`
}

export function workflow(): string {
  return `# The perf gate on pull requests: a regression against the committed baselines fails the job.
# Baselines belong to the machine they were measured on (its "testbed"): record this runner's
# baselines on the runner (run \`npx perfgate update --project perf\` there, e.g. from a workflow_dispatch job) and commit them.
name: perf
on:
  pull_request:

permissions:
  contents: read

jobs:
  perf:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - name: Perf tests (fail on a regression or a missing baseline)
        run: ${PERF_COMMAND} --reporter=default --reporter=github-actions
        env:
          CI: true
`
}
