/**
 * The language model behind `perfgate serve`: one onnxruntime session on a model folder, driven by
 * perfgate's own generation loop (greedy, KV cache, the folder's tokenizer and end-of-sequence ids),
 * as `profile.generate` drives it, one request at a time. Each token is handed to the caller as it is
 * picked, so that the server streams it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import ort from 'onnxruntime-node'
import { perfgateError } from '../errors.js'
import { detectDecoderLayout, type DecoderLayout } from '../measure/generation/decoder-layout.js'
import { generateBatch, type GenerationSettings } from '../measure/generation/generation-loop.js'
import { resolveLanguageModel, type LanguageModelFiles } from '../measure/generation/language-model-files.js'
import { notOnnxReason } from '../measure/model/onnx-file-check.js'
import { quietSessionOptions } from '../measure/run/session-log-level.js'
import { vocabularyFromLogits, type Vocabulary } from '../measure/generation/token-id-check.js'
import { ApiError } from './api-error.js'
import type { FinishReason } from './completion-json.js'

export interface ServedModelOptions {
  /** The name clients ask for in `model`. @default the folder's name */
  name?: string
  /** onnxruntime intra-op threads. @default onnxruntime's */
  threads?: number
}

export interface Generation {
  promptTokens: number
  outputIds: number[]
  text: string
  finishReason: FinishReason
}

export interface GenerateHooks {
  /** Each token as it is picked, with its text; awaited before the next step. */
  onToken: (text: string) => void | Promise<void>
  /** Stops after the current token (the client went away, the server stops). */
  signal?: AbortSignal
}

export interface ServedModel {
  readonly name: string
  /** Identifies the weights served: `perfgate-` and the first 12 hex digits of the model file's sha256. */
  readonly fingerprint: string
  /** The longest sequence (prompt + output) the model takes, when its configs say. */
  readonly contextLength: number | undefined
  /** Tokenizes and checks a request's prompt; an ApiError (400) when it cannot be generated from. */
  promptIds(prompt: string, maxTokens: number | undefined, promptField: string): { ids: number[]; maxTokens: number }
  generate(prompt: string, maxTokens: number, ignoreEos: boolean, hooks: GenerateHooks): Promise<Generation>
  close(): Promise<void>
}

/** Without a context length in the configs, a chat request without max_tokens generates this many. */
const DEFAULT_CHAT_TOKENS = 256

function tooLong(n: number, maxTokens: number, limit: number, promptField: string): ApiError {
  const param = n >= limit ? promptField : 'max_tokens'
  return ApiError.badRequest(
    `This model's maximum context length is ${limit} tokens; the prompt has ${n} tokens and max_tokens asks for ${maxTokens} more. Shorten the prompt or lower max_tokens.`,
    param,
  )
}

function checkPrompt(files: LanguageModelFiles, vocab: Vocabulary | undefined, prompt: string, maxTokens: number | undefined, field: string) {
  const ids = files.tokenizer.encode(prompt).ids
  if (ids.length === 0) throw ApiError.badRequest(`'${field}' gives no tokens: send some text`, field)
  if (vocab && ids.some((id: number) => id >= vocab.size)) {
    throw ApiError.badRequest(`'${field}' gives a token id beyond the model's vocabulary of ${vocab.size}: the tokenizer does not match the model`, field)
  }
  const limit = files.maxPositions?.value
  const max = maxTokens ?? (limit !== undefined ? Math.max(1, limit - ids.length) : DEFAULT_CHAT_TOKENS)
  if (limit !== undefined && ids.length + max > limit) throw tooLong(ids.length, max, limit, field)
  return { ids, maxTokens: max }
}

async function createSession(modelPath: string, label: string, threads: number | undefined): Promise<ort.InferenceSession> {
  const bytes = readFileSync(modelPath)
  const notOnnx = notOnnxReason(bytes)
  if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path: label, detail: notOnnx })
  try {
    return await ort.InferenceSession.create(bytes, quietSessionOptions(threads ? { intraOpNumThreads: threads } : {}))
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path: label, detail: (err as Error).message }, err)
  }
}

/** Loads the model folder (or .onnx file with its tokenizer beside it); PerfgateErrors name what is missing or wrong. */
export async function loadServedModel(folder: string, options: ServedModelOptions = {}): Promise<ServedModel> {
  const files = resolveLanguageModel(folder)
  const session = await createSession(files.modelPath, folder, options.threads)
  const layout: DecoderLayout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, folder, files)
  const vocab = vocabularyFromLogits(session.outputMetadata, layout.logits) ?? files.vocabSize
  const sha = createHash('sha256').update(readFileSync(files.modelPath)).digest('hex')
  const name = options.name ?? basename(folder.replace(/[\\/]+$/, '')).replace(/\.onnx$/, '')
  const settings = (maxNewTokens: number, ignoreEos: boolean): GenerationSettings => ({
    maxNewTokens,
    ignoreEos,
    eosTokenIds: new Set(files.eosTokenIds),
    padTokenId: files.padTokenId,
    modelLabel: folder,
  })
  const textOf = (ids: number[]) => files.tokenizer.decode(ids, { skip_special_tokens: true })
  return {
    name,
    fingerprint: `perfgate-${sha.slice(0, 12)}`,
    contextLength: files.maxPositions?.value,
    promptIds: (prompt, maxTokens, field) => checkPrompt(files, vocab, prompt, maxTokens, field),
    async generate(prompt, maxTokens, ignoreEos, hooks) {
      const onStep = (picks: readonly number[]) => hooks.onToken(textOf([picks[0]!]))
      const [row] = await generateBatch(session, layout, files.tokenizer, [prompt], settings(maxTokens, ignoreEos), { onStep, signal: hooks.signal })
      const outputIds = row!.outputIds
      const last = outputIds[outputIds.length - 1]
      const stopped = !ignoreEos && last !== undefined && files.eosTokenIds.includes(last)
      return { promptTokens: row!.inputIds.length, outputIds, text: textOf(outputIds), finishReason: stopped ? 'stop' : 'length' }
    },
    close: () => session.release(),
  }
}
