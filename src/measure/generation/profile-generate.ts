/**
 * `profile.generate(model, options)`: profiles text generation with a decoder
 * and its tokenizer. Holding the machine-wide measurement lock: session
 * creation, warm-up passes over the prompts, then measured passes, each
 * request timed from the prompt given to every token available; memory as in
 * `profile()`. Everything that can be checked without measuring (options,
 * prompts, files, tokens per prompt) is checked before the lock is taken.
 */
import { readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import ort from 'onnxruntime-node'
import { perfgateError, PerfgateError } from '../../errors.js'
import type { GenerationRequest, GenerationResult } from '../../types/index.js'
import { runnableLoad, runQueueWaitMs, usableCores } from '../run/contention-probe.js'
import { detectDecoderLayout, type DecoderLayout } from './decoder-layout.js'
import { summarizeDisturbance } from '../run/disturbance.js'
import { loadPrompts, recordedGenerateOptions, resolveGenerateOptions, type GenerateOptions } from './generate-options.js'
import { generateBatch, type GeneratedRow, type GenerationSettings } from './generation-loop.js'
import { resolveLanguageModel } from './language-model-files.js'
import type { LanguageModelSource } from './language-model-source.js'
import { acquireMeasureLock } from '../run/machine-lock.js'
import { PeakMemory, rssMB } from '../run/memory.js'
import { modelIdentity } from '../model/model-identity.js'
import { notOnnxReason } from '../model/onnx-file-check.js'
import { ONNXRUNTIME_VERSION } from '../run/onnxruntime-version.js'
import { ReferenceWorkload } from '../model/reference-workload.js'
import { generationFigures } from './summarize-generation.js'
import { collectTestbed } from '../run/testbed.js'
import { quietSessionOptions } from '../run/session-log-level.js'
import { checkTokenIds, vocabularyFromLogits } from './token-id-check.js'
import { requestFigures } from '../../metrics/token-timings.js'
import { promptTokens } from './prompt-tokens.js'

/** A path as results show it: relative to the project when inside it, with forward slashes. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs)
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/')
}

type ResolvedGenerateOptions = ReturnType<typeof resolveGenerateOptions>
type LanguageModelFiles = ReturnType<typeof resolveLanguageModel>

/** The identity of the model file, read and checked to be ONNX. */
function checkedModelIdentity(files: LanguageModelFiles, label: string): ReturnType<typeof modelIdentity> {
  let bytes: Buffer
  try {
    bytes = readFileSync(files.modelPath)
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path: label, detail: (err as Error).message }, err)
  }
  const notOnnx = notOnnxReason(bytes)
  if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path: shownPath(files.modelPath), detail: notOnnx })
  return modelIdentity(files.modelPath, bytes)
}

/** The prompts' indexes in batches of `batchSize`. */
function promptBatches(count: number, batchSize: number): number[][] {
  const batches: number[][] = []
  for (let i = 0; i < count; i += batchSize) batches.push(Array.from({ length: Math.min(batchSize, count - i) }, (_, j) => i + j))
  return batches
}

/** The measured passes: every request's token timings, the last pass's rows, peak memory and the disturbance seen. */
async function measuredPasses(generate: (batch: number[]) => Promise<GeneratedRow[]>, batches: readonly number[][], runs: number, singleThread: boolean) {
  const peak = new PeakMemory()
  const requests: GenerationRequest[] = []
  const last: GeneratedRow[] = []
  // disturbance evidence per generate call, counted once for each request it generated (per token step would
  // cost a usage read per token); run-queue wait and load at the start and end of the measured requests
  const evidence = { latency: [] as number[], cpu: [] as number[], switches: [] as number[] }
  const loadStart = runnableLoad()
  const waitStart = runQueueWaitMs()
  const measureStart = performance.now()
  for (let run = 0; run < runs; run++) {
    for (const batch of batches) {
      const u0 = process.resourceUsage()
      const w0 = performance.now()
      const rows = await generate(batch)
      const w1 = performance.now()
      const u1 = process.resourceUsage()
      for (let j = 0; j < rows.length; j++) {
        evidence.latency.push(w1 - w0)
        evidence.cpu.push((u1.userCPUTime + u1.systemCPUTime - u0.userCPUTime - u0.systemCPUTime) / 1000)
        evidence.switches.push(u1.involuntaryContextSwitches - u0.involuntaryContextSwitches)
      }
      rows.forEach((row, j) => {
        const prompt = batch[j]!
        requests.push(requestFigures({ prompt, run, inputTokens: row.inputIds.length, tokenTimesMs: row.tokenTimesMs }))
        last[prompt] = row
      })
      peak.sample()
    }
  }
  const peakRssMB = peak.peak()
  const waitEnd = runQueueWaitMs()
  const disturbance = summarizeDisturbance(
    evidence,
    {
      wallMs: performance.now() - measureStart,
      ...(waitStart !== undefined && waitEnd !== undefined ? { runQueueWaitMs: Math.max(0, waitEnd - waitStart) } : {}),
      load: { cores: usableCores(), start: loadStart, end: runnableLoad() },
    },
    singleThread,
  )
  return { requests, last, peakRssMB, peakSource: peak.source, disturbance }
}

/** A session on the model file, its load failure named after the model. */
async function createSession(modelPath: string, sessionOptions: ort.InferenceSession.SessionOptions, label: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(modelPath, quietSessionOptions(sessionOptions))
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path: label, detail: (err as Error).message }, err)
  }
}

