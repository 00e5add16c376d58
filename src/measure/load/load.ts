/**
 * `profile.load(model | fn, { concurrency: [1, 2, 4], durationMs, rate?, slo? })`:
 * a load test, one concurrency level after the other, each bounded in time
 * (`durationMs`, plus the requests in flight) and in count (`maxRequests`).
 *
 * onnxruntime-node's `run()` occupies the JS thread while it computes, so a
 * model is driven by worker threads, each with its own session (one
 * intra-op thread each unless `session` says otherwise): concurrency N means
 * N workers sending requests. A function runs in this thread: concurrency N
 * means N calls in flight, which only overlap where the function awaits I/O
 * (an HTTP call to an inference server, say).
 *
 * With `generate` options and a language model (a folder, or `{ model,
 * tokenizer }`), each request is one generation from one prompt in a worker
 * with its own session, and each level also reports output tokens per second
 * and TTFT / TPOT percentiles (the requests' extra figures).
 *
 * The machine is held for the whole test; workers are stopped at the end,
 * also when a level fails.
 */
import { resolveModelFile } from '../model/model-file.js'
import { LOAD_SPEC } from '../../options/experiment-specs.js'
import { validateOptions } from '../../options/validate-options.js'
import { resolve } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type ort from 'onnxruntime-node'
import { levelFigures, sustainableLevel, type LevelSamples } from '../../compare/slo.js'
import { perfgateError, PerfgateError } from '../../errors.js'
import type { LoadResult, LoadSlo } from '../../types/index.js'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { assertGpuProvidersAvailable } from '../model/gpu.js'
import { checkLoadConcurrency } from './load-capacity.js'
import { notOnnxReason } from '../model/onnx-file-check.js'
import { checkTokenIds } from '../generation/token-id-check.js'
import { acquireMeasureLock } from '../run/machine-lock.js'
import { epochNow, runRequestLoop, type LoopOutcome, type LoopPlan, type RequestExtra } from './load-loop.js'
import type { LoadJob, TensorData } from './load-runners.js'
import { loadPrompts, resolveGenerateOptions, type GenerateOptions } from '../generation/generate-options.js'
import { resolveLanguageModel, type LanguageModelSource } from '../generation/language-model-files.js'
import { siblingModule, startModuleWorker } from './module-runner.js'
import { resolveLoopOptions } from '../run/options.js'
import { ONNXRUNTIME_VERSION } from '../run/onnxruntime-version.js'
import { collectTestbed } from '../run/testbed.js'

export interface LoadOptions {
  /** Concurrency levels, run in this order: workers (model) or calls in flight (function). @default [1, 2, 4] */
  concurrency?: number[]
  /** How long each level sends requests, ms; at most 600000 (10 minutes). @default 2000 */
  durationMs?: number
  /** Open loop: requests per second offered at every level, spread over its workers; unset: back-to-back requests. @default unset */
  rate?: number
  /** Latency objective a level must meet to count as sustainable, e.g. `{ p95: 50 }`. @default none (no errors, nothing missed) */
  slo?: LoadSlo
  /** Most requests per level. @default 100000 */
  maxRequests?: number
  /** Unmeasured requests each worker sends after loading its session. @default 5 */
  warmup?: number
  /** How long past its duration a level may take to finish its requests in flight before the test fails, ms; at most 600000. @default 5000 */
  stopGraceMs?: number
  /** Values for symbolic input dimensions (model). @default {} */
  dims?: Record<string, number>
  /** Your own input tensors by input name (model). @default generated */
  feeds?: Record<string, ort.Tensor>
  /** Seed of the generated input data. @default 1 */
  seed?: number
  /** Generated integer inputs take values in [0, intMax). @default 100 */
  intMax?: number
  /** onnxruntime session options of every worker's session. @default { intraOpNumThreads: 1 } */
  session?: ort.InferenceSession.SessionOptions
  /** Called with progress messages. @default none */
  onProgress?: (message: string) => void
  /**
   * Load-test text generation: the target is a language model (a folder, or `{ model, tokenizer }`) and each
   * request generates from one prompt (each worker takes the prompts in turn). `maxNewTokens` defaults to 32 and
   * `ignoreEos` to true, as in `profile.generate`. @default unset (each request is one `session.run`)
   */
  generate?: LoadGenerateOptions
}

/** The `profile.generate` options a generation load test uses; passes, warm-up and session are the load test's own. */
export type LoadGenerateOptions = Pick<GenerateOptions, 'prompts' | 'maxNewTokens' | 'ignoreEos'>

