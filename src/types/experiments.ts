/**
 * Results of the experiments built on profile(): sweeps over one axis, model
 * comparisons run interleaved, and load tests at several concurrency levels.
 */
import type { Distribution, ProfileResult } from './profile-result.js'

/** A value a sweep axis takes: a dimension or thread count, an enum name, a list of providers. */
export type SweepValue = number | string | readonly string[]

/** Where a sweep's values go. */
export type SweepAxisKind =
  /** a symbolic input dimension (`dims`) */
  | 'dim'
  /** an onnxruntime session option */
  | 'session'
  /** an argument of the measured function (function sweeps) */
  | 'argument'
  /** an option of `profile.generate` (maxNewTokens, batchSize) or the prompt length in tokens (generation sweeps) */
  | 'generation'

/** One point of a sweep: its measurement and the derived scaling columns. */
export interface SweepPoint<R = ProfileResult> {
  value: SweepValue
  /** `batch=4`, `executionProviders=cuda+cpu`: also the suffix of the point's baseline entry key. */
  label: string
  result: R
  /** Work per second the scaling columns use: samples per second unless `workPerRun` says otherwise. */
  throughput: number
  /** value / first value, for numeric axes; null otherwise. */
  factor: number | null
  /** throughput / first point's throughput. */
  speedup: number | null
  /** speedup / factor (1 = linear scaling). */
  efficiency: number | null
  /** Share of the ideal gain bought by the step from the previous point (null at the first point). */
  stepGain: number | null
}

/** The result of `profile.sweep()`. */
export interface SweepResult<R = ProfileResult> {
  kind: 'sweep'
  axis: string
  axisKind: SweepAxisKind
  points: SweepPoint<R>[]
  /** Index of the point with the highest throughput. */
  best: number
  /** Index of the first point whose step bought less than `flatBelow` of the ideal gain, or null. */
  flattensAt: number | null
  flatBelow: number
}

/** A ratio (variant / reference) with its confidence interval; low = high = ratio when exact. */
export interface RatioEstimate {
  ratio: number
  low: number
  high: number
  /** Samples per side the interval rests on (0 for exact ratios such as file size). */
  n: number
  /** Two-sided Mann-Whitney p-value of the samples behind the ratio, where there are enough. */
  pValue?: number
  /** `lower`: the interval lies below 1; `higher`: above 1; `same`: it contains 1. */
  verdict: 'lower' | 'higher' | 'same'
}

/** One variant of a model comparison: a full profile result plus its per-process samples. */
export interface VariantResult extends ProfileResult {
  /** The variant's name in the comparison, e.g. `int8`. */
  variant: string
  /** Figures measured in fresh processes, one per process round (medians of these are loadMs, firstRunMs and memory). */
  processSamples: { loadMs: number[]; firstRunMs: number[]; peakDeltaMB: number[]; rssAfterLoadMB: number[] }
}

/** How one variant compares with the reference, metric by metric (ratios are variant / reference). */
export interface VariantRatios {
  variant: string
  reference: string
  /** Ratio of median latencies: below 1 is faster. */
  latency: RatioEstimate
  /** Ratio of throughputs (runs per second): above 1 is faster. */
  throughput: RatioEstimate
  /** Ratio of median peak-minus-before-load memory in fresh processes; null when the reference's is not positive. */
  memory: RatioEstimate | null
  /** Ratio of median session creation times in fresh processes. */
  loadMs: RatioEstimate
  /** Ratio of file sizes (exact). */
  fileSize: RatioEstimate
  /** One line: `int8 is 1.52x as fast as fp32 (95% CI 1.47-1.58), ...`. */
  verdict: string
}

/** The summary of `profile.compare()`. */
export interface ComparisonSummary {
  reference: string
  variants: string[]
  /** Ratios of every other variant against the reference. */
  ratios: VariantRatios[]
  /** Confidence of the intervals. */
  confidence: number
  rounds: number
  runsPerRound: number
  processRounds: number
  /** The order the variants ran in, round by round (it rotates, so no variant always goes first). */
  order: string[][]
}

/** The result of `profile.compare({ a: ..., b: ... })`: each variant by name, and the summary. */
export type ModelComparison<K extends string = string> = { readonly [P in K]: VariantResult } & {
  readonly summary: ComparisonSummary
}

/** A latency objective per level; every given bound must hold. */
export interface LoadSlo {
  /** Latency bounds in ms. */
  p50?: number
  p90?: number
  p95?: number
  p99?: number
  /** Largest acceptable share of failed requests, 0..1. @default 0 */
  errorRate?: number
  /**
   * Per-request bounds of a streamed generation (endpoint load tests), ms: a request is good when it succeeded
   * and meets every bound given; goodput is good requests per second. @default none
   */
  ttftMs?: number
  tpotMs?: number
  e2eMs?: number
  /** With per-request bounds: the least share of a level's requests that must be good for the level to meet the SLO. @default 0.9 */
  attainment?: number
}

/** One concurrency level of a load test. */
export interface LoadLevel {
  concurrency: number
  /** Offered arrival rate in requests per second (open loop), or null for back-to-back requests (closed loop). */
  offeredRate: number | null
  /** Requests that completed (ok or failed). */
  requests: number
  errors: number
  /** errors / requests (0 when there were none). */
  errorRate: number
  /** Scheduled requests that were still waiting when the level's time was up (open loop only). */
  missed: number
  /** Completed requests per second over the level's wall time. */
  requestsPerSecond: number
  /** Successful requests per second. */
  okPerSecond: number
  /** Request latency, ms (from the scheduled time in open loop, so queueing counts). */
  latency: Distribution | null
  /** From the level's start to its last completed request, ms. */
  wallMs: number
  /** Process CPU time during the level, ms (every worker thread included). */
  cpuMs: number
  /** Whether the level met the SLO (true when no SLO was given and nothing failed). */
  meetsSlo: boolean
  /** Why it did not, e.g. `p95 61.2 ms > 50 ms`. */
  sloViolations: string[]
  /** The first few error messages. */
  errorMessages: string[]
  /**
   * Extra per-request figures a measure reports, summarised: a generation's `ttftMs`, `tpotMs` (requests of
   * two or more tokens), `inputTokens` and `outputTokens`.
   */
  extra?: Record<string, Distribution>
  /** Generated tokens of the successful requests per second over the level's wall time (generation load tests). */
  outputTokensPerSecond?: number
  /** With per-request SLO bounds: good requests (ok and within every bound) per second, and their share of the requests. */
  goodPerSecond?: number
  attainment?: number
}

/** The result of `profile.load()`. */
export interface LoadResult {
  kind: 'load'
  target: string
  levels: LoadLevel[]
  slo: LoadSlo | null
  /** Index of the level with the highest ok requests/s among those meeting the SLO, or null if none does. */
  sustainable: number | null
  /** ok requests per second at the sustainable level (good requests per second with per-request SLO bounds; 0 when none). */
  goodput: number
  /** How each worker's session was created, ms (model targets). */
  workerLoadMs: number[]
  durationMs: number
  testbed: ProfileResult['testbed']
  window: { start: number; end: number }
  /** With `findMax` (endpoint load tests): the most load that met the SLO, by concurrency or offered rate, and why the search ended. */
  maxLoad?: { by: 'concurrency' | 'rate'; best: number | null; reason: string }
}
