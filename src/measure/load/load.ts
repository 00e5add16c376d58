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
import type ort from 'onnxruntime-node'
import { levelFigures, sustainableLevel, type LevelSamples } from '../../compare/slo.js'
import { perfgateError, PerfgateError } from '../../errors.js'
import type { LoadResult, LoadSlo } from '../../types/index.js'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { assertGpuProvidersAvailable } from '../model/gpu.js'
import { checkLoadConcurrency } from './load-capacity.js'
import { functionDriver, workerDriver, type Driver } from './load-drivers.js'
import { generationJob } from './load-generation-job.js'
import { notOnnxReason } from '../model/onnx-file-check.js'
import { acquireMeasureLock } from '../run/machine-lock.js'
import { epochNow, type LoopOutcome, type LoopPlan } from './load-loop.js'
import type { LoadJob, TensorData } from './load-runners.js'
import type { GenerateOptions } from '../generation/generate-options.js'
import type { LanguageModelSource } from '../generation/language-model-source.js'
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

function validateSlo(slo: unknown): LoadSlo | null {
  if (slo === undefined) return null
  if (typeof slo !== 'object' || slo === null) throw perfgateError('OPTION_INVALID', { option: 'slo', value: slo, expected: 'an object like { p95: 50 }' })
  for (const [k, v] of Object.entries(slo)) {
    if (!['p50', 'p90', 'p95', 'p99', 'errorRate'].includes(k))
      throw perfgateError('OPTION_INVALID', { option: `slo.${k}`, value: v, expected: 'one of p50, p90, p95, p99 (ms) and errorRate (0..1)' })
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (k === 'errorRate' && v > 1)) {
      throw perfgateError('OPTION_INVALID', {
        option: `slo.${k}`,
        value: v,
        expected: k === 'errorRate' ? 'a share between 0 and 1' : 'a number of milliseconds >= 0',
      })
    }
  }
  return slo as LoadSlo
}

function tensorData(feeds: Record<string, ort.Tensor>): Record<string, TensorData> {
  return Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { type: t.type, data: t.data, dims: [...t.dims] }]))
}

/** Merges the loops of one level into its samples. */
export function mergeOutcomes(
  concurrency: number,
  offeredRate: number | null,
  startAt: number,
  durationMs: number,
  cpuMs: number,
  outcomes: readonly LoopOutcome[],
): LevelSamples {
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

/** The load test's own options, validated and with their defaults. */
function loadSettings(options: LoadOptions) {
  // LOAD_SPEC checks every value's type and range; only the SLO's fields are checked below
  validateOptions(LOAD_SPEC, options, 'profile.load')
  return {
    levels: options.concurrency ?? [...LOAD_DEFAULTS.concurrency],
    durationMs: options.durationMs ?? LOAD_DEFAULTS.durationMs,
    rate: options.rate,
    maxRequests: options.maxRequests ?? LOAD_DEFAULTS.maxRequests,
    warmup: options.warmup ?? LOAD_DEFAULTS.warmup,
    stopGraceMs: options.stopGraceMs ?? LOAD_DEFAULTS.stopGraceMs,
    slo: validateSlo(options.slo),
    loop: resolveLoopOptions({ dims: options.dims, seed: options.seed, intMax: options.intMax }, 'profile.load'),
    session: options.session ?? { intraOpNumThreads: 1 },
  }
}

type LoadSettings = ReturnType<typeof loadSettings>
type LoadTarget = string | (() => unknown) | LanguageModelSource

/** What each worker runs (none for a function target) and the model file it loads. */
function loadJob(target: LoadTarget, options: LoadOptions, set: LoadSettings): { job?: LoadJob; modelPath?: string } {
  if (options.generate !== undefined) {
    if (typeof target === 'function')
      throw perfgateError('OPTION_INVALID', { option: 'generate', value: 'given', expected: 'a language model target, not a function' })
    return generationJob(target, options.generate, set.session)
  }
  if (typeof target === 'string') {
    const modelPath = resolveModelFile(target)
    const job: LoadJob = {
      kind: 'model',
      model: modelPath,
      session: set.session,
      dims: options.dims ?? {},
      seed: set.loop.seed,
      intMax: set.loop.intMax,
      ...(options.feeds ? { feeds: tensorData(options.feeds) } : {}),
    }
    return { job, modelPath }
  }
  if (options.feeds || options.dims) {
    throw perfgateError('OPTION_INVALID', {
      option: options.feeds ? 'feeds' : 'dims',
      value: 'given',
      expected: 'no feeds or dims for a function: it builds its own inputs',
    })
  }
  return {}
}

/** Every worker holds its own session: refuses what cannot fit, or cannot load, before starting any. */
function checkModelFits(target: LoadTarget, modelPath: string, levels: readonly number[]): void {
  const notOnnx = notOnnxReason(fileHead(modelPath))
  if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path: typeof target === 'string' ? target : modelPath, detail: notOnnx })
  const most = Math.max(...levels)
  checkLoadConcurrency(`concurrency[${levels.indexOf(most)}]`, most, statSync(modelPath).size)
}

/** Runs every level in turn on the driver, each planned to start a little ahead so that every worker has the plan first. */
async function runLevels(driver: Driver, set: LoadSettings, progress: LoadOptions['onProgress']): Promise<LevelSamples[]> {
  const { durationMs, rate, maxRequests, stopGraceMs } = set
  const measured: LevelSamples[] = []
  for (const c of set.levels) {
    progress?.(`load: concurrency ${c}${rate ? ` at ${rate} requests/s` : ''} for ${durationMs} ms`)
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
  return measured
}

export async function loadTest(target: LoadTarget, options: LoadOptions = {}): Promise<LoadResult> {
  if (options.generate === undefined && typeof target !== 'string' && typeof target !== 'function') {
    throw perfgateError('OPTION_INVALID', { option: 'profile.load(target)', value: typeof target, expected: 'a path to an .onnx file or a function' })
  }
  const set = loadSettings(options)
  const { levels, warmup, session, slo, durationMs } = set
  if (typeof target !== 'function') assertGpuProvidersAvailable(session.executionProviders)
  const progress = options.onProgress
  const { job, modelPath } = loadJob(target, options, set)
  const label = typeof target === 'string' ? target : typeof target === 'function' ? `function${target.name ? ` ${target.name}` : ''}` : target.model
  if (modelPath !== undefined) checkModelFits(target, modelPath, levels)
  const release = await acquireMeasureLock(progress)
  const windowStart = Date.now()
  let driver: (Driver & { loadMs?: number[] }) | undefined
  try {
    driver = job ? await workerDriver(job, Math.max(...levels), warmup, label, progress) : functionDriver(target as () => unknown)
    if (!job) for (let i = 0; i < warmup; i++) await (target as () => unknown)()
    const figures = (await runLevels(driver, set, progress)).map((m) => levelFigures(m, slo))
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