/** A language model source with absolute paths (it crosses into worker threads, whose cwd may differ). */
function absoluteSource(source: LanguageModelSource): LanguageModelSource {
  if (typeof source === 'string') return resolve(source)
  return { ...source, model: resolve(source.model), tokenizer: resolve(source.tokenizer), ...(source.tokenizerConfig ? { tokenizerConfig: resolve(source.tokenizerConfig) } : {}) }
}

/** The job of a generation load test, checked here (files, prompts, lengths) before any worker starts. */
function generationJob(target: unknown, generate: LoadGenerateOptions, session: ort.InferenceSession.SessionOptions): { job: LoadJob; modelPath: string } {
  const isSource = typeof target === 'string' || (typeof target === 'object' && target !== null && 'model' in target && 'tokenizer' in target)
  if (!isSource) throw perfgateError('OPTION_INVALID', { option: 'profile.load(target) with generate', value: typeof target, expected: 'a language model folder or { model, tokenizer }' })
  const o = resolveGenerateOptions(generate)
  const prompts = loadPrompts(generate.prompts)
  const source = absoluteSource(target as LanguageModelSource)
  const files = resolveLanguageModel(source)
  const promptIds = prompts.map((prompt) => files.tokenizer.encode(prompt).ids)
  checkTokenIds(prompts, (i) => promptIds[i]!, files.vocabSize, files.tokenizerPath)
  prompts.forEach((prompt, index) => {
    const n = promptIds[index]!.length
    if (n === 0) throw perfgateError('PROMPT_WITHOUT_TOKENS', { index, prompt })
    const limit = files.maxPositions
    if (limit && n + o.maxNewTokens > limit.value) throw perfgateError('GENERATION_TOO_LONG', { index, inputTokens: n, maxNewTokens: o.maxNewTokens, limit: limit.value, source: limit.source })
  })
  return { job: { kind: 'generation', source, prompts, maxNewTokens: o.maxNewTokens, ignoreEos: o.ignoreEos, session }, modelPath: files.modelPath }
}

/** The first bytes of a file, enough to tell an ONNX model from something else without reading it all. */
function fileHead(path: string, bytes = 16): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const head = new Uint8Array(bytes)
    return head.subarray(0, readSync(fd, head, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

export const LOAD_DEFAULTS = { concurrency: [1, 2, 4], durationMs: 2000, maxRequests: 100_000, warmup: 5, stopGraceMs: 5000 } as const

/** Drives one level: returns each load generator's outcome. */
interface Driver {
  level(concurrency: number, plan: (i: number) => LoopPlan, waitMs: number): Promise<LoopOutcome[]>
  close(): Promise<void>
}

function positiveInt(name: string, v: unknown, dflt: number, min = 1): number {
  if (v === undefined) return dflt
  if (!Number.isInteger(v) || (v as number) < min) throw perfgateError('OPTION_INVALID', { option: name, value: v, expected: `an integer >= ${min}` })
  return v as number
}

function positiveNumber(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw perfgateError('OPTION_INVALID', { option: name, value: v, expected: 'a number > 0' })
  return v
}

function validateSlo(slo: unknown): LoadSlo | null {
  if (slo === undefined) return null
  if (typeof slo !== 'object' || slo === null) throw perfgateError('OPTION_INVALID', { option: 'slo', value: slo, expected: 'an object like { p95: 50 }' })
  for (const [k, v] of Object.entries(slo)) {
    if (!['p50', 'p90', 'p95', 'p99', 'errorRate'].includes(k)) throw perfgateError('OPTION_INVALID', { option: `slo.${k}`, value: v, expected: 'one of p50, p90, p95, p99 (ms) and errorRate (0..1)' })
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (k === 'errorRate' && v > 1)) {
      throw perfgateError('OPTION_INVALID', { option: `slo.${k}`, value: v, expected: k === 'errorRate' ? 'a share between 0 and 1' : 'a number of milliseconds >= 0' })
    }
  }
  return slo as LoadSlo
}

function tensorData(feeds: Record<string, ort.Tensor>): Record<string, TensorData> {
  return Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { type: t.type, data: t.data, dims: [...t.dims] }]))
}

