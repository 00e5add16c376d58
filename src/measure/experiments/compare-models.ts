/**
 * `profile.compare({ fp32: 'a.onnx', int8: 'b.onnx' }, options)`: measures
 * variants of a model interleaved, so that machine drift (a neighbour's job,
 * thermal throttling) hits them alike, and reports ratios with confidence
 * intervals against the reference (the first variant unless `reference`).
 *
 * Holding the machine throughout:
 * 1. process rounds: each variant in a fresh process, `processRounds` times,
 *    variants alternating: session creation time, first run, memory;
 * 2. one session per variant in this process, then `rounds` rounds; in each,
 *    every variant does `warmup` runs and `runsPerRound` measured runs. The
 *    order rotates by round (A B, B A, A B, ... for two), so no variant always
 *    runs first.
 */
import { resolveModelFile } from '../model/model-file.js'
import { COMPARE_SPEC } from '../../options/experiment-specs.js'
import { validateOptions } from '../../options/validate-options.js'
import { readFileSync } from 'node:fs'
import ort from 'onnxruntime-node'
import { variantRatios } from '../../compare/variant-ratios.js'
import { perfgateError, PerfgateError } from '../../errors.js'
import { sortSamples, percentile } from '../../stats/index.js'
import type { ComparisonSummary, ModelComparison, ModelIdentity, VariantResult } from '../../types/index.js'
import { generateFeeds } from '../inputs/feeds.js'
import { assertGpuProvidersAvailable } from '../model/gpu.js'
import { acquireMeasureLock } from '../run/machine-lock.js'
import { modelIdentity } from '../model/model-identity.js'
import { resolveLoopOptions } from '../run/options.js'
import { probeInFreshProcess, type ProbeFigures } from './process-probe.js'
import { ONNXRUNTIME_VERSION } from '../run/onnxruntime-version.js'
import { medianHalfWidth, runLoop } from '../run/run-loop.js'
import { runFigures } from '../run/summarize-run.js'
import { collectTestbed } from '../run/testbed.js'

export interface CompareModelsOptions {
  /** Values for symbolic input dimensions, the same for every variant. @default {} */
  dims?: Record<string, number>
  /** Seed of the generated input data (each variant's inputs come from its own metadata). @default 1 */
  seed?: number
  /** Generated integer inputs take values in [0, intMax). @default 100 */
  intMax?: number
  /** Samples per run, for samples per second. @default the first input's first dimension when symbolic, else 1 */
  batchSize?: number
  /** onnxruntime session options, the same for every variant. @default {} */
  session?: ort.InferenceSession.SessionOptions
  /** Rounds of interleaved runs. @default 10 */
  rounds?: number
  /** Measured runs of each variant per round. @default 10 */
  runsPerRound?: number
  /** Unmeasured runs of each variant at the start of its turn in every round. @default 2 */
  warmup?: number
  /** Fresh processes per variant, for load time and memory. @default 3 */
  processRounds?: number
  /** Coverage of the confidence intervals. @default 0.95 */
  confidence?: number
  /** The variant the others are compared with. @default the first one */
  reference?: string
  /** Called with progress messages. @default none */
  onProgress?: (message: string) => void
}

export const COMPARE_DEFAULTS = { rounds: 10, runsPerRound: 10, warmup: 2, processRounds: 3, confidence: 0.95 } as const

/** Names a variant cannot take, because the result uses them. */
const RESERVED = new Set(['summary'])

/** The order of the variants in round `r`: rotated by r. */
export function roundOrder<T>(names: readonly T[], r: number): T[] {
  const k = names.length
  const s = k === 0 ? 0 : r % k
  return [...names.slice(s), ...names.slice(0, s)]
}

const med = (xs: readonly number[]) => percentile(sortSamples(xs), 50)

interface Variant {
  name: string
  path: string
  abs: string
  identity: ModelIdentity
  probes: ProbeFigures[]
  session?: ort.InferenceSession
  feeds?: Record<string, ort.Tensor>
  inputs?: Record<string, { type: string; dims: number[] }>
  batchSize: number
  latency: number[]
  cpu: number[]
  warmupRuns: number
}

