/**
 * The generation loop: tokenize the prompts, left-pad them into one batch,
 * prefill the whole prompt, then decode one token per step with the KV cache
 * fed back, picking greedily. It records when each token was available; the
 * clock starts before tokenizing and stops after each pick, so tensor
 * creation and cache bookkeeping count, and decoding text does not.
 */
import type ort from 'onnxruntime-node'
import type { Tokenizer } from '@huggingface/tokenizers'
import { perfgateError } from '../../errors.js'
import type { DecoderLayout } from './decoder-layout.js'
import { argmaxLastPosition, DecoderFeeds } from './decoder-feeds.js'
import { describeFed } from '../run/run-failure.js'

/** The one method of a session the loop uses (onnxruntime's InferenceSession has it). */
export interface DecoderSession {
  run(feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType>
}

export interface GenerationSettings {
  /** Tokens to generate per prompt (>= 1). */
  maxNewTokens: number
  /** Generate exactly maxNewTokens even after an end-of-sequence token. */
  ignoreEos: boolean
  eosTokenIds: ReadonlySet<number>
  padTokenId: number
  /** Named in run failures. */
  modelLabel: string
}

/** What a caller outside a profile (the `perfgate serve` server) hooks into the loop. */
export interface GenerationHooks {
  /** Called after each step with every row's new token (finished rows included); awaited before the next step. */
  onStep?: (picks: readonly number[]) => void | Promise<void>
  /** Stops the loop after the step it is in: the rows keep the tokens generated so far. */
  signal?: AbortSignal
}

export interface GeneratedRow {
  inputIds: number[]
  outputIds: number[]
  /** When each output token was available, ms from the start (before tokenizing). */
  tokenTimesMs: number[]
}

/**
 * Generates for a batch of prompts together. Rows shorter than the longest are
 * left-padded with attention_mask 0 and positions as Hugging Face counts them
 * (cumsum(mask) - 1, padded slots 1). Without ignoreEos a row stops at its
 * first end-of-sequence token (which counts as generated) and the batch stops
 * when every row has, or when `hooks.signal` is aborted.
 */
export async function generateBatch(
  session: DecoderSession,
  layout: DecoderLayout,
  tokenizer: Tokenizer,
  prompts: readonly string[],
  settings: GenerationSettings,
  hooks: GenerationHooks = {},
): Promise<GeneratedRow[]> {
  const t0 = performance.now()
  const inputIds: number[][] = prompts.map((p) => tokenizer.encode(p).ids)
  const batch = inputIds.length
  const step = new DecoderFeeds(layout, inputIds, settings.padTokenId, settings.maxNewTokens)
  const rows: GeneratedRow[] = inputIds.map((ids) => ({ inputIds: ids, outputIds: [], tokenTimesMs: [] }))
  const done = new Array<boolean>(batch).fill(false)
  let running = batch
  const picks: number[] = new Array<number>(batch).fill(0)
  const next: number[] = new Array<number>(batch).fill(0)

  for (let k = 0; k < settings.maxNewTokens; k++) {
    let outputs: ort.InferenceSession.OnnxValueMapType
    try {
      outputs = await session.run(step.feeds)
    } catch (err) {
      const what = `session.run on ${settings.modelLabel} (${k === 0 ? 'prefill' : `decode step ${k}`})`
      const { fed } = describeFed(Object.fromEntries(Object.entries(step.feeds).map(([name, t]) => [name, { type: t.type, dims: t.dims }])), undefined)
      throw perfgateError('RUN_FAILED', { what, detail: `${(err as Error).message.trim()} (perfgate fed it: ${fed})` }, err)
    }
    argmaxLastPosition(outputs[layout.logits] as ort.Tensor, picks)
    const now = performance.now() - t0
    for (let b = 0; b < batch; b++) {
      if (done[b]) continue
      const pick = picks[b]!
      rows[b]!.outputIds.push(pick)
      rows[b]!.tokenTimesMs.push(now)
      if (!settings.ignoreEos && settings.eosTokenIds.has(pick)) {
        done[b] = true
        running--
      }
    }
    if (hooks.onStep) await hooks.onStep(picks)
    if (k + 1 === settings.maxNewTokens || running === 0 || hooks.signal?.aborted) break

    // the next step: each row's new token (a finished row is fed padding), mask and positions one longer
    for (let b = 0; b < batch; b++) next[b] = done[b] ? settings.padTokenId : picks[b]!
    step.advance(next, outputs)
  }
  return rows
}
