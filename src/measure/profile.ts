/** `profile(model | fn, options)`: the public entry point of measuring. */
import { perfgateError } from '../errors.js'
import type { GenerationResult, LoadResult, ProfileResult, SweepResult } from '../types/index.js'
import { isGenerationSweepOptions, sweepGeneration, type GenerationSweepOptions } from './experiments/generation-sweep.js'
import type { LanguageModelSource } from './generation/language-model-source.js'
import type { ProfileOptions } from './run/options.js'
import { profileFunction } from './run/profile-function.js'
import { profileGenerate } from './generation/profile-generate.js'
import type { GenerateOptions } from './generation/generate-options.js'
import { profileModel } from './model/profile-model.js'
import { sweep, type SweepFunctionFactory, type SweepOptions } from './experiments/sweep.js'
import { compareModels } from './experiments/compare-models.js'
import { loadTest, type LoadOptions } from './load/load.js'
import { loadEndpoint, type EndpointLoadOptions } from './endpoint-load/endpoint-load.js'
import { sweepEndpoint, type EndpointSweepOptions } from './endpoint-load/endpoint-sweep.js'
import { registerOrigins } from '../metrics/metric-origins.js'
import { isEndpointUrl } from './endpoint/endpoint-identity.js'
import { profileEndpoint } from './endpoint/endpoint-profile.js'
import type { EndpointGenerateOptions, EndpointUrl } from './endpoint/endpoint-options.js'
import { withRemeasure } from './remeasure.js'
import { withGateDefaults } from './run/gate-defaults.js'

/**
 * Profiles an ONNX model file (path) or an async function, measuring warm
 * runs after a separate first run. See ProfileOptions for the defaults.
 */
export async function profile(target: string | (() => unknown), options: ProfileOptions = {}): Promise<ProfileResult> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile(target, options)',
      value: options,
      expected: 'an object, e.g. { runs: 30 } (or nothing, for the defaults)',
    })
  }
  // registered so that a number read from the result is gated with its samples (metric-origins.ts), and
  // remembered so that the gate can measure it again to confirm a verdict (remeasure.ts)
  const again = () => profile(target, options)
  if (typeof target === 'string') {
    // in a gated test: one thread, 6 sessions, calibrate, where the options leave them out (gate-defaults.ts)
    const gated = withGateDefaults(options)
    const result = await profileModel(target, gated.options)
    if (gated.applied) result.gateDefaults = gated.applied
    return withRemeasure(registerOrigins({ kind: 'profile', result }), again)
  }
  if (typeof target === 'function') return withRemeasure(registerOrigins({ kind: 'profile', result: await profileFunction(target, options) }), again)
  throw perfgateError('OPTION_INVALID', { option: 'profile(target)', value: typeof target, expected: 'a path to an .onnx file or a function' })
}

/**
 * `profile.generate(model, options)`: profiles text generation with a decoder
 * (a folder with an .onnx file and tokenizer.json, or `{ model, tokenizer }`):
 * TTFT, TPOT, ITL, E2E, tokens per second and memory, per prompt and over all.
 * See GenerateOptions for the defaults. With an http(s) URL instead, it measures an OpenAI-compatible
 * streaming server (`profile.generate('http://127.0.0.1:8000/v1', { model, prompts })`): TTFT, TPOT, ITL,
 * E2E and tokens per second, as the same kind of result; see EndpointGenerateOptions.
 */
function generate(url: EndpointUrl, options: EndpointGenerateOptions): Promise<GenerationResult>
function generate(model: LanguageModelSource, options: GenerateOptions): Promise<GenerationResult>
async function generate(source: LanguageModelSource, options: GenerateOptions | EndpointGenerateOptions): Promise<GenerationResult> {
  // an http(s) URL is an OpenAI-compatible streaming server (endpoint-profile.ts), anything else a model on disk
  const result = isEndpointUrl(source)
    ? await profileEndpoint(source, options as EndpointGenerateOptions)
    : await profileGenerate(source, options as GenerateOptions)
  return withRemeasure(registerOrigins({ kind: 'generation', result }), () => generate(source, options as GenerateOptions))
}
profile.generate = generate
/**
 * `profile.sweep(model, { over: { batch: [1, 4, 8, 16] } })`: one profile per value of one axis, with scaling columns.
 * With `generate` options and a language model, one `profile.generate` per value of a generation axis:
 * `profile.sweep('models/tiny-gpt', { generate: { prompts }, over: { maxNewTokens: [4, 8, 16] } })`; with an http(s) URL,
 * one `profile.generate(url)` per value of maxNewTokens or promptTokens (see EndpointSweepOptions).
 */
function sweepAny(url: EndpointUrl, options: EndpointSweepOptions): Promise<SweepResult<GenerationResult>>
function sweepAny(model: LanguageModelSource, options: GenerationSweepOptions): Promise<SweepResult<GenerationResult>>
function sweepAny(target: string | SweepFunctionFactory, options: SweepOptions): Promise<SweepResult>
function sweepAny(
  target: LanguageModelSource | SweepFunctionFactory,
  options: SweepOptions | GenerationSweepOptions | EndpointSweepOptions,
): Promise<SweepResult<GenerationResult> | SweepResult> {
  if (isEndpointUrl(target)) return sweepEndpoint(target, options as EndpointSweepOptions)
  if (isGenerationSweepOptions(options)) return sweepGeneration(target as LanguageModelSource, options)
  return sweep(target as string | SweepFunctionFactory, options as SweepOptions)
}
profile.sweep = sweepAny

/** `profile.compare({ fp32: 'a.onnx', int8: 'b.onnx' })`: variants measured interleaved, ratios with confidence intervals. */
profile.compare = compareModels

/**
 * `profile.load(model, { concurrency: [1, 2, 4], durationMs, slo })`: a load test in worker threads, with the goodput under an SLO.
 * With an http(s) URL, a load test of an OpenAI-compatible streaming server
 * (`profile.load('http://127.0.0.1:8000/v1', { generate: { model, prompts }, rate: [2, 4] })`); see EndpointLoadOptions.
 */
function load(url: EndpointUrl, options: EndpointLoadOptions): Promise<LoadResult>
function load(target: Parameters<typeof loadTest>[0], options?: LoadOptions): Promise<LoadResult>
function load(target: Parameters<typeof loadTest>[0], options?: LoadOptions | EndpointLoadOptions): Promise<LoadResult> {
  return isEndpointUrl(target) ? loadEndpoint(target, options as EndpointLoadOptions) : loadTest(target, options as LoadOptions)
}
profile.load = load
