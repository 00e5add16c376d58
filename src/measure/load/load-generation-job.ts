/**
 * The job of a generation load test (`profile.load(languageModel, { generate })`): the language model's files
 * and the prompts, checked here before any worker starts.
 */
import { resolve } from 'node:path'
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { loadPrompts, resolveGenerateOptions, type GenerateOptions } from '../generation/generate-options.js'
import { resolveLanguageModel } from '../generation/language-model-files.js'
import type { LanguageModelSource } from '../generation/language-model-source.js'
import type { LoadJob } from './load-runners.js'
import { promptTokens } from '../generation/prompt-tokens.js'

/** A language model source with absolute paths (it crosses into worker threads, whose cwd may differ). */
function absoluteSource(source: LanguageModelSource): LanguageModelSource {
  if (typeof source === 'string') return resolve(source)
  return {
    ...source,
    model: resolve(source.model),
    tokenizer: resolve(source.tokenizer),
    ...(source.tokenizerConfig ? { tokenizerConfig: resolve(source.tokenizerConfig) } : {}),
  }
}

/** The job of a generation load test, checked here (files, prompts, lengths) before any worker starts. */
export function generationJob(
  target: unknown,
  generate: Pick<GenerateOptions, 'prompts' | 'maxNewTokens' | 'ignoreEos'>,
  session: ort.InferenceSession.SessionOptions,
): { job: LoadJob; modelPath: string } {
  const isSource = typeof target === 'string' || (typeof target === 'object' && target !== null && 'model' in target && 'tokenizer' in target)
  if (!isSource)
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.load(target) with generate',
      value: typeof target,
      expected: 'a language model folder or { model, tokenizer }',
    })
  const o = resolveGenerateOptions(generate)
  const prompts = loadPrompts(generate.prompts)
  const source = absoluteSource(target as LanguageModelSource)
  const files = resolveLanguageModel(source)
  promptTokens(prompts, files, o.maxNewTokens, files.tokenizerPath)
  return { job: { kind: 'generation', source, prompts, maxNewTokens: o.maxNewTokens, ignoreEos: o.ignoreEos, session }, modelPath: files.modelPath }
}
