/**
 * `profile.sweep(url, { generate, over })`: a generation sweep against an OpenAI-compatible server, one
 * `profile.generate(url)` per value of `maxNewTokens` or `promptTokens` (the prompts cut or repeated to
 * about that many tokens with the tokenizer of `generate.tokenizer`), through the same sweep engine as a
 * local model's generation sweep. `batchSize` is a local axis: a server batches as it likes.
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { perfgateError } from '../../errors.js'
import { ENDPOINT_SWEEP_SPEC } from '../../options/endpoint-load-spec.js'
import { validateOptions } from '../../options/validate-options.js'
import type { GenerationResult, SweepResult, SweepValue } from '../../types/index.js'
import type { EndpointGenerateOptions } from '../endpoint/endpoint-options.js'
import { profileEndpoint } from '../endpoint/endpoint-profile.js'
import { outputTokensPerSecond, promptOfTokens } from '../experiments/generation-sweep-points.js'
import { parseOver, pointLabel, runSweep } from '../experiments/sweep.js'
import { loadPrompts } from '../generation/generate-options.js'
import { loadTokenizer } from '../generation/language-model-files.js'

export interface EndpointSweepOptions {
  /** The `profile.generate(url)` options every point starts from; with `over.promptTokens`, `tokenizer` is required. */
  generate: EndpointGenerateOptions
  /** The axis and its values (integers >= 1): `{ maxNewTokens: [16, 64, 256] }` or `{ promptTokens: [32, 256, 1024] }`. */
  over: Partial<Record<'maxNewTokens' | 'promptTokens', readonly number[]>>
  /** A step that buys less than this share of the ideal gain is where scaling flattens. @default 0.2 */
  flatBelow?: number
}

const ENDPOINT_AXES = ['maxNewTokens', 'promptTokens']

function promptTokenizer(path: string | undefined) {
  if (path === undefined) {
    throw perfgateError('OPTION_INVALID', {
      option: 'generate.tokenizer',
      value: undefined,
      expected: "the server's tokenizer.json (or its folder), to build prompts of a number of tokens for over.promptTokens",
    })
  }
  const abs = resolve(path)
  const folder = existsSync(abs) && statSync(abs).isDirectory()
  const file = folder ? join(abs, 'tokenizer.json') : abs
  const config = join(folder ? abs : resolve(abs, '..'), 'tokenizer_config.json')
  return loadTokenizer(file, existsSync(config) ? config : undefined)
}

export async function sweepEndpoint(url: string, options: EndpointSweepOptions): Promise<SweepResult<GenerationResult>> {
  validateOptions(ENDPOINT_SWEEP_SPEC, options, 'profile.sweep')
  const { generate, over, flatBelow } = options
  const axes = typeof over === 'object' && over !== null ? Object.keys(over) : []
  const other = axes.find((a) => !ENDPOINT_AXES.includes(a))
  if (other !== undefined) {
    throw perfgateError('SWEEP_AXIS_INVALID', {
      detail: `over.${other} is not an axis of a sweep against a server; it varies one of ${ENDPOINT_AXES.join(', ')}`,
    })
  }
  const { axis, values } = parseOver(over, () => 'generation')
  const basePrompts = loadPrompts(generate.prompts)
  const tokenizer = axis === 'promptTokens' ? promptTokenizer(generate.tokenizer) : undefined
  const measure = (value: SweepValue, i: number): Promise<GenerationResult> => {
    generate.onProgress?.(`sweep ${pointLabel(axis, value)} (${i + 1}/${values.length})`)
    const n = value as number
    const point: EndpointGenerateOptions = tokenizer
      ? { ...generate, prompts: basePrompts.map((p) => promptOfTokens(p, n, tokenizer)) }
      : { ...generate, prompts: basePrompts, maxNewTokens: n }
    return profileEndpoint(url, point)
  }
  return runSweep(axis, 'generation', values, measure, (r) => outputTokensPerSecond(r.requests, r.batchSize), flatBelow)
}
