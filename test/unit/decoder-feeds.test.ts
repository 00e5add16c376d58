/**
 * The decoder's feeds, step by step, with exact values: left padding, the
 * mask growing one column per step, positions as Hugging Face counts them,
 * the presents fed back as the next past, and the greedy pick per row. The
 * buffers are reused between steps, so each step is checked as it is fed.
 */
import { Tensor } from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { argmaxLastPosition, DecoderFeeds } from '../../src/measure/generation/decoder-feeds.js'
import type { DecoderLayout } from '../../src/measure/generation/decoder-layout.js'

const layout = (ids: DecoderLayout['ids'], mask: DecoderLayout['mask'], positions: DecoderLayout['positions']): DecoderLayout => ({
  kind: 'optimum',
  layers: 1,
  ids,
  mask,
  positions,
  cacheType: 'float32',
  heads: 2,
  headDim: 4,
  logits: 'logits',
  cache: [
    { past: 'past_key_values.0.key', present: 'present.0.key' },
    { past: 'past_key_values.0.value', present: 'present.0.value' },
  ],
})
const values = (t: Tensor | undefined) => Array.from(t!.data as ArrayLike<number | bigint>, Number)

describe('DecoderFeeds', () => {
  it('prefills left-padded rows, then feeds one token per row with the mask and positions one further', () => {
    const f = new DecoderFeeds(layout('int64', 'int64', 'int64'), [[5, 6, 7], [8]], 99, 3)
    expect(f.feeds.input_ids!.type).toBe('int64')
    expect(f.feeds.input_ids!.dims).toEqual([2, 3])
    expect(values(f.feeds.input_ids)).toEqual([5, 6, 7, 99, 99, 8])
    expect(values(f.feeds.attention_mask)).toEqual([1, 1, 1, 0, 0, 1])
    expect(values(f.feeds.position_ids)).toEqual([0, 1, 2, 1, 1, 0])
    expect(f.feeds['past_key_values.0.key']!.dims).toEqual([2, 2, 0, 4])

    const present = { key: new Tensor('float32', new Float32Array(16), [2, 2, 1, 4]), value: new Tensor('float32', new Float32Array(16), [2, 2, 1, 4]) }
    f.advance([11, 12], { 'present.0.key': present.key, 'present.0.value': present.value })
    expect(f.feeds.input_ids!.dims).toEqual([2, 1])
    expect(values(f.feeds.input_ids)).toEqual([11, 12])
    expect(f.feeds.attention_mask!.dims).toEqual([2, 4])
    expect(values(f.feeds.attention_mask)).toEqual([1, 1, 1, 1, 0, 0, 1, 1])
    expect(values(f.feeds.position_ids)).toEqual([3, 1])
    expect(f.feeds['past_key_values.0.key']).toBe(present.key)
    expect(f.feeds['past_key_values.0.value']).toBe(present.value)

    f.advance([13, 99], { 'present.0.key': present.value, 'present.0.value': present.key })
    expect(values(f.feeds.input_ids)).toEqual([13, 99])
    expect(f.feeds.attention_mask!.dims).toEqual([2, 5])
    expect(values(f.feeds.attention_mask)).toEqual([1, 1, 1, 1, 1, 0, 0, 1, 1, 1])
    expect(values(f.feeds.position_ids)).toEqual([4, 2])
    expect(f.feeds['past_key_values.0.key']).toBe(present.value)
  })

  it('writes int32 ids and a float32 mask, and feeds no mask or positions a model does not take', () => {
    const f = new DecoderFeeds(layout('int32', 'float32', undefined), [[1, 2]], 0, 2)
    expect([f.feeds.input_ids!.type, f.feeds.attention_mask!.type]).toEqual(['int32', 'float32'])
    expect(f.feeds.position_ids).toBeUndefined()
    f.advance([3], {})
    expect(values(f.feeds.input_ids)).toEqual([3])
    expect(values(f.feeds.attention_mask)).toEqual([1, 1, 1])
    const g = new DecoderFeeds(layout('int64', undefined, undefined), [[1]], 0, 2)
    expect(Object.keys(g.feeds).sort()).toEqual(['input_ids', 'past_key_values.0.key', 'past_key_values.0.value'])
  })
})

describe('argmaxLastPosition', () => {
  it("picks each row's largest logit at the last position, into the array it is given", () => {
    // [batch 2, seq 2, vocab 3]: the first position of each row must not count
    const logits = new Tensor('float32', Float32Array.of(9, 0, 0, 0, 1, 2, 0, 0, 9, 5, 5, 1), [2, 2, 3])
    const picks = [7, 7]
    expect(argmaxLastPosition(logits, picks)).toBe(picks)
    expect(picks).toEqual([2, 0])
    expect(argmaxLastPosition(new Tensor('float16', Uint16Array.of(0x3c00, 0x4000, 0xc000), [1, 3]))).toEqual([1])
  })
})
