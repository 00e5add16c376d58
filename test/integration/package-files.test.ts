/**
 * What `npm pack` ships (package.json `files`): what a user needs and nothing else. The built code without
 * source maps, the CLI, the schemas, the embedded models that the CLI's default and the calibration reference
 * load, README and LICENSE; not the model generator, tests or benchmarks. CONTRIBUTING.md states the size.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO } from '../docs/markdown.js'

interface Packed {
  size: number
  unpackedSize: number
  files: { path: string }[]
}

/** Where every shipped file may be. */
const ALLOWED = [
  /^dist\/.+\.(js|d\.ts)$/,
  /^bin\/perfgate\.js$/,
  /^schema\/[\w-]+\.schema\.json$/,
  /^bench\/models\/classifier\.onnx$/,
  /^bench\/models\/tiny-gpt\/[\w.]+$/,
  /^(README\.md|LICENSE|package\.json)$/,
]

/** What must be there: the entries, the CLI, the schemas the validators load, the models the code opens. */
const REQUIRED = [
  'dist/index.js',
  'dist/index.d.ts',
  'dist/vitest/index.js',
  'dist/vitest/index.d.ts',
  'dist/report/index.js',
  'dist/report/index.d.ts',
  'bin/perfgate.js',
  'schema/baseline.schema.json',
  'schema/results.schema.json',
  'schema/profile-result.schema.json',
  'bench/models/classifier.onnx',
  'bench/models/tiny-gpt/model.onnx',
  'bench/models/tiny-gpt/tokenizer.json',
  'README.md',
  'LICENSE',
]

describe('the packed package', () => {
  let packed: Packed
  beforeAll(() => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    packed = (JSON.parse(run.stdout) as Packed[])[0]!
  })

  it('holds only what a user needs', () => {
    const paths = packed.files.map((f) => f.path)
    expect(paths.filter((p) => !ALLOWED.some((re) => re.test(p)))).toEqual([])
    expect(REQUIRED.filter((p) => !paths.includes(p))).toEqual([])
  })

  it('ships no build output whose source is gone (a stale dist/)', () => {
    const stale = packed.files
      .map((f) => f.path)
      .filter((p) => p.startsWith('dist/'))
      .filter((p) => !existsSync(join(REPO, 'src', p.slice('dist/'.length).replace(/\.(js|d\.ts)$/, '.ts'))))
    expect(stale).toEqual([])
  })

  it('ships JavaScript that points to no source map (a map the package lacks makes Vite warn on every run)', () => {
    const pointing = packed.files
      .map((f) => f.path)
      .filter((p) => p.startsWith('dist/') && p.endsWith('.js'))
      .filter((p) => readFileSync(join(REPO, p), 'utf8').includes('sourceMappingURL'))
    expect(pointing).toEqual([])
  })

  it('stays small: under 3 MB packed (2.1 MB when this test was written, mostly the embedded decoder)', () => {
    expect(packed.size).toBeLessThan(3_000_000)
  })
})
