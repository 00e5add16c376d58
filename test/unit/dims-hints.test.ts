import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { adviseDim, dimsFlag, dimsLiteral, dimsLiteralCommented, freeDims, shapeText } from '../../src/measure/inputs/dims-hints.js'
import { resolveShapes } from '../../src/measure/inputs/feeds.js'
import { axisKey, checkDimsOption, dimKeyText, parseAxisKey } from '../../src/options/dims-keys.js'

const DETECTOR = { name: 'x', type: 'float32', shape: ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'] }
const VAD = [
  { name: 'input', type: 'float32', shape: ['', ''] },
  { name: 'state', type: 'float32', shape: [2, -1, 128] },
  { name: 'sr', type: 'int64', shape: [] },
]

function thrown(f: () => unknown): PerfgateError {
  try {
    f()
  } catch (e) {
    return e as PerfgateError
  }
  throw new Error('expected an error')
}

describe('dims keys', () => {
  it("reads 'input:axis', the input name keeping its own colons", () => {
    expect(parseAxisKey('input:1')).toEqual({ input: 'input', axis: 1 })
    expect(parseAxisKey('input_1:0:2')).toEqual({ input: 'input_1:0', axis: 2 })
    expect(parseAxisKey('batch')).toBeUndefined()
    expect(parseAxisKey(':1')).toBeUndefined()
    expect(parseAxisKey('x:-1')).toBeUndefined()
    expect(axisKey('state', 1)).toBe('state:1')
  })

  it('names a key as JavaScript, with the input and axis of an axis key', () => {
    expect(dimKeyText('batch')).toBe('dims.batch')
    expect(dimKeyText('p2o.DynamicDimension.0')).toBe("dims['p2o.DynamicDimension.0']")
    expect(dimKeyText('state:1')).toBe("dims['state:1'] (axis 1 of input 'state')")
  })

  it('the options spec refuses a value that is no whole number >= 1 (0 only for a KV-cache length)', () => {
    expect(() => checkDimsOption({ batch: 1, 'input:0': 2, past_sequence_length: 0 }, 'profile({ dims })')).not.toThrow()
    expect(thrown(() => checkDimsOption({ 'state:1': 1.5 }, 'profile({ dims })')).message).toBe(
      "Invalid option profile({ dims['state:1'] (axis 1 of input 'state') }): got 1.5, expected a whole number >= 1 (a KV-cache length such as past_sequence_length may be 0).",
    )
    expect(thrown(() => checkDimsOption([1], 'profile({ dims })')).code).toBe('OPTION_INVALID')
  })
})

describe('free dimensions and their advice', () => {
  it('lists each free dimension once, named or by input and axis, with the input shape', () => {
    expect(freeDims(VAD).map((d) => [d.key, d.name, d.input, d.axis, d.shape])).toEqual([
      ['input:0', undefined, 'input', 0, 'float32[?, ?]'],
      ['input:1', undefined, 'input', 1, 'float32[?, ?]'],
      ['state:1', undefined, 'state', 1, 'float32[2, ?, 128]'],
    ])
    const shared = [
      { name: 'a', type: 'int64', shape: ['batch', 'seq'] },
      { name: 'b', type: 'int64', shape: ['batch', 'seq'] },
    ]
    expect(freeDims(shared).map((d) => d.key)).toEqual(['batch', 'seq'])
    expect(shapeText(DETECTOR)).toBe('float32[p2o.DynamicDimension.0, 3, p2o.DynamicDimension.1, p2o.DynamicDimension.2]')
  })

  it('offers 1 as a fact only for a batch; an image side or a length is a placeholder, never a silent 1', () => {
    const [batch, h, w] = freeDims([DETECTOR])
    expect([batch!.value, batch!.known]).toEqual([1, true])
    expect([h!.value, h!.known, w!.value, w!.known]).toEqual([640, false, 640, false])
    expect(h!.advice).toContain('multiple of 32')
    expect(adviseDim('sequence_length', { name: 'ids', type: 'int64', shape: ['batch', 'sequence_length'] }, 1)).toMatchObject({ value: 128, known: false })
    expect(adviseDim('past_sequence_length', { name: 'k', type: 'float32', shape: [1, 4, 'past_sequence_length', 32] }, 2)).toMatchObject({
      value: 0,
      known: true,
    })
    expect(adviseDim(undefined, { name: 'v', type: 'float32', shape: [7] }, 0)).toEqual({
      value: 1,
      known: false,
      advice: 'nothing in the model says its size: pick your production size',
    })
  })

  it('writes valid JavaScript (keys quoted where they are no identifier) and the CLI flag', () => {
    const dims = freeDims([DETECTOR, ...VAD])
    expect(dimsLiteral(dims)).toBe(
      "{ 'p2o.DynamicDimension.0': 1, 'p2o.DynamicDimension.1': 640, 'p2o.DynamicDimension.2': 640, 'input:0': 1, 'input:1': 1, 'state:1': 1 }",
    )
    expect(new Function(`return ${dimsLiteral(dims)}`)()).toEqual({
      'p2o.DynamicDimension.0': 1,
      'p2o.DynamicDimension.1': 640,
      'p2o.DynamicDimension.2': 640,
      'input:0': 1,
      'input:1': 1,
      'state:1': 1,
    })
    expect(dimsFlag(dims)).toBe('p2o.DynamicDimension.0=1,p2o.DynamicDimension.1=640,p2o.DynamicDimension.2=640,input:0=1,input:1=1,state:1=1')
    expect(dimsLiteral([])).toBe('{}')
  })

  it('marks each placeholder in the commented form a generated test uses', () => {
    expect(dimsLiteralCommented(freeDims([DETECTOR]).slice(0, 2), '    ')).toBe(
      '{\n' +
        "      'p2o.DynamicDimension.0': 1, // axis 0, usually the batch size: 1 for one request at a time\n" +
        "      'p2o.DynamicDimension.1': 640, // PLACEHOLDER: an image side: pick your production size (a detector's side is often a multiple of 32)\n" +
        '    }',
    )
  })
})

describe('resolveShapes', () => {
  it('resolves named dims by name and unnamed ones by input and axis; a batch name left out is 1', () => {
    const shapes = resolveShapes(
      [{ name: 'ids', type: 'int64', shape: ['batch', 'seq'] }, ...VAD.slice(0, 2)],
      { seq: 8, 'input:0': 1, 'input:1': 512, 'state:1': 1 },
      'm',
    )
    expect(shapes).toEqual([
      [1, 8],
      [1, 512],
      [2, 1, 128],
    ])
  })

  it('throws one DIM_UNRESOLVED that lists every missing dimension, not only the first', () => {
    const err = thrown(() => resolveShapes([DETECTOR], {}, 'det.onnx'))
    expect(err.code).toBe('DIM_UNRESOLVED')
    expect(err.message.split('\n')).toEqual([
      'det.onnx has 3 dimensions without a value in `dims` (all are listed):',
      `  - 'p2o.DynamicDimension.0': axis 0 of input 'x' ${shapeText(DETECTOR)}: axis 0, usually the batch size: 1 for one request at a time`,
      `  - 'p2o.DynamicDimension.1': axis 2 of input 'x' ${shapeText(DETECTOR)}: an image side: pick your production size (a detector's side is often a multiple of 32)`,
      `  - 'p2o.DynamicDimension.2': axis 3 of input 'x' ${shapeText(DETECTOR)}: an image side: pick your production size (a detector's side is often a multiple of 32)`,
      "Give them with the `dims` option, e.g. dims: { 'p2o.DynamicDimension.0': 1, 'p2o.DynamicDimension.1': 640, 'p2o.DynamicDimension.2': 640 } " +
        '(CLI: --dims p2o.DynamicDimension.0=1,p2o.DynamicDimension.1=640,p2o.DynamicDimension.2=640), ' +
        "after replacing the placeholder values of 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2' with your production sizes. " +
        '`npx perfgate inspect <model.onnx>` prints every input and dimension.',
    ])
  })
})
