/** Profile options: their defaults, documentation and validation. */
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { MAX_RUN_COUNT } from '../../options/option-spec.js'
import { PROFILE_SPEC } from '../../options/profile-spec.js'
import { optionName, validateOptions } from '../../options/validate-options.js'
import type { OpProfileOptions } from '../model/op-profile.js'

export interface ProfileOptions {
  /** Values for symbolic input dimensions, e.g. `{ batch: 4, height: 224 }`. Batch-like names default to 1. @default {} */
  dims?: Record<string, number>
  /** Your own input tensors by input name, instead of generated ones. @default generated from the model's input metadata */
  feeds?: Record<string, ort.Tensor>
  /** Warm-up runs after the first run; at most 1000000. @default 5 */
  warmup?: number
  /** Keep warming up for at least this many ms; at most 600000 (10 minutes). @default 0 */
  warmupTime?: number
  /**
   * Minimum measured runs, or `'auto'`: measure at least 30 runs and `minTime`, then go on until the
   * median's 99% confidence interval is within ±`precision`, or `maxTime` has passed. At most `maxRuns`
   * (a larger value is refused rather than cut short).
   * @default 30
   */
  runs?: number | 'auto'
  /** With `runs: 'auto'`: the target relative half-width of the median's 99% interval. @default 0.025 (±2.5%, a quarter of the default 10% tolerance) */
  precision?: number
  /** With `runs: 'auto'`: the time budget for the measured runs, ms; at most 60000. @default 10000 */
  maxTime?: number
  /** Minimum measured time in ms; measuring goes on until both `runs` and `minTime` are met. At most 600000 (10 minutes). @default 1000 */
  minTime?: number
  /**
   * Upper bound on measured runs when `minTime` asks for more; at most 1000000. When it stops the runs,
   * `sampling.stoppedBy` is 'maxRuns'; given explicitly, it is recorded with the options. @default 10000
   */
  maxRuns?: number
  /** Seed of the generated input data. @default 1 */
  seed?: number
  /** Generated integer inputs take values in [0, intMax); inputs whose name contains "mask" are all ones. @default 100 */
  intMax?: number
  /** Samples per run, for samples per second. @default the first input's first dimension when symbolic, else 1 */
  batchSize?: number
  /** onnxruntime session options, passed through (executionProviders, intraOpNumThreads, interOpNumThreads, graphOptimizationLevel, enableCpuMemArena, ...). @default {} */
  session?: ort.InferenceSession.SessionOptions
  /** Called with progress messages (the CLI prints them on stderr). @default none */
  onProgress?: (message: string) => void
  /**
   * Also time every operator with onnxruntime's profiler, in a separate session after the measured runs
   * (so the latency is unaffected): `true`, or `{ runs: 20, warmup: 3, top: 15 }`. Model profiles only.
   * The table is stored with the baseline entry; a failing gate lists the operators whose time grew most.
   * @default false
   */
  opProfile?: boolean | OpProfileOptions
  /**
   * Spread the measured runs over this many sessions, created one after another (each with its own
   * first run and warm-up), and pool their samples. Each session gets `runs`, `minTime` and `maxRuns`
   * divided by the count, rounded up (with `runs: 'auto'`: `maxTime` divided, precision sqrt(sessions)
   * wider). Pooling averages out where each session's buffers land in memory. Load time, first run and
   * memory are the first session's. Model profiles only. @default 1
   */
  sessions?: number
  /**
   * Measure a fixed reference workload (the project's embedded models, one thread) in a short block after
   * each session's measured runs (after the memory figures are read) and store its score with the result.
   * When the baseline entry has a score too, the comparison corrects the current timings for the change in
   * the machine's speed. Costs about 0.1 s for the first block and 40 ms for each later one. @default false
   */
  calibrate?: boolean
}

export interface ResolvedLoop {
  adaptive?: { precision: number; maxTimeMs: number }
  warmup: number
  warmupTimeMs: number
  runs: number
  minTimeMs: number
  maxRuns: number
  seed: number
  intMax: number
}

/** Adaptive sampling defaults and the hard cap on its budget. */
export const ADAPTIVE_DEFAULTS = { precision: 0.025, maxTimeMs: 10_000, maxTimeCapMs: 60_000 } as const

/** The resolved measurement loop when no option is given (internal: keyed by the loop's fields). */
export const LOOP_DEFAULTS = {
  warmup: 5,
  warmupTimeMs: 0,
  runs: 30,
  minTimeMs: 1000,
  maxRuns: 10000,
  seed: 1,
  intMax: 100,
} as const satisfies ResolvedLoop

