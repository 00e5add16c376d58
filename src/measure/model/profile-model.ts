/**
 * Profiles one ONNX model with onnxruntime-node: session creation (cold
 * start), the first run apart, warm-up, measured runs (optionally spread over
 * several sessions, with a machine-speed reference measured after each), memory
 * (of the first session, before any reference block), testbed. Sessions are
 * released at the end, also when a run throws.
 */
import { resolveModelFile } from './model-file.js'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import ort from 'onnxruntime-node'
import { perfgateError, PerfgateError } from '../../errors.js'
import type { ProfileResult } from '../../types/index.js'
import { generateFeeds } from '../inputs/feeds.js'
import { checkDimValues } from '../inputs/dims-check.js'
import { checkUserFeeds } from '../inputs/feeds-check.js'
import { loadFailureDetail } from './load-failure-detail.js'
import { notOnnxReason } from './onnx-file-check.js'
import { describeFed } from '../run/run-failure.js'
import { quietSessionOptions } from '../run/session-log-level.js'
import { acquireMeasureLock } from '../run/machine-lock.js'
import { rssMB } from '../run/memory.js'
import { modelIdentity } from './model-identity.js'
import { perSessionLoop, recordedOptions, resolveLoopOptions, resolveSessionOptions, type ProfileOptions } from '../run/options.js'
import { measureRuns, poolMeasuredRuns, type MeasuredRuns } from '../run/measure-runs.js'
import { ReferenceWorkload } from './reference-workload.js'
import { assertGpuProvidersAvailable, gpuMemoryTracker } from './gpu.js'
import { measureOpProfile, resolveOpProfileOptions } from './op-profile.js'
import { runFigures } from '../run/summarize-run.js'
import { summarizeDisturbance } from '../run/disturbance.js'
import { collectTestbed } from '../run/testbed.js'
import { ONNXRUNTIME_VERSION } from '../run/onnxruntime-version.js'

/** A warning when onnxruntime is given more intra-op threads than the cores this process may use. */
export function oversubscription(intraOpNumThreads: number | undefined, cores: number = availableParallelism()): string | undefined {
  if (intraOpNumThreads === undefined || intraOpNumThreads <= cores) return undefined
  return (
    `perfgate: intraOpNumThreads is ${intraOpNumThreads} but this process can use ${cores} core${cores === 1 ? '' : 's'}: ` +
    'the threads compete for the cores and the timings get noisy. Use at most the available cores (1 is steadiest for gating).'
  )
}

/** Everything checked before the lock is taken: options, the model file, threads and GPU providers. */
function prepareProfile(modelPath: string, options: ProfileOptions) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile(model, options)',
      value: options,
      expected: 'an object, e.g. { dims: { batch: 1 }, runs: 30 } (or nothing, for the defaults)',
    })
  }
  const loop = resolveLoopOptions(options)
  // after the option validator, which owns types and ranges: this refuses what it lets through (0)
  checkDimValues(options.dims)
  const { sessions, calibrate } = resolveSessionOptions(options)
  const opProfileOptions = resolveOpProfileOptions(options.opProfile)
  const abs = resolveModelFile(modelPath)
  let bytes: Buffer
  try {
    bytes = readFileSync(abs)
  } catch (err) {
    throw perfgateError('MODEL_LOAD_FAILED', { path: modelPath, detail: (err as Error).message }, err)
  }
  const notOnnx = notOnnxReason(bytes)
  if (notOnnx) throw perfgateError('MODEL_NOT_ONNX', { path: modelPath, detail: notOnnx })
  const model = modelIdentity(abs, bytes)
  const sessionOptions = options.session ?? {}
  const threadWarning = oversubscription(sessionOptions.intraOpNumThreads)
  if (threadWarning) (options.onProgress ?? process.emitWarning)(threadWarning)
  assertGpuProvidersAvailable(sessionOptions.executionProviders)
  return { loop, sessions, calibrate, opProfileOptions, abs, model, sessionOptions }
}

/** The feeds of the runs: the user's, checked against the session's inputs, or generated from its metadata. */
function profileFeeds(session: ort.InferenceSession, options: ProfileOptions, loop: ReturnType<typeof resolveLoopOptions>, modelPath: string) {
  if (options.feeds !== undefined) {
    const feeds = checkUserFeeds(options.feeds, session.inputNames)
    const inputs: ProfileResult['inputs'] = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { type: t.type, dims: [...t.dims] }]))
    let batchSize = options.batchSize ?? 1
    const first = session.inputMetadata[0]
    if (options.batchSize === undefined && first?.isTensor && typeof first.shape[0] === 'string') batchSize = feeds[first.name]?.dims[0] ?? 1
    return { feeds, inputs, batchSize }
  }
  const generated = generateFeeds(session.inputMetadata, { dims: options.dims ?? {}, seed: loop.seed, intMax: loop.intMax, model: modelPath })
  return { feeds: generated.feeds, inputs: generated.shapes, batchSize: options.batchSize ?? generated.batchSize }
}

