/** The `feeds` option checked against the model: an object of tensors, one for every input and none for inputs the model lacks. */
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`
  if (typeof v === 'object') return `an object with keys ${Object.keys(v).slice(0, 5).join(', ') || 'none'}`
  return `${typeof v} ${String(v)}`
}

/** A Tensor of onnxruntime-node (checked by shape, so a tensor from another copy of the package also passes). */
function isTensorLike(v: unknown): v is ort.Tensor {
  if (typeof v !== 'object' || v === null) return false
  const t = v as Partial<ort.Tensor>
  return typeof t.type === 'string' && Array.isArray(t.dims) && 'data' in t
}

export function checkUserFeeds(feeds: unknown, inputNames: readonly string[]): Record<string, ort.Tensor> {
  if (typeof feeds !== 'object' || feeds === null || Array.isArray(feeds)) {
    throw perfgateError('OPTION_INVALID', {
      option: 'feeds',
      value: describe(feeds),
      expected: 'an object of onnxruntime Tensors by input name, e.g. { input_ids: new Tensor(...) }',
    })
  }
  const given = Object.keys(feeds)
  for (const [name, value] of Object.entries(feeds)) if (!isTensorLike(value)) throw perfgateError('FEED_NOT_TENSOR', { feed: name, received: describe(value) })
  for (const name of inputNames) if (!given.includes(name)) throw perfgateError('FEED_MISSING', { input: name, given })
  const extra = given.filter((name) => !inputNames.includes(name))
  if (extra.length > 0) throw perfgateError('FEED_UNKNOWN', { names: extra, inputs: inputNames })
  return feeds as Record<string, ort.Tensor>
}
