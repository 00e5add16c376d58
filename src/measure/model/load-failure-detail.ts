/** onnxruntime's reason a model could not be loaded, with what it means where its own words are cryptic. */

/** ONNX TensorProto element types by number, for "Unsupported data type: N". */
const ONNX_TYPES: Readonly<Record<number, string>> = {
  8: 'string',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
}

export function loadFailureDetail(message: string): string {
  const detail = message.trim()
  const m = /Unsupported data type: (\d+)/.exec(detail)
  if (!m) return detail
  const type = ONNX_TYPES[Number(m[1])] ?? `ONNX element type ${m[1]}`
  return (
    `${detail} (an input or output of the model has type ${type}, which onnxruntime-node cannot exchange with JavaScript; ` +
    `export the model with float32 or float16 inputs and outputs, e.g. a Cast at its boundaries)`
  )
}