/** The measured runs in `sessions` sessions, a fresh one for each after the first; `held` always has the open session, for release. */
async function measureInSessions(
  held: { session?: ort.InferenceSession },
  createSession: () => Promise<ort.InferenceSession>,
  feeds: Record<string, ort.Tensor>,
  failed: (err: unknown) => never,
  share: Parameters<typeof measureRuns>[1],
  sessions: number,
  reference: ReferenceWorkload | undefined,
): Promise<MeasuredRuns[]> {
  const measured: MeasuredRuns[] = []
  for (let k = 0; k < sessions; k++) {
    if (k > 0) {
      await held.session!.release()
      held.session = undefined
      held.session = await createSession()
    }
    const s = held.session!
    // a failure is named once, around the loop: a `.catch` on every run would cost each one a promise
    measured.push(await measureRuns(() => s.run(feeds), share).catch(failed))
    await reference?.block()
  }
  return measured
}

/** A failed `session.run`, named with the inputs perfgate fed and the dims behind them. */
function runFailure(inputs: ProfileResult['inputs'], modelPath: string, options: ProfileOptions) {
  return (err: unknown): never => {
    const fed = describeFed(inputs ?? {}, options.feeds ? undefined : (options.dims ?? {}))
    throw perfgateError('MODEL_RUN_FAILED', { model: modelPath, detail: (err as Error).message.trim(), ...fed }, err)
  }
}

/** Creates a session on the model, its load failure explained and named after the model. */
function sessionFactory(abs: string, modelPath: string, sessionOptions: ort.InferenceSession.SessionOptions): () => Promise<ort.InferenceSession> {
  return async () => {
    try {
      return await ort.InferenceSession.create(abs, quietSessionOptions(sessionOptions))
    } catch (err) {
      throw perfgateError('MODEL_LOAD_FAILED', { path: modelPath, detail: loadFailureDetail((err as Error).message) }, err)
    }
  }
}

export async function profileModel(modelPath: string, options: ProfileOptions = {}): Promise<ProfileResult> {
  const { loop, sessions, calibrate, opProfileOptions, abs, model, sessionOptions } = prepareProfile(modelPath, options)
  const progress = options.onProgress
  const gpu = gpuMemoryTracker(sessionOptions.executionProviders)

  const release = await acquireMeasureLock(options.onProgress)
  const windowStart = Date.now()
  const held: { session?: ort.InferenceSession } = {}
  const reference = calibrate ? new ReferenceWorkload() : undefined
  const createSession = sessionFactory(abs, modelPath, sessionOptions)
  try {
    const rssBeforeLoadMB = rssMB()
    gpu?.snap()
    const t0 = performance.now()
    held.session = await createSession()
    const loadMs = performance.now() - t0
    const rssAfterLoadMB = rssMB()
    gpu?.snap()
    const { feeds, inputs, batchSize } = profileFeeds(held.session, options, loop, modelPath)

    progress?.(`loaded ${model.path} in ${loadMs.toFixed(1)} ms; measuring${sessions > 1 ? ` in ${sessions} sessions` : ''}...`)
    const failed = runFailure(inputs, modelPath, options)
    const measured = await measureInSessions(held, createSession, feeds, failed, perSessionLoop(loop, sessions), sessions, reference)
    const { firstRunMs, samples, peakRssMB, peakSource, contention } = poolMeasuredRuns(measured)
    gpu?.snap()
    const gpuFigures = gpu?.figures()
    const opProfile = opProfileOptions && (await measureOpProfile(abs, modelPath, sessionOptions, feeds, opProfileOptions))
    return {
      kind: 'model',
      model,
      loadMs,
      firstRunMs,
      ...runFigures(samples, batchSize),
      memory: { rssBeforeLoadMB, rssAfterLoadMB, peakRssMB, peakDeltaMB: peakRssMB - rssBeforeLoadMB, peakSource },
      testbed: collectTestbed(ONNXRUNTIME_VERSION, sessionOptions),
      options: recordedOptions(options, loop),
      window: { start: windowStart, end: Date.now() },
      inputs,
      ...(sessions > 1 ? { sessions } : {}),
      ...(reference ? { calibration: reference.calibration() } : {}),
      ...(opProfile ? { opProfile } : {}),
      ...(gpuFigures ? { gpu: gpuFigures } : {}),
      // cpu / wall judges a run only when onnxruntime computes on one thread: more threads add CPU time
      disturbance: summarizeDisturbance(
        { latency: samples.cpuWall, cpu: samples.cpu, switches: samples.switches },
        contention,
        sessionOptions.intraOpNumThreads === 1,
      ),
    }
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: `Profiling ${modelPath}`, detail: (err as Error).message }, err)
  } finally {
    await held.session?.release().catch(() => undefined)
    release()
  }
}
