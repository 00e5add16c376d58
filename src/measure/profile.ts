/** `profile(model | fn, options)`: the public entry point of measuring. */
import { perfgateError } from '../errors.js'
import type { GenerationResult, ProfileResult, SweepResult } from '../types/index.js'
import { isGenerationSweepOptions, sweepGeneration, type GenerationSweepOptions } from './experiments/generation-sweep.js'
import type { LanguageModelSource } from './generation/language-model-source.js'
import type { ProfileOptions } from './run/options.js'
import { profileFunction } from './run/profile-function.js'
import { profileGenerate } from './generation/profile-generate.js'
import type { GenerateOptions } from './generation/generate-options.js'
import { profileModel } from './model/profile-model.js'
import { sweep, type SweepFunctionFactory, type SweepOptions } from './experiments/sweep.js'
import { compareModels } from './experiments/compare-models.js'
import { loadTest } from './load/load.js'
import { registerOrigins } from '../metrics/metric-origins.js'
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
 * See GenerateOptions for the defaults.
 */
profile.generate = async (model: LanguageModelSource, options: GenerateOptions): Promise<GenerationResult> =>
  withRemeasure(registerOrigins({ kind: 'generation', result: await profileGenerate(model, options) }), () => profile.generate(model, options))
/**
 * `profile.sweep(model, { over: { batch: [1, 4, 8, 16] } })`: one profile per value of one axis, with scaling columns.
 * With `generate` options and a language model, one `profile.generate` per value of a generation axis:
 * `profile.sweep('models/tiny-gpt', { generate: { prompts }, over: { maxNewTokens: [4, 8, 16] } })`.
 */
function sweepAny(model: LanguageModelSource, options: GenerationSweepOptions): Promise<SweepResult<GenerationResult>>
function sweepAny(target: string | SweepFunctionFactory, options: SweepOptions): Promise<SweepResult>
function sweepAny(
  target: LanguageModelSource | SweepFunctionFactory,
  options: SweepOptions | GenerationSweepOptions,
): Promise<SweepResult<GenerationResult> | SweepResult> {
  if (isGenerationSweepOptions(options)) return sweepGeneration(target as LanguageModelSource, options)
  return sweep(target as string | SweepFunctionFactory, options as SweepOptions)
}
profile.sweep = sweepAny

/** `profile.compare({ fp32: 'a.onnx', int8: 'b.onnx' })`: variants measured interleaved, ratios with confidence intervals. */
profile.compare = compareModels

/** `profile.load(model, { concurrency: [1, 2, 4], durationMs, slo })`: a load test in worker threads, with the goodput under an SLO. */
profile.load = loadTest
