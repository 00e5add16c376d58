/**
 * `perfgate inspect`'s facts about a model file: its identity (size, sha256),
 * header (IR version, producer, opsets, read from the protobuf) and its inputs
 * and outputs as onnxruntime sees them (the same metadata `profile` generates
 * inputs from), with the `dims` that set every free dimension.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import type { ModelInfo, ModelValueInfo } from '../../types/index.js'
import { type DeclaredInput, dimsFlag, dimsLiteral, freeDims } from '../inputs/dims-hints.js'
import { loadFailureDetail } from './load-failure-detail.js'
import { resolveModelFile } from './model-file.js'
import { modelIdentity } from './model-identity.js'
import { notOnnxReason } from './onnx-file-check.js'
import { readOnnxHeader } from './onnx-header.js'

type Metadata = ort.InferenceSession.ValueMetadata

function valueInfo(meta: Metadata): ModelValueInfo {
  if (!meta.isTensor) return { name: meta.name, type: 'non-tensor', shape: [] }
  return { name: meta.name, type: meta.type, shape: meta.shape.map((d) => (d === '' || (typeof d === 'number' && d < 0) ? null : d)) }
}

/** The declared inputs of a model, as dims-hints reads them: tensors only. */
export function declaredInputs(inputs: readonly Metadata[]): DeclaredInput[] {
  return inputs.flatMap((m) => (m.isTensor ? [{ name: m.name, type: m.type, shape: m.shape }] : []))
}

/** The model's metadata from a session of its own, released at once. */
async function sessionMetadata(path: string, bytes: Uint8Array): Promise<{ inputs: readonly Metadata[]; outputs: readonly Metadata[] }> {
  let session: ort.InferenceSession
  try {
    session = await ort.InferenceSession.create(bytes)
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path, detail: loadFailureDetail((err as Error).message) }, err)
  }
  try {
    return { inputs: session.inputMetadata, outputs: session.outputMetadata }
  } finally {
    await session.release()
  }
}

/** Reads the model at `path` (relative to `cwd`); PerfgateErrors for a missing file, a folder, or a file that is no ONNX model. */
export async function inspectModel(path: string, cwd: string = process.cwd()): Promise<ModelInfo> {
  const abs = resolveModelFile(resolve(cwd, path))
  let bytes: Uint8Array
  try {
    bytes = readFileSync(abs)
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path, detail: (err as Error).message }, err)
  }
  const notOnnx = notOnnxReason(bytes)
  if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path, detail: notOnnx })
  let header: ReturnType<typeof readOnnxHeader>
  try {
    header = readOnnxHeader(bytes)
  } catch (err) {
    throw perfgateError('MODEL_NOT_ONNX', { path, detail: `its protobuf is malformed (${(err as Error).message})` }, err)
  }
  const { inputs, outputs } = await sessionMetadata(path, bytes)
  const identity = modelIdentity(abs, bytes, cwd)
  const free = freeDims(declaredInputs(inputs))
  return {
    kind: 'model-info',
    path: identity.path,
    bytes: identity.bytes,
    sha256: identity.sha256,
    ...(header.irVersion !== undefined ? { irVersion: header.irVersion } : {}),
    ...(header.producer !== undefined ? { producer: header.producer } : {}),
    opsets: header.opsets,
    inputs: inputs.map(valueInfo),
    outputs: outputs.map(valueInfo),
    freeDims: free.map(({ shape: _shape, ...d }) => d),
    dims: dimsLiteral(free),
    dimsFlag: dimsFlag(free),
  }
}
