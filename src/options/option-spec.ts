/**
 * The vocabulary of option specs: one declarative spec per public options
 * object (its keys, each with a type, a range, its default and a line of
 * docs), checked by the one validator in validate-options.ts.
 */

/** Time options are refused above this many ms: a longer measurement is a typo (1e12) far more often than a wish. */
export const MAX_TIME_MS = 600_000

/** Counts of runs and warm-up runs are refused above this. */
export const MAX_RUN_COUNT = 1_000_000

export type OptionCheck =
  /** An integer in [min, max]; `or` lists string values also allowed (e.g. 'auto'). */
  | { kind: 'integer'; min: number; max?: number; or?: readonly string[]; unit?: 'ms' }
  /** A finite number; `min`/`max` inclusive, `above`/`below` exclusive; `unit` 'ms' reads "a number of milliseconds". */
  | { kind: 'number'; min?: number; max?: number; above?: number; below?: number; unit?: 'ms' }
  | { kind: 'boolean' }
  | { kind: 'string'; nonEmpty?: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'function' }
  /** An object passed through as it is (onnxruntime's session options, tensors). */
  | { kind: 'object' }
  /** An object of values by free names (e.g. dims), each checked with `of`; messages name `option.key`. */
  | { kind: 'record'; of: OptionCheck; example: string }
  /** An options object of its own, checked with its spec; `orBoolean` also allows true and false. */
  | { kind: 'nested'; spec: OptionsSpec; orBoolean?: boolean }
  /** Anything else: a test and the words for what it allows. */
  | { kind: 'custom'; expected: string; test: (v: unknown) => boolean }
  /** Checked by an existing validator that throws its own PerfgateError naming `option`. */
  | { kind: 'delegate'; check: (v: unknown, option: string) => void }

export interface OptionDef {
  check: OptionCheck
  /** One line for the docs. */
  doc: string
  /** The default, as the docs show it. */
  default: string
}

export type OptionsSpec = Readonly<Record<string, OptionDef>>

/** What a check allows, in words, for messages. */
export function expectedText(c: OptionCheck): string {
  switch (c.kind) {
    case 'integer': {
      const what = c.unit === 'ms' ? 'an integer number of milliseconds' : 'an integer'
      const tail = c.unit === 'ms' && c.max === MAX_TIME_MS ? ' (10 minutes)' : ''
      const range = c.max === undefined ? `${what} >= ${c.min}` : `${what} from ${c.min} to ${c.max}${tail}`
      return c.or ? `${range} or ${c.or.map((s) => `'${s}'`).join(' or ')}` : range
    }
    case 'number': {
      const what = c.unit === 'ms' ? 'a number of milliseconds' : 'a finite number'
      if (c.above !== undefined && c.below !== undefined && c.min === undefined && c.max === undefined)
        return `${what} between ${c.above} and ${c.below}, exclusive`
      const parts = [
        c.min !== undefined ? `>= ${c.min}` : '',
        c.above !== undefined ? `> ${c.above}` : '',
        c.max !== undefined ? `<= ${c.max}${c.unit === 'ms' && c.max === MAX_TIME_MS ? ' (10 minutes)' : ''}` : '',
        c.below !== undefined ? `< ${c.below}` : '',
      ].filter(Boolean)
      return parts.length > 0 ? `${what} ${parts.join(' and ')}` : what
    }
    case 'boolean':
      return 'true or false'
    case 'string':
      return c.nonEmpty ? 'a non-empty string' : 'a string'
    case 'enum':
      return c.values
        .map((v) => `'${v}'`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')
    case 'function':
      return 'a function'
    case 'object':
      return 'an object'
    case 'record':
      return `an object like ${c.example}`
    case 'nested':
      return `${c.orBoolean ? 'true, false or ' : ''}an object with ${Object.keys(c.spec).join(', ')}`
    case 'custom':
      return c.expected
    case 'delegate':
      return 'a valid value'
  }
}
