/**
 * Tensors of a decoder step in the model's own types (ids, mask, positions,
 * an empty KV cache for the prefill, the previous step's presents as the next
 * past), and the greedy pick over the last position's logits.
 */
import ort from 'onnxruntime-node'
import type { DecoderLayout, IdsType } from './decoder-layout.js'

/** A [rows, columns] tensor of integers in the declared type (int64, int32, or float32 for float masks). */
export function intMatrix(type: IdsType | 'float32', rows: readonly (readonly number[])[]): ort.Tensor {
  const b = rows.length
  const s = rows[0]?.length ?? 0
  const flat = rows.flat()
  if (type === 'int64') return new ort.Tensor('int64', BigInt64Array.from(flat, (v) => BigInt(v)), [b, s])
  if (type === 'int32') return new ort.Tensor('int32', Int32Array.from(flat), [b, s])
  return new ort.Tensor('float32', Float32Array.from(flat), [b, s])
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

/** The next step's cache inputs: this step's present outputs, as they are. */
export function cacheFromPresents(layout: DecoderLayout, outputs: ort.InferenceSession.OnnxValueMapType): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {}
  for (const { past, present } of layout.cache) out[past] = outputs[present] as ort.Tensor
  return out
}

/** float16 bits to a number (for argmax over half-precision logits). */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >> 10) & 0x1f
  const frac = h & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  if (exp === 0x1f) return frac ? Number.NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

/**
 * Greedy pick: for each batch row, the index of the largest logit at the last
 * position (the first index on ties). Logits are [batch, seq, vocab] or [batch, vocab].
 */
export function argmaxLastPosition(logits: ort.Tensor): number[] {
  const dims = logits.dims
  const batch = dims[0] ?? 1
  const vocab = dims[dims.length - 1] ?? 0
  const seq = dims.length === 3 ? (dims[1] ?? 1) : 1
  const data = logits.data as Float32Array | Uint16Array
  const read = logits.type === 'float16' ? (i: number) => halfToNumber(data[i]!) : (i: number) => data[i]!
  const picks: number[] = []
  for (let b = 0; b < batch; b++) {
    const start = (b * seq + seq - 1) * vocab
    let best = 0
    let bestValue = -Infinity
    for (let v = 0; v < vocab; v++) {
      const x = read(start + v)
      if (x > bestValue) {
        bestValue = x
        best = v
      }
    }
    picks.push(best)
  }
  return picks
}