/** The variant names, checked: at least two, none reserved, each a path. */
function variantNames<K extends string>(variants: Record<K, string>): K[] {
  if (typeof variants !== 'object' || variants === null || Array.isArray(variants)) {
    throw perfgateError('COMPARE_VARIANTS_INVALID', { detail: `got ${Array.isArray(variants) ? 'an array' : typeof variants}` })
  }
  const names = Object.keys(variants) as K[]
  if (names.length < 2) throw perfgateError('COMPARE_VARIANTS_INVALID', { detail: `got ${names.length} variant${names.length === 1 ? '' : 's'}` })
  for (const n of names) {
    if (RESERVED.has(n))
      throw perfgateError('COMPARE_VARIANTS_INVALID', { detail: `'${n}' is reserved for the comparison's summary; name the variant otherwise` })
    if (typeof variants[n] !== 'string') throw perfgateError('COMPARE_VARIANTS_INVALID', { detail: `variant '${n}' is not a path to an .onnx file` })
  }
  return names
}

/** The options of a comparison, validated and with their defaults. */
interface CompareSettings {
  rounds: number
  runsPerRound: number
  warmup: number
  processRounds: number
  confidence: number
  reference: string
  loop: ReturnType<typeof resolveLoopOptions>
  sessionOptions: ort.InferenceSession.SessionOptions
  dims: Record<string, number>
}

function compareSettings(options: CompareModelsOptions, names: readonly string[]): CompareSettings {
  // COMPARE_SPEC checks every value's type and range
  validateOptions(COMPARE_SPEC, options, 'profile.compare')
  const rounds = options.rounds ?? COMPARE_DEFAULTS.rounds
  const runsPerRound = options.runsPerRound ?? COMPARE_DEFAULTS.runsPerRound
  const warmup = options.warmup ?? COMPARE_DEFAULTS.warmup
  const processRounds = options.processRounds ?? COMPARE_DEFAULTS.processRounds
  const confidence = options.confidence ?? COMPARE_DEFAULTS.confidence
  const reference = options.reference ?? names[0]!
  if (!names.includes(reference))
    throw perfgateError('COMPARE_VARIANTS_INVALID', { detail: `the reference '${reference}' is none of the variants (${names.join(', ')})` })
  const loop = resolveLoopOptions({ dims: options.dims, seed: options.seed, intMax: options.intMax, batchSize: options.batchSize })
  const sessionOptions = options.session ?? {}
  assertGpuProvidersAvailable(sessionOptions.executionProviders)
  return { rounds, runsPerRound, warmup, processRounds, confidence, reference, loop, sessionOptions, dims: options.dims ?? {} }
}

/** Step 1: each variant in a fresh process, `processRounds` times, variants alternating. */
async function probeVariants(vs: readonly Variant[], set: CompareSettings, progress: CompareModelsOptions['onProgress']): Promise<void> {
  for (let r = 0; r < set.processRounds; r++) {
    for (const v of roundOrder(vs, r)) {
      progress?.(`compare: fresh process ${r + 1}/${set.processRounds} for ${v.name}`)
      try {
        v.probes.push(
          await probeInFreshProcess({ model: v.abs, session: set.sessionOptions, dims: set.dims, seed: set.loop.seed, intMax: set.loop.intMax, runs: 5 }),
        )
      } catch (err) {
        throw perfgateError('MODEL_LOAD_FAILED', { path: v.path, detail: (err as Error).message }, err)
      }
    }
  }
}

/** Step 2a: one session per variant in this process, with its generated feeds. */
async function openSessions(vs: readonly Variant[], set: CompareSettings, batchSize: number | undefined): Promise<void> {
  for (const v of vs) {
    try {
      v.session = await ort.InferenceSession.create(v.abs, set.sessionOptions)
    } catch (err) {
      throw perfgateError('MODEL_LOAD_FAILED', { path: v.path, detail: (err as Error).message }, err)
    }
    const generated = generateFeeds(v.session.inputMetadata, { dims: set.dims, seed: set.loop.seed, intMax: set.loop.intMax })
    v.feeds = generated.feeds
    v.inputs = generated.shapes
    v.batchSize = batchSize ?? generated.batchSize
  }
}

/** Step 2b: the interleaved rounds; returns the order of the variants in each round. */
async function runRounds(vs: readonly Variant[], set: CompareSettings, progress: CompareModelsOptions['onProgress']): Promise<string[][]> {
  const order: string[][] = []
  for (let r = 0; r < set.rounds; r++) {
    const turn = roundOrder(vs, r)
    order.push(turn.map((v) => v.name))
    progress?.(`compare: round ${r + 1}/${set.rounds} (${order.at(-1)!.join(' ')})`)
    for (const v of turn) {
      const s = v.session!
      const feeds = v.feeds!
      const run = async () => {
        try {
          return await s.run(feeds)
        } catch (err) {
          throw perfgateError('RUN_FAILED', { what: `session.run on ${v.path}`, detail: (err as Error).message }, err)
        }
      }
      const samples = await runLoop(run, { warmup: set.warmup, warmupTimeMs: 0, runs: set.runsPerRound, minTimeMs: 0, maxRuns: set.runsPerRound })
      v.latency.push(...samples.latency)
      v.cpu.push(...samples.cpu)
      v.warmupRuns += samples.warmupRuns
    }
  }
  return order
}

