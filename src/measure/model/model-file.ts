/** The model file a profile, a load test or a model comparison was given: resolved, and refused by name when it is missing or a folder. */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { perfgateError } from '../../errors.js'

/** The absolute path of `path`, which must be a file. */
export function resolveModelFile(path: string): string {
  const abs = resolve(path)
  if (!existsSync(abs)) throw perfgateError('MODEL_NOT_FOUND', { path })
  // a folder would otherwise fail in readFileSync with a bare EISDIR, or be called missing
  if (statSync(abs).isDirectory()) throw perfgateError('MODEL_IS_FOLDER', { path })
  return abs
}
