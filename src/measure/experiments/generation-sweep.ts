/**
 * `profile.sweep(languageModel, { generate, over })`: one `profile.generate`
 * per value of one generation axis (maxNewTokens, batchSize, or the prompt
 * length in tokens), through the same sweep engine as model sweeps, with
 * output tokens per second as the throughput of the scaling columns.
 */
import { GENERATION_SWEEP_SPEC } from '../../options/experiment-specs.js'
import { validateOptions } from '../../options/validate-options.js'
import { perfgateError } from '../../errors.js'
import type { GenerationResult, SweepResult, SweepValue } from '../../types/index.js'
import { loadPrompts, type GenerateOptions } from '../generation/generate-options.js'
import { GENERATION_AXES, isGenerationAxis, outputTokensPerSecond, promptOfTokens } from './generation-sweep-points.js'
import { resolveLanguageModel } from '../generation/language-model-files.js'
import type { LanguageModelSource } from '../generation/language-model-source.js'
import { profileGenerate } from '../generation/profile-generate.js'
import { parseOver, pointLabel, runSweep } from './sweep.js'

export interface GenerationSweepOptions {
  /**
   * The `profile.generate` options every point starts from; the axis value
   * replaces one of them. With `over: { promptTokens }`, each prompt is the base
   * text of a point's prompts of about that many tokens.
   */
  generate: GenerateOptions
  /**
   * The axis and its values (integers >= 1), one axis per sweep: `{ maxNewTokens: [4, 8, 16] }`,
   * `{ batchSize: [1, 2, 4] }` or `{ promptTokens: [8, 32, 64] }`.
   */
  over: Partial<Record<(typeof GENERATION_AXES)[number], readonly number[]>>
  /** A step that buys less than this share of the ideal gain is where scaling flattens. @default 0.2 */
  flatBelow?: number
}

/** True when sweep options ask for a generation sweep (they carry `generate`). */
export function isGenerationSweepOptions(o: unknown): o is GenerationSweepOptions {
  return typeof o === 'object' && o !== null && 'generate' in o && (o as { generate?: unknown }).generate !== undefined
}

export async function sweepGeneration(model: LanguageModelSource, options: GenerationSweepOptions): Promise<SweepResult<GenerationResult>> {
  validateOptions(GENERATION_SWEEP_SPEC, options, 'profile.sweep')
  const { generate, over, flatBelow } = options
  if (typeof generate !== 'object' || generate === null) {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.sweep({ generate })',
      value: generate,
      expected: "profile.generate options, e.g. { prompts: ['Hello'], maxNewTokens: 8 }",
    })
  }
  if (flatBelow !== undefined && !(typeof flatBelow === 'number' && Number.isFinite(flatBelow))) {
    throw perfgateError('OPTION_INVALID', { option: 'flatBelow', value: flatBelow, expected: 'a number such as 0.2' })
  }
  const axes = typeof over === 'object' && over !== null ? Object.keys(over) : []
  const unknown = axes.find((a) => !isGenerationAxis(a))
  if (unknown !== undefined) {
    throw perfgateError('SWEEP_AXIS_INVALID', {
      detail: `over.${unknown} is not a generation axis; a generation sweep varies one of ${GENERATION_AXES.join(', ')}`,
    })
  }
  const { axis, values } = parseOver(over, () => 'generation')
  // checked once, before the first point measures anything
  const basePrompts = loadPrompts(generate.prompts)
  const tokenizer = axis === 'promptTokens' ? resolveLanguageModel(model).tokenizer : undefined

  const measure = (value: SweepValue, i: number): Promise<GenerationResult> => {
    generate.onProgress?.(`sweep ${pointLabel(axis, value)} (${i + 1}/${values.length})`)
    const n = value as number
    const point: GenerateOptions = tokenizer
      ? { ...generate, prompts: basePrompts.map((p) => promptOfTokens(p, n, tokenizer)) }
      : { ...generate, prompts: basePrompts, [axis]: n }
    return profileGenerate(model, point)
  }
  return runSweep(axis, 'generation', values, measure, (r) => outputTokensPerSecond(r.requests, r.batchSize), flatBelow)
}