/** Worker threads, each with its own session, started once for every level. */
async function workerDriver(job: LoadJob, count: number, warmup: number, model: string, progress?: (m: string) => void): Promise<Driver & { loadMs: number[] }> {
  const workers: Worker[] = []
  const exited = new Set<Worker>()
  const stopAll = async () => {
    await Promise.all(
      workers.map(async (w) => {
        if (exited.has(w)) return
        const gone = new Promise<void>((r) => w.once('exit', () => r()))
        w.postMessage({ type: 'stop' })
        const timer = setTimeout(() => void w.terminate(), 2000)
        await gone
        clearTimeout(timer)
      }),
    )
  }
  const failed = (detail: string) => perfgateError('LOAD_WORKER_FAILED', { model, detail })
  let loadMs: number[]
  try {
    progress?.(`load: starting ${count} worker${count === 1 ? '' : 's'}`)
    const module = siblingModule(import.meta.url, 'load-worker')
    loadMs = await Promise.all(
      Array.from({ length: count }, () => {
        const w = startModuleWorker(module, { perfgateLoadJob: job, warmup })
        workers.push(w)
        w.once('exit', () => exited.add(w))
        return new Promise<number>((res, rej) => {
          w.once('message', (m: { type: string; loadMs?: number; message?: string }) => (m.type === 'ready' ? res(m.loadMs!) : rej(failed(m.message ?? 'it did not start'))))
          w.once('error', (e) => rej(failed(e.message)))
          w.once('exit', (code) => rej(failed(`it exited with code ${code} before it was ready`)))
        })
      }),
    )
  } catch (err) {
    await stopAll()
    throw err
  }
  return {
    loadMs,
    close: stopAll,
    async level(concurrency, plan, waitMs) {
      const active = workers.slice(0, concurrency)
      const timers: NodeJS.Timeout[] = []
      try {
        return await Promise.all(
          active.map(
            (w, i) =>
              new Promise<LoopOutcome>((res, rej) => {
                const onMessage = (m: { type: string; outcome?: LoopOutcome }) => {
                  if (m.type !== 'level-done') return
                  w.off('message', onMessage)
                  res(m.outcome!)
                }
                w.on('message', onMessage)
                w.once('error', (e) => rej(failed(e.message)))
                timers.push(setTimeout(() => rej(perfgateError('LOAD_WORKER_STUCK', { level: concurrency, waitedMs: waitMs })), waitMs))
                w.postMessage({ type: 'level', plan: plan(i) })
              }),
          ),
        )
      } finally {
        for (const t of timers) clearTimeout(t)
      }
    },
  }
}

/** Async calls in this thread. */
function functionDriver(fn: () => unknown): Driver {
  const request = async (): Promise<RequestExtra> => {
    await fn()
  }
  return {
    async level(concurrency, plan, waitMs) {
      let timer: NodeJS.Timeout | undefined
      const stuck = new Promise<never>((_, rej) => {
        timer = setTimeout(() => rej(perfgateError('LOAD_WORKER_STUCK', { level: concurrency, waitedMs: waitMs })), waitMs)
      })
      try {
        return await Promise.race([Promise.all(Array.from({ length: concurrency }, (_, i) => runRequestLoop(request, plan(i)))), stuck])
      } finally {
        clearTimeout(timer)
      }
    },
    close: async () => undefined,
  }
}

/** Merges the loops of one level into its samples. */
export function mergeOutcomes(concurrency: number, offeredRate: number | null, startAt: number, durationMs: number, cpuMs: number, outcomes: readonly LoopOutcome[]): LevelSamples {
  const latencies = outcomes.flatMap((o) => o.latencies)
  const completed = latencies.length + outcomes.reduce((s, o) => s + o.errors, 0)
  const lastEnd = Math.max(...outcomes.map((o) => o.lastEnd))
  const extra: Record<string, number[]> = {}
  for (const o of outcomes) for (const [k, xs] of Object.entries(o.extra)) (extra[k] ??= []).push(...xs)
  return {
    concurrency,
    offeredRate,
    latencies,
    errors: outcomes.reduce((s, o) => s + o.errors, 0),
    errorMessages: [...new Set(outcomes.flatMap((o) => o.errorMessages))].slice(0, 5),
    missed: outcomes.reduce((s, o) => s + o.missed, 0),
    // from the start to the last completion; the full duration when nothing completed
    wallMs: completed > 0 ? lastEnd - startAt : durationMs,
    cpuMs,
    extra,
  }
}

