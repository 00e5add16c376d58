/**
 * The generation loop: tokenize the prompts, left-pad them into one batch,
 * prefill the whole prompt, then decode one token per step with the KV cache
 * fed back, picking greedily. It records when each token was available; the
 * clock starts before tokenizing and stops after each pick, so tensor
 * creation and cache bookkeeping count, and decoding text does not.
 */
import type ort from 'onnxruntime-node'
import type { Tokenizer } from '@huggingface/tokenizers'
import { perfgateError } from '../errors.js'
import type { DecoderLayout } from './decoder-layout.js'
import { argmaxLastPosition, cacheFromPresents, emptyCache, intMatrix } from './decoder-feeds.js'
import { describeFed } from './run-failure.js'

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
 * when every row has.
 */
export async function generateBatch(
  session: DecoderSession,
  layout: DecoderLayout,
  tokenizer: Tokenizer,
  prompts: readonly string[],
  settings: GenerationSettings,
): Promise<GeneratedRow[]> {
  const t0 = performance.now()
  const inputIds: number[][] = prompts.map((p) => tokenizer.encode(p).ids)
  const batch = inputIds.length
  const longest = Math.max(...inputIds.map((ids) => ids.length))
  const idRows = inputIds.map((ids) => [...new Array<number>(longest - ids.length).fill(settings.padTokenId), ...ids])
  const maskRows = inputIds.map((ids) => [...new Array<number>(longest - ids.length).fill(0), ...new Array<number>(ids.length).fill(1)])
  const posRows = inputIds.map((ids) => [...new Array<number>(longest - ids.length).fill(1), ...ids.map((_, i) => i)])
  const nextPos = inputIds.map((ids) => ids.length)

  const rows: GeneratedRow[] = inputIds.map((ids) => ({ inputIds: ids, outputIds: [], tokenTimesMs: [] }))
  const done = new Array<boolean>(batch).fill(false)

  let feeds: Record<string, ort.Tensor> = { input_ids: intMatrix(layout.ids, idRows), ...emptyCache(layout, batch) }
  if (layout.mask) feeds.attention_mask = intMatrix(layout.mask, maskRows)
  if (layout.positions) feeds.position_ids = intMatrix(layout.positions, posRows)

  for (let step = 0; step < settings.maxNewTokens; step++) {
    let outputs: ort.InferenceSession.OnnxValueMapType
    try {
      outputs = await session.run(feeds)
    } catch (err) {
      const what = `session.run on ${settings.modelLabel} (${step === 0 ? 'prefill' : `decode step ${step}`})`
      const { fed } = describeFed(Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { type: t.type, dims: t.dims }])), undefined)
      throw perfgateError('RUN_FAILED', { what, detail: `${(err as Error).message.trim()} (perfgate fed it: ${fed})` }, err)
    }
    const picks = argmaxLastPosition(outputs[layout.logits] as ort.Tensor)
    const now = performance.now() - t0
    for (let b = 0; b < batch; b++) {
      if (done[b]) continue
      const pick = picks[b]!
      rows[b]!.outputIds.push(pick)
      rows[b]!.tokenTimesMs.push(now)
      if (!settings.ignoreEos && settings.eosTokenIds.has(pick)) done[b] = true
    }
    if (step + 1 === settings.maxNewTokens || done.every(Boolean)) break

    // the next step: each row's new token (a finished row is fed padding), mask and positions one longer
    for (const m of maskRows) m.push(1)
    feeds = { input_ids: intMatrix(layout.ids, picks.map((p, b) => [done[b] ? settings.padTokenId : p])), ...cacheFromPresents(layout, outputs) }
    if (layout.mask) feeds.attention_mask = intMatrix(layout.mask, maskRows)
    if (layout.positions) feeds.position_ids = intMatrix(layout.positions, nextPos.map((p) => [p]))
    for (let b = 0; b < batch; b++) nextPos[b] = nextPos[b]! + 1
  }
  return rows
}
