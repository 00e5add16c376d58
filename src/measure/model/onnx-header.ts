/**
 * The header of an ONNX model read from its protobuf bytes: IR version,
 * producer and operator sets (onnxruntime's session does not expose them).
 * Reads the ModelProto's top-level fields only and steps over the rest
 * (the graph and its weights) without decoding it. Pure.
 *
 * Field numbers (onnx.proto): ModelProto ir_version 1, producer_name 2,
 * producer_version 3, opset_import 8; OperatorSetIdProto domain 1, version 2.
 */

export interface OnnxHeader {
  irVersion?: number
  producer?: string
  /** Operator sets the model imports; domain '' is the default ONNX domain (`ai.onnx`). */
  opsets: { domain: string; version: number }[]
}

class Reader {
  pos = 0
  constructor(
    readonly bytes: Uint8Array,
    readonly end: number = bytes.byteLength,
  ) {}

  varint(): number {
    let result = 0
    let scale = 1
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new Error('truncated varint')
      const b = this.bytes[this.pos++]!
      result += (b & 0x7f) * scale
      if ((b & 0x80) === 0) return result
      scale *= 128
    }
    throw new Error('varint longer than 10 bytes')
  }

  /** Steps over a field's value of wire type `wire`; returns [start, end) of a length-delimited one. */
  skip(wire: number): [number, number] {
    const start = this.pos
    if (wire === 0) this.varint()
    else if (wire === 1) this.pos += 8
    else if (wire === 5) this.pos += 4
    else if (wire === 2) {
      const len = this.varint()
      const from = this.pos
      this.pos += len
      if (this.pos > this.end) throw new Error('field runs past the end of the file')
      return [from, this.pos]
    } else throw new Error(`unsupported wire type ${wire}`)
    if (this.pos > this.end) throw new Error('field runs past the end of the file')
    return [start, this.pos]
  }
}

function utf8(bytes: Uint8Array, [from, to]: [number, number]): string {
  return new TextDecoder().decode(bytes.subarray(from, to))
}

function readOpset(bytes: Uint8Array, [from, to]: [number, number]): { domain: string; version: number } {
  const r = new Reader(bytes, to)
  r.pos = from
  let domain = ''
  let version = 0
  while (r.pos < to) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    if (field === 2 && tag % 8 === 0) version = r.varint()
    else {
      const span = r.skip(tag % 8)
      if (field === 1 && tag % 8 === 2) domain = utf8(bytes, span)
    }
  }
  return { domain, version }
}

/** The header of the model in `bytes`; throws an Error when the bytes are no well-formed protobuf. */
export function readOnnxHeader(bytes: Uint8Array): OnnxHeader {
  const r = new Reader(bytes)
  const header: OnnxHeader = { opsets: [] }
  let producerVersion = ''
  while (r.pos < r.end) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    const wire = tag % 8
    if (field === 1 && wire === 0) {
      header.irVersion = r.varint()
      continue
    }
    const span = r.skip(wire)
    if (wire !== 2) continue
    if (field === 2) header.producer = utf8(bytes, span)
    else if (field === 3) producerVersion = utf8(bytes, span)
    else if (field === 8) header.opsets.push(readOpset(bytes, span))
  }
  if (header.producer !== undefined && producerVersion !== '') header.producer = `${header.producer} ${producerVersion}`
  return header
}
