/**
 * Weight quantization for the int8 variants, the way onnxruntime's
 * `quantize_dynamic` writes a linear layer: weights stored as int8 with one
 * symmetric per-tensor scale (zero point 0), activations quantized to uint8 at
 * run time:
 *
 *   x_q, x_scale, x_zp = DynamicQuantizeLinear(x)
 *   y = Cast(MatMulInteger(x_q, W_q, x_zp, 0), float) * (x_scale * W_scale) + b
 *
 * onnxruntime fuses this pattern into its DynamicQuantizeMatMul kernel.
 */
import type { GraphBuilder } from './onnx-schema.js'

/** Symmetric per-tensor int8: scale = max|w| / 127, q = round(w / scale) in [-127, 127]. */
export function quantizeSymmetricInt8(values: ArrayLike<number>): { q: Int8Array; scale: number } {
  let max = 0
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i] as number))
  const scale = max > 0 ? Math.fround(max / 127) : 1
  const q = new Int8Array(values.length)
  for (let i = 0; i < values.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round((values[i] as number) / scale)))
  return { q, scale }
}

/**
 * `x @ W + b` with W quantized to int8; returns the output's name.
 * `weights` is W as float32 values of shape [fanIn, fanOut], `bias` the bias initializer's name.
 */
export function int8Dense(g: GraphBuilder, x: string, prefix: string, weights: ArrayLike<number>, dims: [number, number], bias: string): string {
  const { q, scale } = quantizeSymmetricInt8(weights)
  const wq = g.int8(`${prefix}.weight_quantized`, dims, q)
  const wScale = g.float(`${prefix}.weight_scale`, [], [scale])
  const wZero = g.int8(`${prefix}.weight_zero_point`, [], [0])
  const [xq, xScale, xZero] = g.opMulti('DynamicQuantizeLinear', [x], [`${prefix}.input_quantized`, `${prefix}.input_scale`, `${prefix}.input_zero_point`]) as [
    string,
    string,
    string,
  ]
  const acc = g.op('MatMulInteger', [xq, wq, xZero, wZero], `${prefix}.matmul_integer`)
  const accF = g.op('Cast', [acc], `${prefix}.matmul_integer_float`, { to: 1 })
  const scale2 = g.op('Mul', [xScale, wScale], `${prefix}.output_scale`)
  const y = g.op('Mul', [accF, scale2], `${prefix}.matmul`)
  return g.op('Add', [y, bias], prefix)
}
