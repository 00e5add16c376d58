/**
 * The one options validator: every key must be known (an unknown one is an
 * error with a "did you mean" suggestion) and every value must pass its
 * check. Used by the API, the plugin, the matcher and the CLI alike.
 */
import { perfgateError } from '../errors.js'
import { expectedText, type OptionCheck, type OptionsSpec } from './option-spec.js'
import { closestName } from './suggest.js'

/** How an option is named in messages: `profile({ opProfile.runs })`. */
export function optionName(call: string, path: string): string {
  return `${call}({ ${path} })`
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function passes(c: OptionCheck, v: unknown): boolean {
  switch (c.kind) {
    case 'integer':
      return (
        (typeof v === 'string' && (c.or ?? []).includes(v)) ||
        (Number.isInteger(v) && (v as number) >= c.min && (c.max === undefined || (v as number) <= c.max))
      )
    case 'number':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (c.min === undefined || v >= c.min) &&
        (c.max === undefined || v <= c.max) &&
        (c.above === undefined || v > c.above) &&
        (c.below === undefined || v < c.below)
      )
    case 'boolean':
      return typeof v === 'boolean'
    case 'string':
      return typeof v === 'string' && (!c.nonEmpty || v.trim() !== '')
    case 'enum':
      return typeof v === 'string' && c.values.includes(v)
    case 'function':
      return typeof v === 'function'
    case 'object':
      return isPlainObject(v)
    case 'custom':
      return c.test(v)
    case 'nested':
    case 'record':
    case 'delegate':
      return true
  }
}

/**
 * Checks `options` against `spec`; throws OPTION_UNKNOWN or OPTION_INVALID naming the
 * option as `call({ path })`. Undefined options and undefined values mean "the default".
 */
export function validateOptions(spec: OptionsSpec, options: unknown, call: string, prefix = ''): void {
  if (options === undefined) return
  if (!isPlainObject(options)) {
    throw perfgateError('OPTION_INVALID', {
      option: prefix ? optionName(call, prefix.slice(0, -1)) : `${call}(options)`,
      value: options,
      expected: 'an options object',
    })
  }
  const known = Object.keys(spec)
  for (const [key, value] of Object.entries(options)) {
    const def = spec[key]
    const path = `${prefix}${key}`
    if (!def) throw perfgateError('OPTION_UNKNOWN', { option: optionName(call, path), suggestion: closestName(key, known), known })
    if (value === undefined) continue
    const c = def.check
    if (c.kind === 'nested') {
      if (c.orBoolean && typeof value === 'boolean') continue
      if (!isPlainObject(value)) throw perfgateError('OPTION_INVALID', { option: optionName(call, path), value, expected: expectedText(c) })
      validateOptions(c.spec, value, call, `${path}.`)
    } else if (c.kind === 'record') {
      if (!isPlainObject(value)) throw perfgateError('OPTION_INVALID', { option: optionName(call, path), value, expected: expectedText(c) })
      for (const [k, v] of Object.entries(value)) {
        if (!passes(c.of, v)) throw perfgateError('OPTION_INVALID', { option: optionName(call, `${path}.${k}`), value: v, expected: expectedText(c.of) })
      }
    } else if (c.kind === 'delegate') {
      c.check(value, optionName(call, path))
    } else if (!passes(c, value)) {
      throw perfgateError('OPTION_INVALID', { option: optionName(call, path), value, expected: expectedText(c) })
    }
  }
}
