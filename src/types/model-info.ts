/** What `perfgate inspect` reports about a model file (its `--json` output). */

/** A model input or output. `shape` holds sizes, names of symbolic dimensions, and null for an unnamed one. */
export interface ModelValueInfo {
  name: string
  /** The element type (`float32`, `int64`, ...), or `non-tensor`. */
  type: string
  shape: (number | string | null)[]
}

/** A free dimension of the inputs: the `dims` key that sets it, and the value to give it. */
export interface ModelFreeDim {
  /** The dimension's name, or `'input:axis'` for one the model leaves unnamed. */
  key: string
  /** The model's name for it; absent when unnamed. */
  name?: string
  /** The input where it first appears, and its axis there (from 0). */
  input: string
  axis: number
  /** The value offered in `dims`. */
  value: number
  /** false: `value` is a placeholder; put the production size there. */
  known: boolean
  /** What the value should be, in words. */
  advice: string
}

export interface ModelInfo {
  kind: 'model-info'
  /** The model file as given (relative to the current folder where it lies inside it). */
  path: string
  bytes: number
  sha256: string
  irVersion?: number
  /** producer_name and producer_version, e.g. `pytorch 2.4.0`. */
  producer?: string
  /** Operator sets it imports; domain '' is the default ONNX domain. */
  opsets: { domain: string; version: number }[]
  inputs: ModelValueInfo[]
  outputs: ModelValueInfo[]
  freeDims: ModelFreeDim[]
  /** The `dims` object that sets every free dimension, as JavaScript (keys quoted where needed). */
  dims: string
  /** The same as the CLI's `--dims` value. */
  dimsFlag: string
}
