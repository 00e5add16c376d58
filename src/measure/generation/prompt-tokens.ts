/** The prompts' token ids, counted up front (outside any timer), for a generation profile and a generation load test alike. */
import { perfgateError } from '../../errors.js'
import type { resolveLanguageModel } from './language-model-files.js'
import { checkTokenIds } from './token-id-check.js'

type LanguageModelFiles = ReturnType<typeof resolveLanguageModel>

/**
 * Token ids per prompt. Empty prompts, sequences beyond the model's positions and ids beyond config.json's
 * vocabulary fail here, before anything is measured; `tokenizerLabel` is the tokenizer as messages name it.
 */
export function promptTokens(
  prompts: readonly string[],
  files: LanguageModelFiles,
  maxNewTokens: number,
  tokenizerLabel: string,
): { promptIds: number[][]; inputTokens: number[] } {
  const promptIds = prompts.map((p) => files.tokenizer.encode(p).ids)
  const inputTokens = promptIds.map((ids) => ids.length)
  checkTokenIds(prompts, (i) => promptIds[i]!, files.vocabSize, tokenizerLabel)
  inputTokens.forEach((n, index) => {
    if (n === 0) throw perfgateError('PROMPT_WITHOUT_TOKENS', { index, prompt: prompts[index]! })
    const limit = files.maxPositions
    if (limit && n + maxNewTokens > limit.value) {
      throw perfgateError('GENERATION_TOO_LONG', { index, inputTokens: n, maxNewTokens, limit: limit.value, source: limit.source })
    }
  })
  return { promptIds, inputTokens }
}
