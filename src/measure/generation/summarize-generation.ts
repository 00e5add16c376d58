/**
 * Turns the measured requests of a generation profile into its figures: per
 * prompt across passes, and across every request (prompts x passes), with
 * the same distribution summary as `profile()`. Pure.
 */
import type { GenerationRequest, GenerationResult, PromptFigures } from '../../types/index.js'
import { summarize } from '../../stats/index.js'
import { pooledItl, tokenScaling, tpotSamples } from '../../metrics/token-timings.js'

/** What the last measured pass generated for one prompt. */
export interface PromptOutcome {
  prompt: string
  inputTokens: number
  tokens: number[]
  text: string
  /** Output tokens when they are not the ids in `tokens` (an endpoint sends text). @default tokens.length */
  outputTokens?: number
}

export type GenerationFigures = Pick<
  GenerationResult,
  | 'prompts'
  | 'inputTokens'
  | 'outputTokens'
  | 'ttft'
  | 'tpot'
  | 'itl'
  | 'e2e'
  | 'prefillTokensPerSecond'
  | 'tokensPerSecond'
  | 'totalTokensPerSecond'
  | 'scaling'
  | 'requests'
>

const orNull = (xs: readonly number[]) => (xs.length > 0 ? summarize(xs) : null)

/**
 * @throws RangeError when a prompt has no measured request (every prompt needs
 *   at least one to be summarised)
 */
export function generationFigures(outcomes: readonly PromptOutcome[], requests: readonly GenerationRequest[]): GenerationFigures {
  const prompts: PromptFigures[] = outcomes.map((o, i) => {
    const mine = requests.filter((r) => r.prompt === i)
    if (mine.length === 0) throw new RangeError(`generationFigures: prompt ${i} has no measured request`)
    return {
      prompt: o.prompt,
      inputTokens: o.inputTokens,
      outputTokens: o.outputTokens ?? o.tokens.length,
      tokens: o.tokens,
      text: o.text,
      ttft: summarize(mine.map((r) => r.ttftMs)),
      tpot: orNull(tpotSamples(mine)),
      e2e: summarize(mine.map((r) => r.e2eMs)),
      tokensPerSecond: summarize(mine.map((r) => r.tokensPerSecond)),
    }
  })
  if (requests.length === 0) throw new RangeError('generationFigures: no measured request')
  return {
    prompts,
    inputTokens: summarize(requests.map((r) => r.inputTokens)),
    outputTokens: summarize(requests.map((r) => r.outputTokens)),
    ttft: summarize(requests.map((r) => r.ttftMs)),
    tpot: orNull(tpotSamples(requests)),
    itl: orNull(pooledItl(requests)),
    e2e: summarize(requests.map((r) => r.e2eMs)),
    prefillTokensPerSecond: summarize(requests.map((r) => r.prefillTokensPerSecond)),
    tokensPerSecond: summarize(requests.map((r) => r.tokensPerSecond)),
    totalTokensPerSecond: summarize(requests.map((r) => r.totalTokensPerSecond)),
    scaling: { ttft: tokenScaling(requests, 'ttftMs'), tpot: tokenScaling(requests, 'tpotMs') },
    requests: [...requests],
  }
}
