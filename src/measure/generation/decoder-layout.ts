/**
 * Which input/output convention a decoder follows, read from its session
 * metadata: the Hugging Face Optimum layout (past_key_values.{i}.key|value ->
 * present.{i}.key|value) or the older GPT-2 style (one stacked past_{i} ->
 * present_{i} per layer). Pure: works on the metadata alone, so anything else
 * is refused with the inputs found before a single run.
 */
import { perfgateError } from '../../errors.js'

/** The part of onnxruntime's ValueMetadata this module reads. */
export interface ValueInfo {
  readonly name: string
  readonly isTensor: boolean
  readonly type?: string
  readonly shape?: ReadonlyArray<number | string>
}

export type IdsType = 'int64' | 'int32'

export interface DecoderLayout {
  kind: 'optimum' | 'legacy'
  layers: number
  /** Element type of input_ids. */
  ids: IdsType
  /** Element type of attention_mask; absent when the model has none. */
  mask?: IdsType | 'float32'
  /** Element type of position_ids; absent when the model computes positions itself. */
  positions?: IdsType
  /** Element type of the cache tensors. */
  cacheType: 'float32' | 'float16'
  /** KV heads and head size: the cache tensors' fixed dimensions. */
  heads: number
  headDim: number
  /** Name of the logits output. */
  logits: string
  /** Each cache input with the output that feeds it on the next step. */
  cache: { past: string; present: string }[]
}

export interface LayoutHints {
  kvHeads?: number
  headDim?: number
}

const OPTIMUM_PAST = /^past_key_values\.(\d+)\.(key|value)$/
const LEGACY_PAST = /^past_(\d+)$/
const IDS_TYPES: readonly string[] = ['int64', 'int32']
const CACHE_TYPES: readonly string[] = ['float32', 'float16']

class Unsupported extends Error {}

function fixedDim(v: number | string | undefined): number | undefined {
  return typeof v === 'number' && v > 0 ? v : undefined
}

/**
 * Detects the decoder's layout.
 *
 * @throws PerfgateError DECODER_LAYOUT_UNSUPPORTED naming the problem, the inputs and outputs found and the layouts supported
 */
export function detectDecoderLayout(inputs: readonly ValueInfo[], outputs: readonly ValueInfo[], path: string, hints: LayoutHints = {}): DecoderLayout {
  try {
    return detect(inputs, outputs, hints)
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err
    const show = (v: ValueInfo) => (v.isTensor && v.type ? `${v.name} (${v.type})` : v.name)
    throw perfgateError('DECODER_LAYOUT_UNSUPPORTED', { path, problem: err.message, inputs: inputs.map(show), outputs: outputs.map(show) })
  }
}

/** The past input and present output of every layer's cache, numbered from 0 without gaps. */
function cachePairs(
  kind: 'optimum' | 'legacy',
  layerCount: number,
  byName: ReadonlyMap<string, ValueInfo>,
  outNames: ReadonlySet<string>,
): DecoderLayout['cache'] {
  const cache: DecoderLayout['cache'] = []
  for (let i = 0; i < layerCount; i++) {
    const pairs: [string, string][] =
      kind === 'optimum'
        ? [
            [`past_key_values.${i}.key`, `present.${i}.key`],
            [`past_key_values.${i}.value`, `present.${i}.value`],
          ]
        : [[`past_${i}`, `present_${i}`]]
    for (const [past, present] of pairs) {
      if (!byName.has(past)) throw new Unsupported(`layer ${i} has no input ${past} (the cache inputs must be numbered from 0 without gaps)`)
      if (!outNames.has(present)) throw new Unsupported(`input ${past} has no matching output ${present}`)
      cache.push({ past, present })
    }
  }
  return cache
}

function detect(inputs: readonly ValueInfo[], outputs: readonly ValueInfo[], hints: LayoutHints): DecoderLayout {
  const byName = new Map(inputs.map((v) => [v.name, v]))
  const outNames = new Set(outputs.map((v) => v.name))
  const tensorType = (v: ValueInfo | undefined, allowed: readonly string[], what: string): string => {
    if (!v) throw new Unsupported(`it has no ${what} input`)
    if (!v.isTensor || !v.type || !allowed.includes(v.type))
      throw new Unsupported(`input ${v.name} has type ${v.type ?? 'non-tensor'}, expected ${allowed.join(' or ')}`)
    return v.type
  }

  const ids = tensorType(byName.get('input_ids'), IDS_TYPES, 'input_ids') as IdsType
  const maskInfo = byName.get('attention_mask')
  const mask = maskInfo ? (tensorType(maskInfo, [...IDS_TYPES, 'float32'], 'attention_mask') as IdsType | 'float32') : undefined
  const posInfo = byName.get('position_ids')
  const positions = posInfo ? (tensorType(posInfo, IDS_TYPES, 'position_ids') as IdsType) : undefined

  const optimum = inputs.filter((v) => OPTIMUM_PAST.test(v.name))
  const legacy = inputs.filter((v) => LEGACY_PAST.test(v.name))
  if (optimum.length === 0 && legacy.length === 0) throw new Unsupported('it has no KV-cache inputs (past_key_values.{i}.key|value or past_{i})')
  if (optimum.length > 0 && legacy.length > 0) throw new Unsupported('it mixes past_key_values.{i}.* and past_{i} inputs')
  const kind = optimum.length > 0 ? 'optimum' : 'legacy'
  const pastInputs = kind === 'optimum' ? optimum : legacy

  const known = new Set(['input_ids', 'attention_mask', 'position_ids', ...pastInputs.map((v) => v.name)])
  const unknown = inputs.filter((v) => !known.has(v.name)).map((v) => v.name)
  if (unknown.length > 0) throw new Unsupported(`perfgate does not know how to fill the input${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`)

  if (!outNames.has('logits')) throw new Unsupported('it has no logits output')

  const layerCount = kind === 'optimum' ? optimum.length / 2 : legacy.length
  const cache = cachePairs(kind, layerCount, byName, outNames)

  const first = byName.get(cache[0]!.past)!
  const cacheType = tensorType(first, CACHE_TYPES, 'cache') as DecoderLayout['cacheType']
  for (const { past } of cache) {
    const v = byName.get(past)!
    if (v.type !== cacheType) throw new Unsupported(`cache input ${past} has type ${v.type}, unlike ${first.name} (${cacheType})`)
  }
  const shape = first.shape ?? []
  const rank = kind === 'optimum' ? 4 : 5
  if (shape.length !== rank) {
    const expected = kind === 'optimum' ? '[batch, heads, past_len, head_size]' : '[2, batch, heads, past_len, head_size]'
    throw new Unsupported(`cache input ${first.name} has shape [${shape.join(', ')}], expected ${expected}`)
  }
  const heads = fixedDim(shape[rank - 3]) ?? hints.kvHeads
  const headDim = fixedDim(shape[rank - 1]) ?? hints.headDim
  if (heads === undefined || headDim === undefined || !Number.isInteger(headDim)) {
    throw new Unsupported(
      `the heads and head size of ${first.name} (shape [${shape.join(', ')}]) are symbolic, and no config.json or genai_config.json next to the model gives them`,
    )
  }
  return { kind, layers: layerCount, ids, mask, positions, cacheType, heads, headDim, logits: 'logits', cache }
}
