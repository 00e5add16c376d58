import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../src/errors.js'
import { closestName } from '../../src/options/suggest.js'
import { checkDimNames, checkDimValues, symbolicDims } from '../../src/measure/inputs/dims-check.js'
import { checkInputMemory, inputBytes, inputMemoryLimit } from '../../src/measure/inputs/input-memory.js'
import { loadFailureDetail } from '../../src/measure/model/load-failure-detail.js'
import { notOnnxReason } from '../../src/measure/model/onnx-file-check.js'
import { describeFed } from '../../src/measure/run/run-failure.js'
import { quietSessionOptions } from '../../src/measure/run/session-log-level.js'

type Meta = Parameters<typeof symbolicDims>[0][number]
const tensor = (name: string, shape: (number | string)[], type = 'float32'): Meta => ({ name, isTensor: true, type, shape }) as unknown as Meta

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn()
  } catch (err) {
    return (err as { code?: ErrorCode }).code
  }
  return undefined
}

describe('closestName', () => {
  it('suggests the nearest name by edit distance, case-insensitively', () => {
    expect(closestName('heigth', ['batch', 'height', 'width'])).toBe('height')
    expect(closestName('Width', ['batch', 'height', 'width'])).toBe('width')
  })
  it('suggests a name contained in the given one, or containing it', () => {
    expect(closestName('batch_size', ['batch', 'height'])).toBe('batch')
    expect(closestName('seq', ['sequence_length'])).toBe('sequence_length')
  })
  it('suggests nothing for a name far from all', () => {
    expect(closestName('typo', ['batch', 'height', 'width'])).toBeUndefined()
  })
})

describe('dims against the model', () => {
  const inputs = [tensor('pixel_values', ['batch', 3, 'height', 'width']), tensor('scale', ['batch'])]
  it('lists the symbolic dimensions in order of first appearance, once each', () => {
    expect(symbolicDims(inputs)).toEqual(['batch', 'height', 'width'])
  })
  it('accepts known names and refuses unknown ones', () => {
    expect(codeOf(() => checkDimNames({ batch: 2, height: 8 }, inputs, 'm.onnx'))).toBeUndefined()
    expect(codeOf(() => checkDimNames({ heigth: 8 }, inputs, 'm.onnx'))).toBe('DIM_UNKNOWN')
  })
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '4'])('refuses the value %s', (v) => {
    expect(codeOf(() => checkDimValues({ height: v }))).toBe('DIM_INVALID')
  })
  it('accepts 0 for a KV-cache length only', () => {
    expect(codeOf(() => checkDimValues({ past_sequence_length: 0, height: 1 }))).toBeUndefined()
  })
})

describe('input memory', () => {
  it('is elements x dtype size', () => {
    expect(inputBytes({ name: 'x', type: 'float32', dims: [1, 3, 224, 224] })).toBe(602_112)
    expect(inputBytes({ name: 'ids', type: 'int64', dims: [2, 16] })).toBe(256)
    expect(inputBytes({ name: 'm', type: 'bool', dims: [2, 16] })).toBe(32)
  })
  it('is limited to an eighth of the machine and a quarter of its free memory', () => {
    expect(inputMemoryLimit(16e9, 12e9)).toBe(2e9)
    expect(inputMemoryLimit(16e9, 4e9)).toBe(1e9)
  })
  it('refuses inputs beyond the limit and accepts them up to it', () => {
    const inputs = [{ name: 'x', type: 'float32', dims: [1, 3, 100, 100] }]
    expect(codeOf(() => checkInputMemory(inputs, {}, 120_000))).toBeUndefined()
    expect(codeOf(() => checkInputMemory(inputs, {}, 119_999))).toBe('INPUTS_TOO_LARGE')
  })
})

describe('model files', () => {
  it('an empty file or one that does not start like a ModelProto is not ONNX', () => {
    expect(notOnnxReason(new Uint8Array())).toBe('the file is empty (0 bytes)')
    expect(notOnnxReason(new TextEncoder().encode('{"a": 1}'))).toContain('"{\\"a\\": 1}"')
    expect(notOnnxReason(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toContain('89504e47')
  })
  it('a file that starts with ir_version may be ONNX', () => {
    expect(notOnnxReason(Uint8Array.from([0x08, 0x08, 0x12, 0x08]))).toBeUndefined()
  })
  it('explains onnxruntime’s unsupported data type numbers', () => {
    expect(loadFailureDetail('Unsupported data type: 16\n')).toContain('has type bfloat16')
    expect(loadFailureDetail('other\n')).toBe('other')
  })
})

describe('run failures and session options', () => {
  it('describe what was fed and from which dims', () => {
    expect(describeFed({ x: { type: 'float32', dims: [1, 3, 0, 8] } }, { height: 0 })).toEqual({ fed: 'x float32[1, 3, 0, 8]', dims: '{"height":0}' })
    expect(describeFed({}, undefined).dims).toBe('none (your own feeds)')
  })
  it('sessions log fatal errors only, unless the user chose a level', () => {
    expect(quietSessionOptions({ intraOpNumThreads: 1 })).toEqual({ intraOpNumThreads: 1, logSeverityLevel: 4 })
    expect(quietSessionOptions({ logSeverityLevel: 0 })).toEqual({ logSeverityLevel: 0 })
  })
})
