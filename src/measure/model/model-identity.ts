/** A model file's identity: path relative to the project, byte size and sha256. */
import { createHash } from 'node:crypto'
import { relative, sep } from 'node:path'
import type { ModelIdentity } from '../../types/index.js'

export function modelIdentity(absPath: string, bytes: Uint8Array, root: string = process.cwd()): ModelIdentity {
  const rel = relative(root, absPath)
  return {
    path: (rel.startsWith('..') ? absPath : rel).split(sep).join('/'),
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}
