/**
 * A minimal, hand-written subset of the ONNX protobuf schema, built with
 * protobufjs reflection. Only the messages and fields that perfgate's model
 * generator writes are declared; field numbers follow the ONNX IR spec
 * (https://onnx.ai/onnx/repo-docs/IR.html). Unknown fields would be skipped by
 * any reader, so leaving the rest of the schema out is harmless.
 *
 * Also: small helpers for building nodes, initializers (raw_data, little
 * endian) and value infos with symbolic dimensions.
 */
import protobuf from 'protobufjs'

/** Versions every generated model uses. */
export const OPSET = 17
export const IR_VERSION = 8
export const PRODUCER = { name: 'perfgate', version: '1' } as const
/** Value of the `perfgate.generator` metadata prop. */
export const GENERATOR_TAG = 'perfgate bench/models/generate.ts'

export function checkPositiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer, got ${v}`)
}

// ---------------------------------------------------------------------------
// Enums (values from the ONNX spec)
// ---------------------------------------------------------------------------

/** TensorProto.DataType values used here. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
} as const
export type DataTypeValue = (typeof DataType)[keyof typeof DataType]

/** AttributeProto.AttributeType values used here. */
export const AttributeType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const

// ---------------------------------------------------------------------------
// Schema (protobufjs reflection)
// ---------------------------------------------------------------------------

type Rule = 'optional' | 'repeated'
type FieldSpec = [name: string, id: number, type: string, rule?: Rule]

function message(name: string, fields: FieldSpec[]): protobuf.Type {
  const t = new protobuf.Type(name)
  for (const [fname, id, ftype, rule] of fields) {
    t.add(new protobuf.Field(fname, id, ftype, rule ?? 'optional'))
  }
  return t
}

function buildRoot(): protobuf.Root {
  const ns = new protobuf.Namespace('onnx')

  ns.add(
    message('OperatorSetIdProto', [
      ['domain', 1, 'string'],
      ['version', 2, 'int64'],
    ]),
  )
  ns.add(
    message('StringStringEntryProto', [
      ['key', 1, 'string'],
      ['value', 2, 'string'],
    ]),
  )
  ns.add(
    message('TensorProto', [
      ['dims', 1, 'int64', 'repeated'],
      ['data_type', 2, 'int32'],
      ['float_data', 4, 'float', 'repeated'],
      ['int32_data', 5, 'int32', 'repeated'],
      ['int64_data', 7, 'int64', 'repeated'],
      ['name', 8, 'string'],
      ['raw_data', 9, 'bytes'],
      ['doc_string', 12, 'string'],
    ]),
  )

  const dimension = message('Dimension', [
    ['dim_value', 1, 'int64'],
    ['dim_param', 2, 'string'],
    ['denotation', 3, 'string'],
  ])
  dimension.add(new protobuf.OneOf('value', ['dim_value', 'dim_param']))
  const shape = message('TensorShapeProto', [['dim', 1, 'Dimension', 'repeated']])
  shape.add(dimension)
  ns.add(shape)

  const tensorType = message('Tensor', [
    ['elem_type', 1, 'int32'],
    ['shape', 2, 'TensorShapeProto'],
  ])
  const typeProto = message('TypeProto', [
    ['tensor_type', 1, 'Tensor'],
    ['denotation', 6, 'string'],
  ])
  typeProto.add(tensorType)
  typeProto.add(new protobuf.OneOf('value', ['tensor_type']))
  ns.add(typeProto)

  ns.add(
    message('ValueInfoProto', [
      ['name', 1, 'string'],
      ['type', 2, 'TypeProto'],
      ['doc_string', 3, 'string'],
    ]),
  )
  ns.add(
    message('AttributeProto', [
      ['name', 1, 'string'],
      ['f', 2, 'float'],
      ['i', 3, 'int64'],
      ['s', 4, 'bytes'],
      ['t', 5, 'TensorProto'],
      ['floats', 7, 'float', 'repeated'],
      ['ints', 8, 'int64', 'repeated'],
      ['strings', 9, 'bytes', 'repeated'],
      ['doc_string', 13, 'string'],
      ['type', 20, 'int32'],
    ]),
  )
  ns.add(
    message('NodeProto', [
      ['input', 1, 'string', 'repeated'],
      ['output', 2, 'string', 'repeated'],
      ['name', 3, 'string'],
      ['op_type', 4, 'string'],
      ['attribute', 5, 'AttributeProto', 'repeated'],
      ['doc_string', 6, 'string'],
      ['domain', 7, 'string'],
    ]),
  )
  ns.add(
    message('GraphProto', [
      ['node', 1, 'NodeProto', 'repeated'],
      ['name', 2, 'string'],
      ['initializer', 5, 'TensorProto', 'repeated'],
      ['doc_string', 10, 'string'],
      ['input', 11, 'ValueInfoProto', 'repeated'],
      ['output', 12, 'ValueInfoProto', 'repeated'],
      ['value_info', 13, 'ValueInfoProto', 'repeated'],
    ]),
  )
  ns.add(
    message('ModelProto', [
      ['ir_version', 1, 'int64'],
      ['producer_name', 2, 'string'],
      ['producer_version', 3, 'string'],
      ['domain', 4, 'string'],
      ['model_version', 5, 'int64'],
      ['doc_string', 6, 'string'],
      ['graph', 7, 'GraphProto'],
      ['opset_import', 8, 'OperatorSetIdProto', 'repeated'],
      ['metadata_props', 14, 'StringStringEntryProto', 'repeated'],
    ]),
  )

  const root = new protobuf.Root()
  root.add(ns)
  root.resolveAll()
  return root
}

export const onnxRoot: protobuf.Root = buildRoot()
export const ModelProto: protobuf.Type = onnxRoot.lookupType('onnx.ModelProto')

// ---------------------------------------------------------------------------
// Plain-object shapes (what we hand to protobufjs)
// ---------------------------------------------------------------------------

export interface AttributeMsg {
  name: string
  type: number
  f?: number
  i?: number
  s?: Uint8Array
  t?: TensorMsg
  floats?: number[]
  ints?: number[]
  strings?: Uint8Array[]
}

export interface NodeMsg {
  input: string[]
  output: string[]
  name: string
  op_type: string
  domain?: string
  attribute: AttributeMsg[]
}

export interface TensorMsg {
  name: string
  dims: number[]
  data_type: number
  raw_data: Uint8Array
}

export type Dim = number | string

export interface ValueInfoMsg {
  name: string
  type: { tensor_type: { elem_type: number; shape: { dim: ({ dim_value: number } | { dim_param: string })[] } } }
}

export interface GraphMsg {
  name: string
  node: NodeMsg[]
  initializer: TensorMsg[]
  input: ValueInfoMsg[]
  output: ValueInfoMsg[]
  doc_string?: string
}

export interface ModelMsg {
  ir_version: number
  producer_name: string
  producer_version: string
  domain?: string
  model_version?: number
  doc_string?: string
  graph: GraphMsg
  opset_import: { domain: string; version: number }[]
  metadata_props: { key: string; value: string }[]
}

/** Serialises a model; throws if the message does not verify against the schema. */
export function encodeModel(model: ModelMsg): Uint8Array {
  const err = ModelProto.verify(model)
  if (err) throw new Error(`invalid ModelProto: ${err}`)
  // Copy into a plain Uint8Array so callers never see a pooled Buffer slice.
  return new Uint8Array(ModelProto.encode(ModelProto.fromObject(model)).finish())
}

/**
 * Serialises one of perfgate's own models: the shared header (IR version, producer, opset) and
 * metadata `perfgate.generator` first, then `perfgate.<key>` for each of `props` in order.
 */
export function encodePerfgateModel(docString: string, graph: GraphMsg, props: Record<string, string>): Uint8Array {
  return encodeModel({
    ir_version: IR_VERSION,
    producer_name: PRODUCER.name,
    producer_version: PRODUCER.version,
    doc_string: docString,
    opset_import: [{ domain: '', version: OPSET }],
    graph,
    metadata_props: [{ key: 'perfgate.generator', value: GENERATOR_TAG }, ...Object.entries(props).map(([key, value]) => ({ key: `perfgate.${key}`, value }))],
  })
}

/** Parses model bytes back into a plain object (int64 as numbers, bytes as Uint8Array). */
export function decodeModel(bytes: Uint8Array): Record<string, unknown> {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: false, arrays: true }) as Record<string, unknown>
}

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

export type AttrValue = number | string | number[] | { floats: number[] } | { float: number } | TensorMsg

/**
 * Attribute inference: integers become INT, arrays of numbers INTS, strings
 * STRING. Use `{ float: x }` / `{ floats: [...] }` to force float attributes
 * (a JS number is ambiguous).
 */
export function attr(name: string, value: AttrValue): AttributeMsg {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: use { float } for non-integers`)
    return { name, type: AttributeType.INT, i: value }
  }
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) }
  if (Array.isArray(value)) {
    for (const v of value) if (!Number.isInteger(v)) throw new Error(`attribute ${name}: use { floats } for non-integers`)
    return { name, type: AttributeType.INTS, ints: value }
  }
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats }
  if ('float' in value) return { name, type: AttributeType.FLOAT, f: value.float }
  return { name, type: AttributeType.TENSOR, t: value }
}