/** The defaults of `profile` options, keyed by the `ProfileOptions` names (times in ms). */
export const PROFILE_DEFAULTS = {
  warmup: LOOP_DEFAULTS.warmup,
  warmupTime: LOOP_DEFAULTS.warmupTimeMs,
  runs: LOOP_DEFAULTS.runs,
  minTime: LOOP_DEFAULTS.minTimeMs,
  maxRuns: LOOP_DEFAULTS.maxRuns,
  seed: LOOP_DEFAULTS.seed,
  intMax: LOOP_DEFAULTS.intMax,
  precision: ADAPTIVE_DEFAULTS.precision,
  maxTime: ADAPTIVE_DEFAULTS.maxTimeMs,
} as const

function resolveAdaptive(o: ProfileOptions): { precision: number; maxTimeMs: number } {
  return { precision: o.precision ?? ADAPTIVE_DEFAULTS.precision, maxTimeMs: o.maxTime ?? ADAPTIVE_DEFAULTS.maxTimeMs }
}

/** `sessions` and `calibrate` (checked by resolveLoopOptions, which runs first). */
export function resolveSessionOptions(o: ProfileOptions): { sessions: number; calibrate: boolean } {
  return { sessions: o.sessions ?? 1, calibrate: o.calibrate ?? false }
}

/** One session's share of the loop when the runs are spread over `sessions` sessions. */
export function perSessionLoop(loop: ResolvedLoop, sessions: number): ResolvedLoop {
  if (sessions === 1) return loop
  return {
    ...loop,
    runs: Math.max(1, Math.ceil(loop.runs / sessions)),
    minTimeMs: loop.minTimeMs / sessions,
    maxRuns: Math.max(1, Math.ceil(loop.maxRuns / sessions)),
    ...(loop.adaptive ? { adaptive: { precision: loop.adaptive.precision * Math.sqrt(sessions), maxTimeMs: loop.adaptive.maxTimeMs / sessions } } : {}),
  }
}

/**
 * Checks every option (unknown names, types, ranges: see PROFILE_SPEC) and resolves the loop.
 * `call` names the entry point in messages, e.g. `profile({ runz })`.
 */
export function resolveLoopOptions(o: ProfileOptions, call = 'profile'): ResolvedLoop {
  validateOptions(PROFILE_SPEC, o, call)
  const maxRuns = o.maxRuns ?? LOOP_DEFAULTS.maxRuns
  // a default minimum yields to an explicit cap; a minimum the user asked for and the cap would cut
  // short would be recorded as done without being done: refuse it
  const runs = o.runs === 'auto' || o.runs === undefined ? Math.min(LOOP_DEFAULTS.runs, maxRuns) : o.runs
  if (runs > maxRuns) {
    throw perfgateError('OPTION_INVALID', {
      option: optionName(call, 'runs'),
      value: runs,
      expected: `at most maxRuns (${maxRuns}), the cap on measured runs; raise maxRuns too (up to ${MAX_RUN_COUNT}) to measure more`,
    })
  }
  return {
    warmup: o.warmup ?? LOOP_DEFAULTS.warmup,
    warmupTimeMs: o.warmupTime ?? LOOP_DEFAULTS.warmupTimeMs,
    runs,
    ...(o.runs === 'auto' ? { adaptive: resolveAdaptive(o) } : {}),
    minTimeMs: o.minTime ?? LOOP_DEFAULTS.minTimeMs,
    maxRuns,
    seed: o.seed ?? LOOP_DEFAULTS.seed,
    intMax: o.intMax ?? LOOP_DEFAULTS.intMax,
  }
}

/** The options as stored with a result and its baseline entry (JSON only). */
export function recordedOptions(o: ProfileOptions, loop: ResolvedLoop): Record<string, unknown> {
  const out: Record<string, unknown> = {
    warmup: loop.warmup,
    warmupTime: loop.warmupTimeMs,
    runs: loop.adaptive ? 'auto' : loop.runs,
    minTime: loop.minTimeMs,
  }
  if (loop.adaptive) Object.assign(out, { precision: loop.adaptive.precision, maxTime: loop.adaptive.maxTimeMs })
  if (o.dims && Object.keys(o.dims).length > 0) out.dims = o.dims
  if (o.feeds) out.feeds = 'user'
  else if (o.seed !== undefined) out.seed = loop.seed
  if (o.batchSize !== undefined) out.batchSize = o.batchSize
  // the cap that can stop measuring before minTime is met (sampling.stoppedBy says when it did)
  if (o.maxRuns !== undefined) out.maxRuns = loop.maxRuns
  if (o.session) out.session = JSON.parse(JSON.stringify(o.session)) as unknown
  if (o.sessions !== undefined && o.sessions !== 1) out.sessions = o.sessions
  if (o.calibrate) out.calibrate = true
  return out
}
