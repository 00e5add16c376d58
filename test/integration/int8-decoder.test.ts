/**
 * The int8 variant of the tiny-gpt decoder (bench/models generator): built
 * deterministically, smaller, with MatMulInteger linear layers, the same
 * inputs and outputs, and logits close to the float32 model's.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildInt8Decoder, MODELS_DIR } from '../../bench/models/generate.js'
import { decodeModel } from '../../bench/models/generator/onnx-schema.js'
import { quantizeSymmetricInt8 } from '../../bench/models/generator/quantize.js'

const fp32Bytes = new Uint8Array(readFileSync(join(MODELS_DIR, 'tiny-gpt/model.onnx')))
const int8Bytes = buildInt8Decoder()

interface Node {
  op_type: string
}

function prefillFeeds(ids: number[]): Record<string, Tensor> {
  const n = ids.length
  const feeds: Record<string, Tensor> = {
    input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, n]),
    attention_mask: new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
    position_ids: new Tensor(
      'int64',
      BigInt64Array.from(ids, (_, i) => BigInt(i)),
      [1, n],
    ),
  }
  for (const i of [0, 1]) for (const kv of ['key', 'value']) feeds[`past_key_values.${i}.${kv}`] = new Tensor('float32', new Float32Array(0), [1, 4, 0, 32])
  return feeds
}

describe('quantizeSymmetricInt8', () => {
  it('maps the largest magnitude to ±127 with scale max/127, rounding the rest', () => {
    const { q, scale } = quantizeSymmetricInt8([0.5, -1, 0.25, 0])
    expect(scale).toBeCloseTo(1 / 127, 9)
    expect([...q]).toEqual([64, -127, 32, 0])
  })
})

describe('the int8 decoder', () => {
  let fp32: InferenceSession
  let int8: InferenceSession
  beforeAll(async () => {
    fp32 = await InferenceSession.create(fp32Bytes)
    int8 = await InferenceSession.create(int8Bytes)
  })
  afterAll(async () => {
    await fp32?.release()
    await int8?.release()
  })

  it('is deterministic and well under the float32 file size', () => {
    expect(Buffer.compare(Buffer.from(buildInt8Decoder()), Buffer.from(int8Bytes))).toBe(0)
    expect(int8Bytes.byteLength).toBeLessThan(0.6 * fp32Bytes.byteLength)
  })

  it('runs its linear layers as MatMulInteger (12 of them in 2 layers) and says so in its metadata', () => {
    const model = decodeModel(int8Bytes) as { graph: { node: Node[] }; metadata_props: { key: string; value: string }[] }
    const count = (op: string) => model.graph.node.filter((n) => n.op_type === op).length
    expect(count('MatMulInteger')).toBe(12)
    expect(count('DynamicQuantizeLinear')).toBe(12)
    expect(model.metadata_props).toContainEqual({ key: 'perfgate.weights', value: 'int8' })
    const fp32Model = decodeModel(fp32Bytes) as { metadata_props: { key: string }[] }
    expect(fp32Model.metadata_props.map((p) => p.key)).not.toContain('perfgate.weights')
  })

  it('has the same inputs and outputs as the float32 model', () => {
    expect(int8.inputNames).toEqual(fp32.inputNames)
    expect(int8.outputNames).toEqual(fp32.outputNames)
  })

  it('gives logits close to the float32 model’s (same weights, quantized)', async () => {
    const feeds = prefillFeeds([72, 101, 108, 108, 111, 32, 119])
    const a = (await fp32.run(feeds)).logits!.data as Float32Array
    const b = (await int8.run(feeds)).logits!.data as Float32Array
    let maxRef = 0
    let maxDiff = 0
    let dot = 0
    let na = 0
    let nb = 0
    for (let i = 0; i < a.length; i++) {
      maxRef = Math.max(maxRef, Math.abs(a[i]!))
      maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!))
      dot += a[i]! * b[i]!
      na += a[i]! ** 2
      nb += b[i]! ** 2
    }
    expect(maxDiff).toBeGreaterThan(0) // it really is another computation
    expect(maxDiff).toBeLessThan(0.1 * maxRef)
    expect(dot / Math.sqrt(na * nb)).toBeGreaterThan(0.99)
  })
})