export function makeNode(opType: string, inputs: string[], outputs: string[], name: string, attrs: Record<string, AttrValue> = {}): NodeMsg {
  return {
    op_type: opType,
    input: inputs,
    output: outputs,
    name,
    attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
  }
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1)
}

/** float32 initializer stored as little-endian raw_data. */
export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): TensorMsg {
  if (values.length !== product(dims)) {
    throw new Error(`tensor ${name}: ${values.length} values for dims [${dims.join(',')}]`)
  }
  const raw = new Uint8Array(values.length * 4)
  const view = new DataView(raw.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true)
  return { name, dims, data_type: DataType.FLOAT, raw_data: raw }
}

/** int64 initializer stored as little-endian raw_data. */
export function int64Tensor(name: string, dims: number[], values: ArrayLike<number>): TensorMsg {
  if (values.length !== product(dims)) {
    throw new Error(`tensor ${name}: ${values.length} values for dims [${dims.join(',')}]`)
  }
  const raw = new Uint8Array(values.length * 8)
  const view = new DataView(raw.buffer)
  for (let i = 0; i < values.length; i++) view.setBigInt64(i * 8, BigInt(values[i] as number), true)
  return { name, dims, data_type: DataType.INT64, raw_data: raw }
}

/** int8 initializer stored as raw_data (one byte per value, two's complement). */
export function int8Tensor(name: string, dims: number[], values: ArrayLike<number>): TensorMsg {
  if (values.length !== product(dims)) {
    throw new Error(`tensor ${name}: ${values.length} values for dims [${dims.join(',')}]`)
  }
  const raw = new Uint8Array(Int8Array.from(values as ArrayLike<number>).buffer)
  return { name, dims, data_type: DataType.INT8, raw_data: raw }
}

