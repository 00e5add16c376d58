/** The one parser of `--dims`. */
import { errorMessage } from '../errors.js'
import { UsageError } from './usage.js'

/** `--dims batch=4,height=224` -> { batch: 4, height: 224 }; null when malformed. */
export function parseDims(text: string): Record<string, number> | null {
  const out: Record<string, number> = {}
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part)
    if (!m) return null
    out[m[1]!] = Number(m[2])
  }
  return out
}

/** The `--dims` flag: undefined when not given, a UsageError when malformed. */
export function dimsArg(v: string | undefined): Record<string, number> | undefined {
  if (v === undefined) return undefined
  const d = parseDims(v)
  if (!d) throw new UsageError(errorMessage('USAGE_DIMS', { got: v }))
  return d
}
