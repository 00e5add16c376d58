/**
 * Deterministic JSON for baseline files: keys sorted, numbers rounded to a
 * fixed number of significant digits, arrays of numbers on one line, two-space
 * indent and a trailing newline. The same data always gives the same bytes, so
 * a baseline change is a small git diff.
 */

/** Significant digits kept for every stored number. */
export const SIGNIFICANT_DIGITS = 6

/** Rounds to SIGNIFICANT_DIGITS significant digits; integers stay as they are. */
export function roundNumber(x: number): number {
  if (!Number.isFinite(x)) throw new TypeError(`cannot store a non-finite number (${x}) in a baseline`)
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x
  const r = Number(x.toPrecision(SIGNIFICANT_DIGITS))
  return Object.is(r, -0) ? 0 : r
}

/** Serialises `value` deterministically (see the module comment). */
export function formatBaselineJson(value: unknown): string {
  return `${write(value, '')}\n`
}

function write(value: unknown, indent: string): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return JSON.stringify(roundNumber(value))
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => typeof v === 'number' || typeof v === 'string')) {
      return `[${value.map((v) => write(v, indent)).join(', ')}]`
    }
    const inner = `${indent}  `
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
    if (keys.length === 0) return '{}'
    const inner = `${indent}  `
    const body = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write((value as Record<string, unknown>)[k], inner)}`)
    return `{\n${body.join(',\n')}\n${indent}}`
  }
  throw new TypeError(`cannot store a value of type ${typeof value} in a baseline`)
}

/** The value as it reads back from a baseline file: keys sorted, numbers rounded. */
export function normalizeForBaseline<T>(value: T): T {
  return JSON.parse(formatBaselineJson(value)) as T
}