/** A graph input/output description; string dims become symbolic (dim_param). */
export function valueInfo(name: string, elemType: DataTypeValue, dims: Dim[]): ValueInfoMsg {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
      },
    },
  }
}

/**
 * Collects nodes and initializers while a graph is being written, handing out
 * unique tensor/node names.
 */
export class GraphBuilder {
  readonly nodes: NodeMsg[] = []
  readonly initializers: TensorMsg[] = []
  private readonly used = new Set<string>()
  private readonly counters = new Map<string, number>()

  /** A fresh name with the given prefix (`prefix`, then `prefix_1`, ...). */
  fresh(prefix: string): string {
    let name = prefix
    let n = this.counters.get(prefix) ?? 0
    while (this.used.has(name)) {
      n += 1
      name = `${prefix}_${n}`
    }
    this.counters.set(prefix, n)
    this.used.add(name)
    return name
  }

  /** Adds a node with one output and returns the output's name. */
  op(opType: string, inputs: string[], out: string, attrs: Record<string, AttrValue> = {}): string {
    return this.opMulti(opType, inputs, [out], attrs)[0] as string
  }

  /** Adds a node; each output name is used as given if free, else made unique. */
  opMulti(opType: string, inputs: string[], outs: string[], attrs: Record<string, AttrValue> = {}): string[] {
    const outputs = outs.map((o) => this.fresh(o))
    this.nodes.push(makeNode(opType, inputs, outputs, this.fresh(`${opType}_${outputs[0] ?? 'node'}`), attrs))
    return outputs
  }

  /**
   * Adds a node whose single output gets exactly `out` (a graph output name
   * reserved with {@link reserve}).
   */
  opExact(opType: string, inputs: string[], out: string, attrs: Record<string, AttrValue> = {}): string {
    this.used.add(out)
    this.nodes.push(makeNode(opType, inputs, [out], this.fresh(`${opType}_${out}`), attrs))
    return out
  }

  /** Adds a float32 initializer and returns its name. */
  float(name: string, dims: number[], values: ArrayLike<number>): string {
    const n = this.fresh(name)
    this.initializers.push(floatTensor(n, dims, values))
    return n
  }

  /** Adds an int8 initializer and returns its name. */
  int8(name: string, dims: number[], values: ArrayLike<number>): string {
    const n = this.fresh(name)
    this.initializers.push(int8Tensor(n, dims, values))
    return n
  }

  /** Adds an int64 initializer and returns its name. */
  int64(name: string, dims: number[], values: ArrayLike<number>): string {
    const n = this.fresh(name)
    this.initializers.push(int64Tensor(n, dims, values))
    return n
  }

  /** Reserves graph input/output names so intermediate tensors never collide with them. */
  reserve(...names: string[]): void {
    for (const n of names) this.used.add(n)
  }
}
