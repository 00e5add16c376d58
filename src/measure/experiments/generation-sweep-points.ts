/**
 * The pure parts of a generation sweep: which options an axis sets, the
 * prompts of a prompt-length point, and the output tokens per second that the
 * scaling columns use.
 */
import type { GenerationRequest } from '../../types/index.js'

/** Axes of a generation sweep: two options of `profile.generate`, and the prompt length in tokens. */
export const GENERATION_AXES = ['maxNewTokens', 'batchSize', 'promptTokens'] as const
export type GenerationAxis = (typeof GENERATION_AXES)[number]

export function isGenerationAxis(axis: string): axis is GenerationAxis {
  return (GENERATION_AXES as readonly string[]).includes(axis)
}

/** The token-level operations a prompt builder needs (a `@huggingface/tokenizers` Tokenizer has them). */
export interface PromptTokenizer {
  encode(text: string): { ids: number[] }
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string
}

/**
 * A prompt of about `tokens` tokens built from `base`: the base text repeated
 * (joined by a space) until it is long enough, cut to `tokens` token ids and
 * decoded. "About", because decoding and encoding again may merge or split a
 * token at the cut; the result records the counted input tokens.
 */
export function promptOfTokens(base: string, tokens: number, tokenizer: PromptTokenizer): string {
  const per = tokenizer.encode(base).ids.length
  if (per === 0) throw new RangeError(`promptOfTokens: the base text ${JSON.stringify(base)} has no tokens`)
  const copies = Math.ceil(tokens / per) + 1
  const ids = tokenizer.encode(Array.from({ length: copies }, () => base).join(' ')).ids
  return tokenizer.decode(ids.slice(0, tokens), { skip_special_tokens: true })
}

/**
 * Output tokens per second over the measured passes: every generated token
 * divided by the time the generation was busy. Requests of one batch run
 * together, so a batch's time is its slowest request's E2E; a batch is the
 * requests of one pass whose prompt index falls in the same run of `batchSize`.
 */
export function outputTokensPerSecond(requests: readonly Pick<GenerationRequest, 'prompt' | 'run' | 'outputTokens' | 'e2eMs'>[], batchSize: number): number {
  const batchMs = new Map<string, number>()
  let tokens = 0
  for (const r of requests) {
    tokens += r.outputTokens
    const key = `${r.run}:${Math.floor(r.prompt / batchSize)}`
    batchMs.set(key, Math.max(batchMs.get(key) ?? 0, r.e2eMs))
  }
  let ms = 0
  for (const v of batchMs.values()) ms += v
  return ms > 0 ? (tokens * 1000) / ms : 0
}
