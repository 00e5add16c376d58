/**
 * The shape of the code, checked on the import graph that madge reads: no onnxruntime-node in the runtime
 * graph of the Vitest setup file, so that a test file that only asserts numbers does not load the native runtime.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import madge from 'madge'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

describe('the runtime graph of the Vitest setup file (dist/)', () => {
  const setup = `${ROOT}dist/vitest/setup.js`

  it('does not load onnxruntime-node or the model profiler', async () => {
    expect(existsSync(setup), 'dist/vitest/setup.js is missing: run `npm run build`').toBe(true)
    const graph = (await madge(setup, { baseDir: ROOT, includeNpm: true })).obj()
    const modules = [...new Set([...Object.keys(graph), ...Object.values(graph).flat()])]
    expect(modules).toContain('dist/vitest/matcher.js')
    expect(modules.filter((m) => m.startsWith('node_modules/onnxruntime') || m.startsWith('dist/measure/model/profile-model'))).toStrictEqual([])
  }, 60_000)
})

describe('ONNXRUNTIME_VERSION', () => {
  it('is the version onnxruntime-node reports, read without loading it', async () => {
    const { ONNXRUNTIME_VERSION } = await import('../../src/measure/run/onnxruntime-version.js')
    const ort = (await import('onnxruntime-node')).default
    expect(ONNXRUNTIME_VERSION).toMatch(/^\d+\.\d+\.\d+/)
    expect(ONNXRUNTIME_VERSION).toBe(ort.env.versions.node)
  })
})
