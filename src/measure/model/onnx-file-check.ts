/**
 * Recognises files that cannot be ONNX models before onnxruntime is asked to
 * parse them: an empty file, or one whose first byte is no field tag of an
 * ONNX ModelProto (protobuf writes fields in number order, so a model starts
 * with ir_version, tag 0x08, or another ModelProto field).
 */

/** The one-byte tags of ModelProto fields 1-8 and 14 (their wire types), and the first bytes of fields 20 and 25. */
const MODEL_PROTO_FIRST_BYTES = new Set([0x08, 0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72, 0xa2, 0xca])

/** Why `bytes` cannot be an ONNX model, or undefined when they may be one. */
export function notOnnxReason(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return 'the file is empty (0 bytes)'
  const first = bytes[0]!
  if (MODEL_PROTO_FIRST_BYTES.has(first)) return undefined
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1')
  const printable = /^[\x20-\x7e\t\r\n]+$/.test(head)
  return `it does not start like an ONNX protobuf (first bytes ${printable ? JSON.stringify(head) : Buffer.from(bytes.subarray(0, 8)).toString('hex')})`
}