export async function loadTest(target: string | (() => unknown) | LanguageModelSource, options: LoadOptions = {}): Promise<LoadResult> {
  if (options.generate === undefined && typeof target !== 'string' && typeof target !== 'function') {
    throw perfgateError('OPTION_INVALID', { option: 'profile.load(target)', value: typeof target, expected: 'a path to an .onnx file or a function' })
  }
  validateOptions(LOAD_SPEC, options, 'profile.load')
  const levels = options.concurrency ?? [...LOAD_DEFAULTS.concurrency]
  if (!Array.isArray(levels) || levels.length === 0) throw perfgateError('OPTION_INVALID', { option: 'concurrency', value: levels, expected: 'a non-empty array of integers >= 1, e.g. [1, 2, 4]' })
  levels.forEach((c, i) => positiveInt(`concurrency[${i}]`, c, 1))
  const durationMs = positiveNumber('durationMs', options.durationMs) ?? LOAD_DEFAULTS.durationMs
  const rate = positiveNumber('rate', options.rate)
  const maxRequests = positiveInt('maxRequests', options.maxRequests, LOAD_DEFAULTS.maxRequests)
  const warmup = positiveInt('warmup', options.warmup, LOAD_DEFAULTS.warmup, 0)
  const stopGraceMs = positiveInt('stopGraceMs', options.stopGraceMs, LOAD_DEFAULTS.stopGraceMs, 0)
  const slo = validateSlo(options.slo)
  const loop = resolveLoopOptions({ dims: options.dims, seed: options.seed, intMax: options.intMax }, 'profile.load')
  const session = options.session ?? { intraOpNumThreads: 1 }
  if (typeof target !== 'function') assertGpuProvidersAvailable(session.executionProviders)
  const progress = options.onProgress
  let job: LoadJob | undefined
  let modelPath: string | undefined
  if (options.generate !== undefined) {
    if (typeof target === 'function') throw perfgateError('OPTION_INVALID', { option: 'generate', value: 'given', expected: 'a language model target, not a function' })
    ;({ job, modelPath } = generationJob(target, options.generate, session))
  } else if (typeof target === 'string') {
    modelPath = resolveModelFile(target)
    const abs = modelPath
    job = { kind: 'model', model: abs, session, dims: options.dims ?? {}, seed: loop.seed, intMax: loop.intMax, ...(options.feeds ? { feeds: tensorData(options.feeds) } : {}) }
  } else if (options.feeds || options.dims) {
    throw perfgateError('OPTION_INVALID', { option: options.feeds ? 'feeds' : 'dims', value: 'given', expected: 'no feeds or dims for a function: it builds its own inputs' })
  }

  const label = typeof target === 'string' ? target : typeof target === 'function' ? `function${target.name ? ` ${target.name}` : ''}` : target.model
  // every worker holds its own session: refuse what cannot fit, or cannot load, before starting any
  if (modelPath !== undefined) {
    const notOnnx = notOnnxReason(fileHead(modelPath))
    if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path: typeof target === 'string' ? target : modelPath, detail: notOnnx })
    const most = Math.max(...levels)
    checkLoadConcurrency(`concurrency[${levels.indexOf(most)}]`, most, statSync(modelPath).size)
  }
  const release = await acquireMeasureLock(progress)
  const windowStart = Date.now()
  let driver: (Driver & { loadMs?: number[] }) | undefined
  try {
    driver = job ? await workerDriver(job, Math.max(...levels), warmup, label, progress) : functionDriver(target as () => unknown)
    if (!job) for (let i = 0; i < warmup; i++) await (target as () => unknown)()
    const measured: LevelSamples[] = []
    for (const c of levels) {
      progress?.(`load: concurrency ${c}${rate ? ` at ${rate} requests/s` : ''} for ${durationMs} ms`)
      // a little ahead, so that every worker has the plan before it starts
      const startAt = epochNow() + 20
      const plan = (i: number): LoopPlan => ({
        startAt,
        durationMs,
        intervalMs: rate ? (1000 * c) / rate : null,
        offsetMs: rate ? (1000 * i) / rate : 0,
        maxRequests: Math.ceil(maxRequests / c),
      })
      const cpu0 = process.cpuUsage()
      const outcomes = await driver.level(c, plan, durationMs + stopGraceMs + 20)
      const cpu = process.cpuUsage(cpu0)
      measured.push(mergeOutcomes(c, rate ?? null, startAt, durationMs, (cpu.user + cpu.system) / 1000, outcomes))
    }
    const figures = measured.map((m) => levelFigures(m, slo))
    const { index, goodput } = sustainableLevel(figures)
    return {
      kind: 'load',
      target: label,
      levels: figures,
      slo,
      sustainable: index,
      goodput,
      workerLoadMs: driver.loadMs ?? [],
      durationMs,
      testbed: collectTestbed(job ? ONNXRUNTIME_VERSION : 'none', job ? session : {}),
      window: { start: windowStart, end: Date.now() },
    }
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: `Load-testing ${typeof target === 'function' ? 'a function' : label}`, detail: (err as Error).message }, err)
  } finally {
    await driver?.close()
    release()
  }
}
