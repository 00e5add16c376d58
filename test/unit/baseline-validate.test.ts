import { describe, expect, it } from 'vitest'
import { baselineProblem } from '../../src/baseline/validate.js'
import { baselineFile, profileEntry, runs, sha, valueEntry } from './entry-factory.js'

const FILE = 'baselines/test/det.perf.test.ts.json'
const FIX = 'perfgate left it untouched. Fix the field by hand or delete the file and record again with `npx vitest run -u`.'

/** A valid file as JSON data, to break one field of. */
function valid(): Record<string, unknown> {
  const file = baselineFile({
    't 1': profileEntry(
      { 'latency.p95': 11.8 },
      { latency: runs(10, 3), cpu: [] },
      {
        runs: 3,
        model: { path: 'models/det.onnx', bytes: 1234, sha256: sha('a') },
        options: { warmup: 2, dims: { batch: 1 } },
      },
    ),
    value: valueEntry(42, 'higher'),
  })
  return JSON.parse(JSON.stringify(file)) as Record<string, unknown>
}

/** The first entry of `data`, to edit in place. */
function entryOf(data: Record<string, unknown>): Record<string, unknown> {
  return (data.entries as Record<string, Record<string, unknown>>)['t 1']!
}

describe('baselineProblem', () => {
  it('accepts a valid file', () => {
    expect(baselineProblem(valid(), FILE)).toBeNull()
    expect(baselineProblem({ perfgate: 1, entries: {} }, FILE)).toBeNull()
  })

  it('names the file and the field, in JavaScript path notation', () => {
    const data = valid()
    ;(entryOf(data).metrics as Record<string, unknown>)['latency.p95'] = 'fast'
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].metrics["latency.p95"] must be number. ${FIX}`)
  })

  it('says which required field is missing', () => {
    const data = valid()
    delete entryOf(data).testbed
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].testbed is missing. ${FIX}`)
    expect(baselineProblem({ perfgate: 1 }, FILE)).toBe(`Invalid baseline file ${FILE}: field entries is missing. ${FIX}`)
  })

  it('says which field is not allowed', () => {
    const data = valid()
    entryOf(data).color = 'red'
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].color is not allowed here. ${FIX}`)
    expect(baselineProblem({ ...valid(), extra: 1 }, FILE)).toBe(`Invalid baseline file ${FILE}: field extra is not allowed here. ${FIX}`)
  })

  it('lists the allowed values of a constant or an enumeration', () => {
    expect(baselineProblem({ ...valid(), perfgate: 2 }, FILE)).toBe(`Invalid baseline file ${FILE}: field perfgate must be 1. ${FIX}`)
    const data = valid()
    entryOf(data).kind = 'bench'
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].kind must be ["profile","value","generation"]. ${FIX}`)
  })

  it('indexes array items and uses dot notation for identifier-like keys', () => {
    const data = valid()
    ;(entryOf(data).samples as { latency: unknown[] }).latency[2] = '10.2'
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].samples.latency[2] must be number. ${FIX}`)
    const other = valid()
    ;(other.entries as Record<string, Record<string, unknown>>).value!.better = 'faster'
    expect(baselineProblem(other, FILE)).toBe(`Invalid baseline file ${FILE}: field entries.value.better must be ["lower","higher"]. ${FIX}`)
  })

  it('unescapes JSON pointer segments in keys (a / in a test name)', () => {
    const data = valid()
    const entries = data.entries as Record<string, Record<string, unknown>>
    entries['a/b ~ 1'] = { ...entries['t 1']!, test: 7 }
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["a/b ~ 1"].test must be string. ${FIX}`)
  })

  it('checks the testbed and the model identity', () => {
    const data = valid()
    ;(entryOf(data).testbed as Record<string, unknown>).cores = 0
    expect(baselineProblem(data, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].testbed.cores must be >= 1. ${FIX}`)
    const model = valid()
    ;(entryOf(model).model as Record<string, unknown>).sha256 = 'abc'
    expect(baselineProblem(model, FILE)).toBe(`Invalid baseline file ${FILE}: field entries["t 1"].model.sha256 must match pattern "^[0-9a-f]{64}$". ${FIX}`)
  })

  it('reports a file that is not an object at its root', () => {
    expect(baselineProblem(null, FILE)).toBe(`Invalid baseline file ${FILE}: field (root) must be object. ${FIX}`)
    expect(baselineProblem([], FILE)).toBe(`Invalid baseline file ${FILE}: field (root) must be object. ${FIX}`)
  })
})
