import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { encodeModel } from '../../bench/models/generator/onnx-schema.js'
import { readOnnxHeader } from '../../src/measure/model/onnx-header.js'

describe('readOnnxHeader', () => {
  it("reads the IR version, producer and opsets of the project's classifier", () => {
    expect(readOnnxHeader(readFileSync('bench/models/classifier.onnx'))).toEqual({
      irVersion: 8,
      producer: 'perfgate 1',
      opsets: [{ domain: '', version: 17 }],
    })
  })

  it('reads several operator sets, a domain each, and steps over the graph', () => {
    const bytes = encodeModel({
      ir_version: 9,
      producer_name: 'pytorch',
      producer_version: '2.4.0',
      opset_import: [
        { domain: '', version: 18 },
        { domain: 'com.microsoft', version: 1 },
      ],
      graph: { name: 'g', node: [], initializer: [], input: [], output: [] },
      metadata_props: [],
    })
    expect(readOnnxHeader(bytes)).toEqual({
      irVersion: 9,
      producer: 'pytorch 2.4.0',
      opsets: [
        { domain: '', version: 18 },
        { domain: 'com.microsoft', version: 1 },
      ],
    })
  })

  it('throws on bytes that end inside a field', () => {
    const bytes = readFileSync('bench/models/classifier.onnx')
    expect(() => readOnnxHeader(bytes.subarray(0, bytes.byteLength - 10))).toThrow(/past the end|truncated/)
  })
})
