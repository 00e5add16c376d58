/**
 * The greedy pick, pure: the index of the largest logit in one row of a
 * float32 or float16 buffer, the first index on ties. A NaN never wins; a row
 * of NaN or -Infinity only picks index 0. One pass, no allocation: at a
 * 50k-token vocabulary this runs once per generated token.
 */

let halfTable: Float32Array | undefined

/** float16 bits to a number (exact: every half value is a float32 value). */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >> 10) & 0x1f
  const frac = h & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  if (exp === 0x1f) return frac ? Number.NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

/** All 65536 half values as float32, built once on the first float16 pick (256 KiB). */
function halves(): Float32Array {
  if (!halfTable) {
    halfTable = new Float32Array(65536)
    for (let h = 0; h < 65536; h++) halfTable[h] = halfToNumber(h)
  }
  return halfTable
}

/** Index (from 0) of the largest of `data[start .. start + length)`, the first on ties (float32 logits, or any numbers). */
export function argmaxValues(data: ArrayLike<number>, start: number, length: number): number {
  let best = 0
  let bestValue = -Infinity
  for (let v = 0; v < length; v++) {
    const x = data[start + v]!
    if (x > bestValue) {
      bestValue = x
      best = v
    }
  }
  return best
}

/** As argmaxValues, over float16 bits (onnxruntime's Uint16Array for 'float16' tensors). */
export function argmaxFloat16Bits(data: Uint16Array, start: number, length: number): number {
  const table = halves()
  let best = 0
  let bestValue = -Infinity
  for (let v = 0; v < length; v++) {
    const x = table[data[start + v]!]!
    if (x > bestValue) {
      bestValue = x
      best = v
    }
  }
  return best
}
