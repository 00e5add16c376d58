/**
 * Tensors of a decoder step in the model's own types (ids, mask, positions,
 * an empty KV cache for the prefill, the previous step's presents as the next
 * past), and the greedy pick over the last position's logits. The decode
 * steps write into buffers allocated once per batch: per token, the loop
 * costs one mask tensor and a few element writes, not fresh arrays.
 */
import ort from 'onnxruntime-node'
import type { DecoderLayout, IdsType } from './decoder-layout.js'
import { argmaxFloat16Bits, argmaxValues } from './greedy-pick.js'

type IntData = BigInt64Array | Int32Array | Float32Array

function intData(type: IdsType | 'float32', length: number): IntData {
  if (type === 'int64') return new BigInt64Array(length)
  if (type === 'int32') return new Int32Array(length)
  return new Float32Array(length)
}

/** Writes an integer into a buffer of any of the three types (BigInt for int64). */
function put(data: IntData, i: number, v: number): void {
  if (data instanceof BigInt64Array) data[i] = BigInt(v)
  else data[i] = v
}

/** Fills `data[from .. to)` with an integer. */
function fillInt(data: IntData, v: number, from: number, to: number): void {
  if (data instanceof BigInt64Array) data.fill(BigInt(v), from, to)
  else data.fill(v, from, to)
}

/** Cache inputs with a past length of 0, for the prefill (onnxruntime accepts zero-length tensors). */
export function emptyCache(layout: DecoderLayout, batch: number): Record<string, ort.Tensor> {
  const dims = layout.kind === 'optimum' ? [batch, layout.heads, 0, layout.headDim] : [2, batch, layout.heads, 0, layout.headDim]
  const out: Record<string, ort.Tensor> = {}
  for (const { past } of layout.cache) {
    out[past] = layout.cacheType === 'float16' ? new ort.Tensor('float16', new Uint16Array(0), dims) : new ort.Tensor('float32', new Float32Array(0), dims)
  }
  return out
}

/**
 * The feeds of one batch's generation: the prefill (left-padded prompts, mask
 * 0 on padding, positions as Hugging Face counts them: cumsum(mask) - 1,
 * padded slots 1) and then each decode step, in one feeds object that the
 * steps update in place. The [batch, 1] ids and positions tensors are reused
 * from step to step (onnxruntime reads them during the run only); the mask
 * grows by one column per step, so it gets a new tensor over a buffer sized
 * for the longest sequence.
 */
export class DecoderFeeds {
  /** The feeds for the next `session.run`. */
  readonly feeds: Record<string, ort.Tensor>
  private readonly pads: number[]
  private readonly stepIds: IntData
  private readonly stepIdsTensor: ort.Tensor
  private readonly stepPositions?: IntData
  private readonly stepPositionsTensor?: ort.Tensor
  private readonly mask?: IntData
  private readonly nextPosition: number[]
  /** Columns of the mask fed next (the sequence so far, padding included). */
  private columns: number

  /**
   * @param prompts each row's prompt token ids (at least one token each)
   * @param maxNewTokens the most steps this batch will run (sizes the mask buffer)
   */
  constructor(
    private readonly layout: DecoderLayout,
    prompts: readonly (readonly number[])[],
    padTokenId: number,
    maxNewTokens: number,
  ) {
    const batch = prompts.length
    const longest = Math.max(...prompts.map((ids) => ids.length))
    this.pads = prompts.map((ids) => longest - ids.length)
    this.columns = longest
    this.nextPosition = prompts.map((ids) => ids.length)

    const ids = intData(layout.ids, batch * longest)
    for (let b = 0; b < batch; b++) {
      const pad = this.pads[b]!
      fillInt(ids, padTokenId, b * longest, b * longest + pad)
      for (let i = 0; i < prompts[b]!.length; i++) put(ids, b * longest + pad + i, prompts[b]![i]!)
    }
    this.feeds = { input_ids: new ort.Tensor(layout.ids, ids, [batch, longest]), ...emptyCache(layout, batch) }
    this.stepIds = intData(layout.ids, batch)
    this.stepIdsTensor = new ort.Tensor(layout.ids, this.stepIds, [batch, 1])

    if (layout.mask) {
      this.mask = intData(layout.mask, batch * (longest + Math.max(0, maxNewTokens - 1)))
      this.feeds.attention_mask = this.maskTensor()
    }
    if (layout.positions) {
      const positions = intData(layout.positions, batch * longest)
      for (let b = 0; b < batch; b++) {
        const pad = this.pads[b]!
        fillInt(positions, 1, b * longest, b * longest + pad)
        for (let i = 0; i < longest - pad; i++) put(positions, b * longest + pad + i, i)
      }
      this.feeds.position_ids = new ort.Tensor(layout.positions, positions, [batch, longest])
      this.stepPositions = intData(layout.positions, batch)
      this.stepPositionsTensor = new ort.Tensor(layout.positions, this.stepPositions, [batch, 1])
    }
  }

  /**
   * Moves the feeds to the next step: each row's token (`padTokenId` for a
   * finished row, as the caller decides), the mask one column longer, each
   * position one further, and this step's presents as the next past.
   */
  advance(tokens: readonly number[], outputs: ort.InferenceSession.OnnxValueMapType): void {
    const batch = this.pads.length
    for (let b = 0; b < batch; b++) put(this.stepIds, b, tokens[b]!)
    this.feeds.input_ids = this.stepIdsTensor
    this.columns++
    if (this.mask) this.feeds.attention_mask = this.maskTensor()
    if (this.stepPositions) {
      for (let b = 0; b < batch; b++) put(this.stepPositions, b, this.nextPosition[b]!)
      this.feeds.position_ids = this.stepPositionsTensor!
    }
    for (let b = 0; b < batch; b++) this.nextPosition[b]!++
    const cache = this.layout.cache
    for (let i = 0; i < cache.length; i++) this.feeds[cache[i]!.past] = outputs[cache[i]!.present] as ort.Tensor
  }

  /** The mask at the current width: zeros over each row's padding, ones after. */
  private maskTensor(): ort.Tensor {
    const mask = this.mask!
    const batch = this.pads.length
    const s = this.columns
    for (let b = 0; b < batch; b++) {
      fillInt(mask, 0, b * s, b * s + this.pads[b]!)
      fillInt(mask, 1, b * s + this.pads[b]!, (b + 1) * s)
    }
    return new ort.Tensor(this.layout.mask!, mask.subarray(0, batch * s), [batch, s])
  }
}

/**
 * Greedy pick: for each batch row, the index of the largest logit at the last
 * position (the first index on ties), written into `picks`. Logits are
 * [batch, seq, vocab] or [batch, vocab], float32 or float16 (as bits in a
 * Uint16Array, or as numbers where onnxruntime gives a Float16Array).
 */
export function argmaxLastPosition(logits: ort.Tensor, picks: number[] = []): number[] {
  const dims = logits.dims
  const batch = dims[0] ?? 1
  const vocab = dims[dims.length - 1] ?? 0
  const seq = dims.length === 3 ? (dims[1] ?? 1) : 1
  const data = logits.data
  for (let b = 0; b < batch; b++) {
    const start = (b * seq + seq - 1) * vocab
    picks[b] =
      logits.type === 'float16' && data instanceof Uint16Array ? argmaxFloat16Bits(data, start, vocab) : argmaxValues(data as Float32Array, start, vocab)
  }
  return picks
}