/** The options recorded with each variant's result: the loop counts, and the others only where given. */
function recordedOptions(options: CompareModelsOptions, set: CompareSettings): Record<string, unknown> {
  const recorded: Record<string, unknown> = { rounds: set.rounds, runsPerRound: set.runsPerRound, warmup: set.warmup, processRounds: set.processRounds }
  if (Object.keys(set.dims).length > 0) recorded.dims = set.dims
  if (options.seed !== undefined) recorded.seed = set.loop.seed
  if (options.batchSize !== undefined) recorded.batchSize = options.batchSize
  if (options.session) recorded.session = JSON.parse(JSON.stringify(options.session)) as unknown
  return recorded
}

/** One variant's result: warm figures from the rounds, load and memory as medians of its fresh processes. */
function variantResult(v: Variant, set: CompareSettings, recorded: Record<string, unknown>, window: { start: number; end: number }): VariantResult {
  const figures = runFigures(
    { warmupRuns: v.warmupRuns, latency: v.latency, cpu: v.cpu, stoppedBy: 'runs', medianHalfWidth: medianHalfWidth(v.latency) },
    v.batchSize,
  )
  const probe = (k: keyof Omit<ProbeFigures, 'peakSource'>) => v.probes.map((p) => p[k])
  return {
    kind: 'model',
    variant: v.name,
    model: v.identity,
    loadMs: med(probe('loadMs')),
    firstRunMs: med(probe('firstRunMs')),
    ...figures,
    memory: {
      rssBeforeLoadMB: med(probe('rssBeforeLoadMB')),
      rssAfterLoadMB: med(probe('rssAfterLoadMB')),
      peakRssMB: med(probe('peakRssMB')),
      peakDeltaMB: med(probe('peakDeltaMB')),
      peakSource: v.probes[0]!.peakSource,
    },
    testbed: collectTestbed(ONNXRUNTIME_VERSION, set.sessionOptions),
    options: recorded,
    window,
    inputs: v.inputs,
    processSamples: { loadMs: probe('loadMs'), firstRunMs: probe('firstRunMs'), peakDeltaMB: probe('peakDeltaMB'), rssAfterLoadMB: probe('rssAfterLoadMB') },
  }
}

export async function compareModels<K extends string>(variants: Record<K, string>, options: CompareModelsOptions = {}): Promise<ModelComparison<K>> {
  const names = variantNames(variants)
  const set = compareSettings(options, names)
  const vs: Variant[] = names.map((name) => {
    const path = variants[name]
    const abs = resolveModelFile(path)
    return {
      name,
      path,
      abs,
      identity: modelIdentity(abs, readFileSync(abs)),
      probes: [],
      batchSize: options.batchSize ?? 1,
      latency: [],
      cpu: [],
      warmupRuns: 0,
    }
  })
  const progress = options.onProgress
  const release = await acquireMeasureLock(progress)
  const windowStart = Date.now()
  let order: string[][]
  try {
    await probeVariants(vs, set, progress)
    await openSessions(vs, set, options.batchSize)
    order = await runRounds(vs, set, progress)
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: `Comparing ${names.join(', ')}`, detail: (err as Error).message }, err)
  } finally {
    await Promise.all(vs.map((v) => v.session?.release().catch(() => undefined)))
    release()
  }
  const window = { start: windowStart, end: Date.now() }
  const recorded = recordedOptions(options, set)
  const results = vs.map((v) => variantResult(v, set, recorded, window))
  const ref = results.find((r) => r.variant === set.reference)!
  const summary: ComparisonSummary = {
    reference: set.reference,
    variants: names,
    ratios: results.filter((r) => r !== ref).map((r) => variantRatios(ref, r, set.confidence)),
    confidence: set.confidence,
    rounds: set.rounds,
    runsPerRound: set.runsPerRound,
    processRounds: set.processRounds,
    order,
  }
  return Object.assign(Object.fromEntries(results.map((r) => [r.variant, r])), { summary }) as ModelComparison<K>
}
