/**
 * Keys of the `dims` option. A key is a symbolic dimension's name (`batch`,
 * `'p2o.DynamicDimension.0'`), or `'<input>:<axis>'` for a dimension the model
 * leaves unnamed (declared as `""` or with neither a name nor a size, e.g.
 * Silero VAD): `'input:1'` is axis 1 (from 0) of the input named `input`. A
 * model's own dimension name always wins over this reading of a key.
 */
import { perfgateError } from '../errors.js'

/** An `'<input>:<axis>'` key, read. */
export interface AxisKey {
  readonly input: string
  readonly axis: number
}

/** `'input:1'` -> { input: 'input', axis: 1 }; the input name may itself hold colons (`'input_1:0:1'`). Undefined for any other key. */
export function parseAxisKey(key: string): AxisKey | undefined {
  const m = /^(.+):(\d+)$/.exec(key)
  return m ? { input: m[1]!, axis: Number(m[2]) } : undefined
}

/** The key that sets axis `axis` of input `input`. */
export function axisKey(input: string, axis: number): string {
  return `${input}:${axis}`
}

/** A KV-cache length (`past_sequence_length`, `past_len`, an axis of `past_key_values.0.key`) may be 0: an empty cache is how a prefill is fed. */
export function mayBeZero(key: string): boolean {
  return /past/i.test(key)
}

/** How a key is named in messages: `dims.batch`, `dims['p2o.DynamicDimension.0']`, `dims['input:1'] (axis 1 of input 'input')`. */
export function dimKeyText(key: string): string {
  const path = /^[A-Za-z_$][\w$]*$/.test(key) ? `dims.${key}` : `dims[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`
  const axis = parseAxisKey(key)
  return axis ? `${path} (axis ${axis.axis} of input '${axis.input}')` : path
}

const EXPECTED = 'a whole number >= 1 (a KV-cache length such as past_sequence_length may be 0)'

/**
 * The options spec's check of `dims`: an object whose values are whole numbers
 * >= 1 (0 only for a KV-cache length). The model's own check (dims-check.ts)
 * later refuses names and axes the model does not have.
 */
export function checkDimsOption(value: unknown, option: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw perfgateError('OPTION_INVALID', { option, value, expected: "an object like { batch: 1 } (an unnamed dimension as 'input:axis': { 'input:0': 1 })" })
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < (mayBeZero(key) ? 0 : 1)) {
      throw perfgateError('OPTION_INVALID', { option: option.replace(/dims \}\)$/, `${dimKeyText(key)} })`), value: v, expected: EXPECTED })
    }
  }
}
