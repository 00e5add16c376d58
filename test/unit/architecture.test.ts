/**
 * The shape of the code (DESIGN.md, "Shape of the code"), checked on the import graph that madge reads:
 * no import cycle, type-only imports included; no cycle between the folders of src/; no module importing
 * from a layer above its own; and no onnxruntime-node in the runtime graph of the Vitest setup file, so
 * that a test file that only asserts numbers does not load the native runtime.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import madge from 'madge'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** bottom: pure statistics, shared types, metric definitions and their maths, the error dictionary; middle: I/O and decisions; top: wiring. */
const LAYERS: Readonly<Record<string, number>> = {
  stats: 0,
  types: 0,
  metrics: 0,
  'errors.ts': 0,
  'message-values.ts': 0,
  'endpoint-messages.ts': 0,
  'messages-setup.ts': 0,
  measure: 1,
  baseline: 1,
  compare: 1,
  report: 1,
  results: 1,
  options: 1,
  locks: 1,
  serve: 1,
  vitest: 2,
  cli: 2,
  'index.ts': 2,
}

/** The top folder (or file) of src/ a module belongs to. */
function area(module: string): string {
  return module.split('/')[0]!
}

function layerOf(module: string): number {
  const layer = LAYERS[area(module)]
  if (layer === undefined) throw new Error(`src/${area(module)} has no layer in test/unit/architecture.test.ts: add it to LAYERS`)
  return layer
}

/** One cycle among the folders of src/, as the folders in order, or undefined. */
function folderCycle(graph: Record<string, string[]>): string[] | undefined {
  const edges = new Map<string, Set<string>>()
  for (const [from, deps] of Object.entries(graph)) {
    for (const to of deps) if (area(from) !== area(to)) edges.set(area(from), (edges.get(area(from)) ?? new Set()).add(area(to)))
  }
  const done = new Set<string>()
  const visit = (node: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(node)
    if (at >= 0) return [...path.slice(at), node]
    if (done.has(node)) return undefined
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...path, node])
      if (cycle) return cycle
    }
    done.add(node)
    return undefined
  }
  for (const node of edges.keys()) {
    const cycle = visit(node, [])
    if (cycle) return cycle
  }
  return undefined
}

describe('the import graph of src/', () => {
  let graph: Record<string, string[]>
  let cycles: string[][]
  beforeAll(async () => {
    const result = await madge(`${ROOT}src`, { baseDir: `${ROOT}src`, fileExtensions: ['ts'] })
    graph = result.obj()
    cycles = result.circular()
  }, 60_000)

  it('reads every module', () => {
    expect(Object.keys(graph)).toContain('vitest/matcher.ts')
    expect(Object.keys(graph).length).toBeGreaterThan(100)
  })

  it('has no import cycle, type-only imports included', () => {
    expect(cycles.map((c) => c.join(' > '))).toStrictEqual([])
  })

  it('has no cycle between the folders of src/', () => {
    expect(folderCycle(graph)).toBeUndefined()
  })

  it('imports only from the same layer or below', () => {
    const upward = Object.entries(graph).flatMap(([from, deps]) => deps.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} -> ${to}`))
    expect(upward).toStrictEqual([])
  })
})

describe('folderCycle', () => {
  it('finds a cycle through three folders and none in a chain', () => {
    expect(folderCycle({ 'a/x.ts': ['b/y.ts'], 'b/y.ts': ['c/z.ts'], 'c/z.ts': ['a/w.ts'], 'a/w.ts': [] })).toStrictEqual(['a', 'b', 'c', 'a'])
    expect(folderCycle({ 'a/x.ts': ['b/y.ts', 'a/w.ts'], 'a/w.ts': ['a/x.ts'], 'b/y.ts': ['c/z.ts'], 'c/z.ts': [] })).toBeUndefined()
  })
})

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
