/** Options of `profile.generate`: their defaults, documentation, validation, and the prompts they name. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { GENERATE_SPEC } from '../../options/generate-spec.js'
import { validateOptions } from '../../options/validate-options.js'

export interface GenerateOptions {
  /**
   * The prompts: an array of strings, or the path of a file with one prompt per
   * line (blank lines skipped) or a JSON array of strings. Required, at least one.
   */
  prompts: readonly string[] | string
  /** Tokens to generate per prompt. @default 32 */
  maxNewTokens?: number
  /**
   * Keep generating after an end-of-sequence token, so that every request
   * generates exactly maxNewTokens and runs stay comparable. Set false to stop
   * at the first end-of-sequence token. @default true
   */
  ignoreEos?: boolean
  /** Warm-up passes over every prompt before measuring. @default 1 */
  warmup?: number
  /** Measured passes over every prompt (requests = prompts x runs). @default 10 */
  runs?: number
  /** Prompts generated together in one batch, left-padded with the attention mask. @default 1 */
  batchSize?: number
  /** onnxruntime session options, passed through, as in `profile()`. @default {} */
  session?: ort.InferenceSession.SessionOptions
  /**
   * Measure the machine-speed reference workload once after the measured passes (after the memory is
   * read) and store its score with the result, as `profile()`'s `calibrate` does. @default false
   */
  calibrate?: boolean
  /** Called with progress messages. @default none */
  onProgress?: (message: string) => void
}

export interface ResolvedGenerateOptions {
  maxNewTokens: number
  ignoreEos: boolean
  warmup: number
  runs: number
  batchSize: number
  calibrate: boolean
}

export const GENERATE_DEFAULTS: Readonly<ResolvedGenerateOptions> = {
  maxNewTokens: 32,
  ignoreEos: true,
  warmup: 1,
  runs: 10,
  batchSize: 1,
  calibrate: false,
}

/** Checks every option (unknown names, types, ranges: see GENERATE_SPEC) and fills in the defaults. */
export function resolveGenerateOptions(o: Partial<GenerateOptions>, call = 'profile.generate'): ResolvedGenerateOptions {
  validateOptions(GENERATE_SPEC, o, call)
  return {
    maxNewTokens: o.maxNewTokens ?? GENERATE_DEFAULTS.maxNewTokens,
    ignoreEos: o.ignoreEos ?? GENERATE_DEFAULTS.ignoreEos,
    warmup: o.warmup ?? GENERATE_DEFAULTS.warmup,
    runs: o.runs ?? GENERATE_DEFAULTS.runs,
    batchSize: o.batchSize ?? GENERATE_DEFAULTS.batchSize,
    calibrate: o.calibrate ?? GENERATE_DEFAULTS.calibrate,
  }
}

/** Parses a prompts file: a JSON array of strings, or one prompt per line (blank lines skipped). */
export function parsePromptsFile(text: string, path: string): string[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch (err) {
      throw perfgateError('PROMPTS_UNREADABLE', { path, detail: `it starts with [ but is not valid JSON (${(err as Error).message})` }, err)
    }
    if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) {
      throw perfgateError('PROMPTS_UNREADABLE', { path, detail: 'the JSON is not an array of strings' })
    }
    return parsed
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== '')
}

/** The prompts an option names: the array itself, or the file's prompts. Never empty. */
export function loadPrompts(prompts: unknown, cwd: string = process.cwd()): string[] {
  let list: string[]
  let source: string
  if (typeof prompts === 'string') {
    const abs = resolve(cwd, prompts)
    if (!existsSync(abs)) throw perfgateError('PROMPTS_UNREADABLE', { path: prompts, detail: 'the file does not exist' })
    if (!statSync(abs).isFile()) throw perfgateError('PROMPTS_UNREADABLE', { path: prompts, detail: 'it is a directory, not a file' })
    list = parsePromptsFile(readFileSync(abs, 'utf8'), prompts)
    source = `the file ${prompts} holds none`
  } else if (Array.isArray(prompts) && prompts.every((p) => typeof p === 'string')) {
    list = [...(prompts as string[])]
    source = 'prompts is an empty array'
  } else if (prompts === undefined) {
    throw perfgateError('PROMPTS_EMPTY', { source: 'the prompts option is missing' })
  } else {
    throw perfgateError('OPTION_INVALID', { option: 'prompts', value: prompts, expected: 'an array of strings or the path of a prompts file' })
  }
  if (list.length === 0) throw perfgateError('PROMPTS_EMPTY', { source })
  return list
}

/** The options as stored with a result and its baseline entry (JSON only); the prompts as a count and a short hash. */
export function recordedGenerateOptions(o: Partial<GenerateOptions>, r: ResolvedGenerateOptions, prompts: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    prompts: prompts.length,
    promptsSha256: createHash('sha256').update(JSON.stringify(prompts)).digest('hex').slice(0, 12),
    maxNewTokens: r.maxNewTokens,
    ignoreEos: r.ignoreEos,
    warmup: r.warmup,
    runs: r.runs,
    batchSize: r.batchSize,
  }
  if (o.session) out.session = JSON.parse(JSON.stringify(o.session)) as unknown
  if (r.calibrate) out.calibrate = true
  return out
}
