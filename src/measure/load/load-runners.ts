/**
 * What a load-test worker runs per request, by job kind. A job is plain data
 * (it crosses into a worker thread); each kind builds its own runner there.
 * `model` runs one `session.run`; `generation` generates from one prompt (the
 * worker's prompts in turn) and reports the request's TTFT, TPOT and token
 * counts as extra figures.
 */
import ort from 'onnxruntime-node'
import { detectDecoderLayout } from '../generation/decoder-layout.js'
import { generateFeeds } from '../inputs/feeds.js'
import { generateBatch } from '../generation/generation-loop.js'
import { resolveLanguageModel } from '../generation/language-model-files.js'
import type { LanguageModelSource } from '../generation/language-model-source.js'
import type { RequestExtra } from './load-loop.js'
import { perfgateError } from '../../errors.js'
import { describeFed } from '../run/run-failure.js'
import { quietSessionOptions } from '../run/session-log-level.js'
import { checkTokenIds, vocabularyFromLogits } from '../generation/token-id-check.js'
import { requestFigures } from '../../metrics/token-timings.js'

/** A tensor as plain data. */
export interface TensorData {
  type: ort.Tensor.Type
  data: ort.Tensor.DataType
  dims: readonly number[]
}

export interface ModelJob {
  kind: 'model'
  /** Absolute path. */
  model: string
  session: ort.InferenceSession.SessionOptions
  dims: Record<string, number>
  seed: number
  intMax: number
  feeds?: Record<string, TensorData>
}

export interface GenerationJob {
  kind: 'generation'
  /** The language model, with absolute paths. */
  source: LanguageModelSource
  prompts: string[]
  maxNewTokens: number
  ignoreEos: boolean
  session: ort.InferenceSession.SessionOptions
}

export type LoadJob = ModelJob | GenerationJob

export interface RequestRunner {
  /** Session creation time, ms. */
  loadMs: number
  request(): Promise<RequestExtra>
  close(): Promise<void>
}

export async function createRunner(job: LoadJob): Promise<RequestRunner> {
  switch (job.kind) {
    case 'model': {
      const t0 = performance.now()
      const session = await ort.InferenceSession.create(job.model, quietSessionOptions(job.session))
      const loadMs = performance.now() - t0
      const feeds = job.feeds
        ? Object.fromEntries(Object.entries(job.feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data as never, t.dims)]))
        : generateFeeds(session.inputMetadata, { dims: job.dims, seed: job.seed, intMax: job.intMax, model: job.model }).feeds
      const fed = describeFed(Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { type: t.type, dims: t.dims }])), job.feeds ? undefined : job.dims)
      return {
        loadMs,
        request: async () => {
          try {
            await session.run(feeds)
          } catch (err) {
            throw perfgateError('MODEL_RUN_FAILED', { model: job.model, detail: (err as Error).message.trim(), ...fed }, err)
          }
        },
        close: () => session.release(),
      }
    }
    case 'generation': {
      const files = resolveLanguageModel(job.source)
      const t0 = performance.now()
      const session = await ort.InferenceSession.create(files.modelPath, quietSessionOptions(job.session))
      const loadMs = performance.now() - t0
      const layout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, files.modelPath, files)
      checkTokenIds(
        job.prompts,
        (i) => files.tokenizer.encode(job.prompts[i]!).ids,
        vocabularyFromLogits(session.outputMetadata, layout.logits),
        files.tokenizerPath,
      )
      const settings = {
        maxNewTokens: job.maxNewTokens,
        ignoreEos: job.ignoreEos,
        eosTokenIds: new Set(files.eosTokenIds),
        padTokenId: files.padTokenId,
        modelLabel: files.modelPath,
      }
      let next = 0
      return {
        loadMs,
        request: async () => {
          const prompt = next++ % job.prompts.length
          const [row] = await generateBatch(session, layout, files.tokenizer, [job.prompts[prompt]!], settings)
          const r = requestFigures({ prompt, run: 0, inputTokens: row!.inputIds.length, tokenTimesMs: row!.tokenTimesMs })
          return { ttftMs: r.ttftMs, ...(r.tpotMs === null ? {} : { tpotMs: r.tpotMs }), inputTokens: r.inputTokens, outputTokens: r.outputTokens }
        },
        close: () => session.release(),
      }
    }
    default:
      throw new Error(`unknown load job kind ${(job as { kind: unknown }).kind}`)
  }
}