function generationSettings(o: ResolvedGenerateOptions, files: LanguageModelFiles, modelLabel: string): GenerationSettings {
  return {
    maxNewTokens: o.maxNewTokens,
    ignoreEos: o.ignoreEos,
    eosTokenIds: new Set(files.eosTokenIds),
    padTokenId: files.padTokenId,
    modelLabel,
  }
}

/** What each prompt gave in the last measured pass, decoded. */
function promptOutcomes(prompts: readonly string[], inputTokens: readonly number[], last: readonly GeneratedRow[], tokenizer: LanguageModelFiles['tokenizer']) {
  return prompts.map((prompt, i) => ({
    prompt,
    inputTokens: inputTokens[i]!,
    tokens: last[i]!.outputIds,
    text: tokenizer.decode(last[i]!.outputIds, { skip_special_tokens: true }),
  }))
}

/** The decoder's layout, once its inputs fit the prompts: token ids within the model's vocabulary, and a mask where a batch pads. */
function checkedLayout(
  session: ort.InferenceSession,
  files: LanguageModelFiles,
  path: string,
  prompts: readonly string[],
  promptIds: readonly (readonly number[])[],
  inputTokens: readonly number[],
  batches: readonly number[][],
): DecoderLayout {
  const layout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, path, files)
  // the model's own vocabulary wins over config.json's
  checkTokenIds(prompts, (i) => promptIds[i]!, vocabularyFromLogits(session.outputMetadata, layout.logits), shownPath(files.tokenizerPath))
  if (!layout.mask && batches.some((b) => new Set(b.map((i) => inputTokens[i])).size > 1)) throw perfgateError('BATCH_NEEDS_MASK', { path })
  return layout
}

/** Everything checked without measuring: options, prompts, files, tokens per prompt, the model file. */
function prepareGeneration(model: LanguageModelSource, options: GenerateOptions) {
  if (typeof options !== 'object' || options === null) {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.generate(model, options)',
      value: options,
      expected: "an object with prompts, e.g. { prompts: ['Hello'] }",
    })
  }
  const o = resolveGenerateOptions(options)
  const prompts = loadPrompts(options.prompts)
  const files = resolveLanguageModel(model)
  const label = typeof model === 'string' ? model : model.model
  const { promptIds, inputTokens } = promptTokens(prompts, files, o.maxNewTokens, shownPath(files.tokenizerPath))
  const identity = checkedModelIdentity(files, label)
  return { o, prompts, files, label, promptIds, inputTokens, identity, batches: promptBatches(prompts.length, o.batchSize) }
}

export async function profileGenerate(model: LanguageModelSource, options: GenerateOptions): Promise<GenerationResult> {
  const { o, prompts, files, label, promptIds, inputTokens, identity, batches } = prepareGeneration(model, options)
  const { tokenizer } = files
  const sessionOptions = options.session ?? {}

  const release = await acquireMeasureLock(options.onProgress)
  const windowStart = Date.now()
  let session: ort.InferenceSession | undefined
  const reference = o.calibrate ? new ReferenceWorkload() : undefined
  try {
    const rssBeforeLoadMB = rssMB()
    const t0 = performance.now()
    session = await createSession(files.modelPath, sessionOptions, label)
    const loadMs = performance.now() - t0
    const rssAfterLoadMB = rssMB()
    const layout = checkedLayout(session, files, identity.path, prompts, promptIds, inputTokens, batches)

    const s = session
    const settings = generationSettings(o, files, identity.path)
    const textsOf = (batch: number[]) => batch.map((i) => prompts[i]!)
    const generate = (batch: number[]) => generateBatch(s, layout, tokenizer, textsOf(batch), settings)
    options.onProgress?.(`loaded ${identity.path} in ${loadMs.toFixed(1)} ms (${layout.kind} layout, ${layout.layers} layers); generating...`)

    for (let w = 0; w < o.warmup; w++) for (const batch of batches) await generate(batch)
    const { requests, last, peakRssMB, peakSource, disturbance } = await measuredPasses(generate, batches, o.runs, sessionOptions.intraOpNumThreads === 1)
    // after the memory is read, so that the reference's sessions do not count in it
    await reference?.block()

    const outcomes = promptOutcomes(prompts, inputTokens, last, tokenizer)
    return {
      kind: 'generation',
      model: identity,
      tokenizer: shownPath(files.tokenizerPath),
      layout: layout.kind,
      loadMs,
      warmupRuns: o.warmup,
      runs: o.runs,
      batchSize: o.batchSize,
      maxNewTokens: o.maxNewTokens,
      ignoreEos: o.ignoreEos,
      ...generationFigures(outcomes, requests),
      memory: { rssBeforeLoadMB, rssAfterLoadMB, peakRssMB, peakDeltaMB: peakRssMB - rssBeforeLoadMB, peakSource },
      testbed: collectTestbed(ONNXRUNTIME_VERSION, sessionOptions),
      options: recordedGenerateOptions(options, o, prompts),
      window: { start: windowStart, end: Date.now() },
      ...(reference ? { calibration: reference.calibration() } : {}),
      disturbance,
    }
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: `Generating with ${label}`, detail: (err as Error).message }, err)
  } finally {
    await session?.release().catch(() => undefined)
    release()
  }
}
