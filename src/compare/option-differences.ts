/**
 * The profile options that differ between a baseline entry and the current one, one difference per
 * option path (`sessions: 6 -> 3`, `dims.batch: 1 -> 4`), not two whole JSON objects. An option one
 * side leaves out shows as `default` (it ran with the default); objects are compared key by key,
 * anything else (numbers, strings, arrays) as a whole. Both sides are normalised as baselines store
 * them first, so key order and float noise never count. Pure.
 */
import { normalizeForBaseline } from '../baseline/format.js'
import type { TestbedDifference } from '../types/index.js'

type Options = Record<string, unknown>

function isPlainObject(v: unknown): v is Options {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function show(v: unknown): string {
  if (v === undefined) return 'default'
  return typeof v === 'string' ? v : JSON.stringify(v)
}

function collect(a: unknown, b: unknown, path: string, out: TestbedDifference[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) collect(a[key], b[key], path ? `${path}.${key}` : key, out)
    return
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: `options.${path}`, baseline: show(a), current: show(b) })
}

/** One difference per differing option path, in path order; the field is `options.<path>`. */
export function optionDifferences(baseline: Options | undefined, current: Options | undefined): TestbedDifference[] {
  const out: TestbedDifference[] = []
  collect(normalizeForBaseline(baseline ?? {}), normalizeForBaseline(current ?? {}), '', out)
  return out
}
