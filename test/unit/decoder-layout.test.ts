import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { detectDecoderLayout, type ValueInfo } from '../../src/measure/generation/decoder-layout.js'

const t = (name: string, type: string, shape: (number | string)[]): ValueInfo => ({ name, isTensor: true, type, shape })

/** Metadata of an Optimum export with `layers` layers. */
function optimum(layers: number, cache: (number | string)[] = ['batch_size', 4, 'past_sequence_length', 32], type = 'float32') {
  const inputs = [t('input_ids', 'int64', ['b', 's']), t('attention_mask', 'int64', ['b', 't']), t('position_ids', 'int64', ['b', 's'])]
  const outputs = [t('logits', 'float32', ['b', 's', 512])]
  for (let i = 0; i < layers; i++) {
    inputs.push(t(`past_key_values.${i}.key`, type, cache), t(`past_key_values.${i}.value`, type, cache))
    outputs.push(t(`present.${i}.key`, type, cache), t(`present.${i}.value`, type, cache))
  }
  return { inputs, outputs }
}

function problem(inputs: ValueInfo[], outputs: ValueInfo[], hints = {}): string {
  try {
    detectDecoderLayout(inputs, outputs, 'm.onnx', hints)
  } catch (err) {
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('DECODER_LAYOUT_UNSUPPORTED')
    return (err as PerfgateError).message
  }
  throw new Error('expected DECODER_LAYOUT_UNSUPPORTED')
}

describe('detectDecoderLayout', () => {
  it('reads an Optimum export: layers, types, heads and head size, and which present feeds which past', () => {
    const { inputs, outputs } = optimum(2)
    expect(detectDecoderLayout(inputs, outputs, 'm.onnx')).toEqual({
      kind: 'optimum',
      layers: 2,
      ids: 'int64',
      mask: 'int64',
      positions: 'int64',
      cacheType: 'float32',
      heads: 4,
      headDim: 32,
      logits: 'logits',
      cache: [
        { past: 'past_key_values.0.key', present: 'present.0.key' },
        { past: 'past_key_values.0.value', present: 'present.0.value' },
        { past: 'past_key_values.1.key', present: 'present.1.key' },
        { past: 'past_key_values.1.value', present: 'present.1.value' },
      ],
    })
  })

  it('reads the legacy GPT-2 layout with int32 ids, a float mask and no position_ids', () => {
    const cache = [2, 'batch', 12, 'past', 64]
    const layout = detectDecoderLayout(
      [t('input_ids', 'int32', ['b', 's']), t('attention_mask', 'float32', ['b', 't']), t('past_0', 'float16', cache), t('past_1', 'float16', cache)],
      [t('logits', 'float32', ['b', 's', 50257]), t('present_0', 'float16', cache), t('present_1', 'float16', cache)],
      'gpt2.onnx',
    )
    expect(layout).toMatchObject({ kind: 'legacy', layers: 2, ids: 'int32', mask: 'float32', cacheType: 'float16', heads: 12, headDim: 64 })
    expect(layout.positions).toBeUndefined()
    expect(layout.cache).toEqual([
      { past: 'past_0', present: 'present_0' },
      { past: 'past_1', present: 'present_1' },
    ])
  })

  it('takes KV heads and head size from the configs when the cache shape leaves them symbolic', () => {
    const { inputs, outputs } = optimum(1, ['batch', 'num_kv_heads', 'past', 'head_size'])
    expect(detectDecoderLayout(inputs, outputs, 'm.onnx', { kvHeads: 2, headDim: 64 })).toMatchObject({ heads: 2, headDim: 64 })
    expect(problem(inputs, outputs)).toContain('are symbolic, and no config.json or genai_config.json next to the model gives them')
  })

  it('refuses anything else, naming the problem, the inputs and outputs found, and the supported layouts', () => {
    const { inputs, outputs } = optimum(1)
    const merged = problem([...inputs, t('use_cache_branch', 'bool', [1])], outputs)
    expect(merged).toContain('m.onnx is not a decoder with a KV cache that perfgate can drive: perfgate does not know how to fill the input use_cache_branch.')
    expect(merged).toContain('Inputs found: input_ids (int64), attention_mask (int64), position_ids (int64), past_key_values.0.key (float32)')
    expect(merged).toContain('Supported layouts: (a) Hugging Face Optimum')
    expect(merged).toContain('(b) GPT-2 style')

    expect(
      problem(
        inputs.filter((v) => !v.name.startsWith('past')),
        outputs,
      ),
    ).toContain('it has no KV-cache inputs')
    expect(
      problem(
        inputs,
        outputs.filter((v) => v.name !== 'present.0.value'),
      ),
    ).toContain('input past_key_values.0.value has no matching output present.0.value')
    expect(
      problem(
        inputs,
        outputs.filter((v) => v.name !== 'logits'),
      ),
    ).toContain('it has no logits output')
    expect(problem([t('input_ids', 'float32', ['b', 's']), ...inputs.slice(1)], outputs)).toContain('input input_ids has type float32, expected int64 or int32')
    expect(problem([...inputs, t('past_3', 'float32', [2, 'b', 4, 'p', 32])], outputs)).toContain('mixes past_key_values')
    const gap = optimum(2)
    expect(
      problem(
        gap.inputs.filter((v) => !v.name.startsWith('past_key_values.0')),
        gap.outputs,
      ),
    ).toContain('layer 0 has no input past_key_values.0.key')
    expect(problem([t('pixel_values', 'float32', [1, 3, 'h', 'w'])], [t('logits', 'float32', [1, 10])])).toContain('it has no input_ids input')
  })
})
