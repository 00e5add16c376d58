/**
 * Dimensions a model leaves unnamed (declared as "" or with neither a name nor
 * a size, as Silero VAD does) are set as 'input:axis', with real onnxruntime
 * inference on a generated model; `perfgate inspect`'s facts about the same file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { PerfgateError, type ErrorCode } from '../../src/errors.js'
import { inspectModel } from '../../src/measure/model/model-info.js'
import { profile } from '../../src/measure/profile.js'
import { buildUnnamedDimsModel } from './unnamed-dims-model.js'

const tmp = mkdtempSync(join(tmpdir(), 'perfgate-unnamed-'))
const MODEL = join(tmp, 'vad.onnx')
writeFileSync(MODEL, buildUnnamedDimsModel())
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const QUICK = { runs: 3, minTime: 0, warmup: 1 } as const

async function rejection(p: Promise<unknown>, code: ErrorCode): Promise<PerfgateError> {
  const err = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  expect((err as PerfgateError).code, (err as Error).message).toBe(code)
  return err as PerfgateError
}

describe('unnamed dimensions', () => {
  it("are set as 'input:axis' and fed with those sizes", async () => {
    const r = await profile(MODEL, { ...QUICK, dims: { 'input:0': 1, 'input:1': 512, 'state:1': 3 } })
    expect(r.inputs).toEqual({ input: { type: 'float32', dims: [1, 512] }, state: { type: 'float32', dims: [2, 3, 8] } })
    expect(r.samples.latency.length).toBeGreaterThanOrEqual(3)
  })

  it('left without a value: one error lists every one of them, with valid JavaScript and the CLI flag', async () => {
    const err = await rejection(profile(MODEL, { ...QUICK, dims: { 'input:1': 512 } }), 'DIM_UNRESOLVED')
    expect(err.message).toContain('has 2 dimensions without a value in `dims` (all are listed):\n')
    expect(err.message).toContain("  - 'input:0': axis 0 of input 'input' float32[?, ?]: axis 0, usually the batch size")
    expect(err.message).toContain("  - 'state:1': axis 1 of input 'state' float32[2, ?, 8]: nothing in the model says its size: pick your production size")
    expect(err.message).toContain("dims: { 'input:0': 1, 'state:1': 1 } (CLI: --dims input:0=1,state:1=1)")
    expect(err.message).toContain("after replacing the placeholder value of 'state:1' with your production size")
  })

  it('a fixed or out-of-range axis is refused, naming the input and the axis', async () => {
    const dims = { 'input:0': 1, 'input:1': 4, 'state:1': 1 }
    const fixed = await rejection(profile(MODEL, { ...QUICK, dims: { ...dims, 'state:2': 8 } }), 'DIM_AXIS_INVALID')
    expect(fixed.message).toContain("dims['state:2'] sets axis 2 of input 'state'")
    expect(fixed.message).toContain('that axis has the fixed size 8 (shape [2, ?, 8])')
    const outside = await rejection(profile(MODEL, { ...QUICK, dims: { ...dims, 'input:2': 8 } }), 'DIM_AXIS_INVALID')
    expect(outside.message).toContain('that input has 2 axes, [?, ?]. Use an axis from 0 to 1.')
  })

  it('an axis of an input the model lacks is DIM_UNKNOWN, suggesting the closest key', async () => {
    const err = await rejection(profile(MODEL, { ...QUICK, dims: { 'input:0': 1, 'input:1': 4, 'stat:1': 1 } }), 'DIM_UNKNOWN')
    expect(err.message).toContain("Did you mean 'state:1'?")
    expect(err.message).toContain('input:0, input:1, state:1')
  })

  it('a value the options spec refuses names the key, the input and the axis', async () => {
    const err = await rejection(profile(MODEL, { ...QUICK, dims: { 'input:1': 0 } }), 'OPTION_INVALID')
    expect(err.message).toBe(
      "Invalid option profile({ dims['input:1'] (axis 1 of input 'input') }): got 0, expected a whole number >= 1 (a KV-cache length such as past_sequence_length may be 0).",
    )
  })
})

describe('inspectModel', () => {
  it('reports identity, opsets, shapes with unnamed dimensions as null, and the dims that set them', async () => {
    const info = await inspectModel(MODEL)
    expect(info).toMatchObject({
      kind: 'model-info',
      bytes: buildUnnamedDimsModel().byteLength,
      irVersion: 8,
      producer: 'perfgate 1',
      opsets: [{ domain: '', version: 17 }],
      inputs: [
        { name: 'input', type: 'float32', shape: [null, null] },
        { name: 'state', type: 'float32', shape: [2, null, 8] },
      ],
      outputs: [
        { name: 'output', type: 'float32' },
        { name: 'state_out', type: 'float32' },
      ],
      dims: "{ 'input:0': 1, 'input:1': 1, 'state:1': 1 }",
      dimsFlag: 'input:0=1,input:1=1,state:1=1',
    })
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(info.freeDims.map((d) => [d.key, d.known])).toEqual([
      ['input:0', true],
      ['input:1', false],
      ['state:1', false],
    ])
  })

  it('names a symbolic dimension by its name and offers 1 only for the batch', async () => {
    const info = await inspectModel('bench/models/classifier.onnx')
    expect(info.dims).toBe('{ batch: 1, height: 640, width: 640 }')
    expect(info.freeDims.filter((d) => !d.known).map((d) => d.key)).toEqual(['height', 'width'])
  })

  it('a file that is no model is MODEL_NOT_ONNX, a missing one MODEL_NOT_FOUND', async () => {
    writeFileSync(join(tmp, 'notes.onnx'), 'hello, not a model')
    await rejection(inspectModel(join(tmp, 'notes.onnx')), 'MODEL_NOT_ONNX')
    await rejection(inspectModel(join(tmp, 'missing.onnx')), 'MODEL_NOT_FOUND')
  })
})
