/**
 * The shared vocabulary of perfgate. Baseline file types are generated from
 * schema/baseline.schema.json; everything else that crosses a layer is here.
 */
import type { SampleSummary } from '../stats/summary.js'
import type { BaselineEntry, BaselineFile, Calibration, Disturbance, ModelIdentity, OpProfile, OpTime, SampleSet, Testbed } from './baseline.generated.js'
import type { CalibrationApplied, ChangeInterval, ResultExtras } from './results.generated.js'

export type { BaselineEntry, BaselineFile, Calibration, Disturbance, ModelIdentity, OpProfile, OpTime, SampleSet, Testbed }
export type {
  CalibrationApplied,
  ChangeInterval,
  GenerationReport,
  HistoryEntry,
  HistoryRecord,
  PromptFigures as PromptReportFigures,
  ResultEntry,
  ResultExtras,
  ResultsFile,
  SweepReport,
} from './results.generated.js'

/** Distribution summary of per-run figures, in ms. */
export type Distribution = SampleSummary

export interface MemoryFigures {
  /** RSS before the session is created, MB. */
  rssBeforeLoadMB: number
  /** RSS after the session is created, MB (equals rssBeforeLoadMB for function profiles). */
  rssAfterLoadMB: number
  /** Peak RSS during the measured runs, MB. */
  peakRssMB: number
  /** peakRssMB - rssBeforeLoadMB. */
  peakDeltaMB: number
  /** `vmhwm`: the kernel's high-water mark (Linux, reset before the runs); `sampled`: polled RSS. */
  peakSource: 'vmhwm' | 'sampled'
}

/** The result of `profile()`. Every figure is in ms, MB or runs per second. */
export interface ProfileResult {
  kind: 'model' | 'function'
  /** The model's identity, for model profiles. */
  model?: ModelIdentity
  /** Session creation (cold start), ms. Model profiles only. */
  loadMs?: number
  /** The first `run()` after load, ms, reported apart from the warm runs. */
  firstRunMs: number
  /** Warm-up runs done (after the first run). */
  warmupRuns: number
  /** Wall time around `session.run` (or the function), warm measured runs. */
  latency: Distribution
  /** Process CPU time (user + system, all threads) per measured run. */
  cpu: Distribution
  throughput: {
    /** Measured runs per second of latency: 1000 / mean latency. */
    runsPerSecond: number
    /** runsPerSecond x batchSize. */
    samplesPerSecond: number
    batchSize: number
  }
  memory: MemoryFigures
  /**
   * How measuring ended: `runs` (the minimum count and time were met), `precision` (adaptive: the median's
   * 99% interval reached ±precision), `budget` (adaptive: maxTime spent), `maxRuns`; and the median's
   * relative 99% half-width at the end (the result's own noise).
   */
  sampling: { runs: number; stoppedBy: 'runs' | 'precision' | 'budget' | 'maxRuns'; medianHalfWidth: number }
  /** Raw per-run figures in run order, ms. */
  samples: { latency: number[]; cpu: number[] }
  testbed: Testbed
  /** The options as measured (JSON-serialisable). */
  options: Record<string, unknown>
  /** When the measurement held the machine: epoch ms, from lock acquired to released. */
  window: { start: number; end: number }
  /** Input names and shapes that were fed, for model profiles. */
  inputs?: Record<string, { type: string; dims: number[] }>
  /** Time by operator from onnxruntime's profiler, with the `opProfile` option. */
  opProfile?: OpProfile
  /** GPU memory from nvidia-smi, when a CUDA or TensorRT execution provider ran the model. */
  gpu?: GpuFigures
  /** The machine-speed reference measured around the runs, with the `calibrate` option. */
  calibration?: Calibration
  /** Sessions the measured runs were spread over (option `sessions`; 1 when not given). */
  sessions?: number
  /** How much other work on the machine disturbed the measured runs (see src/measure/disturbance.ts). */
  disturbance?: Disturbance
}

/** GPU memory around a profile, from nvidia-smi (MB as it reports them: MiB). */
export interface GpuFigures {
  /** The GPUs nvidia-smi lists: index, name and total memory. */
  devices: { index: number; name: string; memoryTotalMB: number }[]
  /** Memory used on all GPUs together before the session was created, MB. */
  usedBeforeLoadMB: number
  /** Memory used on all GPUs together after the session was created, MB. */
  usedAfterLoadMB: number
  /** Memory used on all GPUs together after the measured runs, MB. */
  usedAfterRunsMB: number
  /** usedAfterRunsMB - usedBeforeLoadMB (other processes on the GPU count too). */
  deltaMB: number
  /** GPU memory of this process after the runs (nvidia-smi's compute apps), when it lists it, MB. */
  processMB?: number
}

/** Which direction of change is an improvement. */
export type Better = 'lower' | 'higher'

/**
 * A tolerance: relative (`'10%'`), absolute in the metric's unit (`{ abs: 2 }`),
 * or both (`{ rel: '10%', abs: 2 }`: a change must exceed both to count).
 */
export type Tolerance =
  | `${number}%`
  | { abs: number; rel?: `${number}%`; warn?: WarnBand }
  | { rel: `${number}%`; abs?: number; warn?: WarnBand }

/** A warning band inside the tolerance: a change beyond it passes but is reported (`'5%'`, `{ abs: 1 }`, or both). */
export type WarnBand = `${number}%` | { rel?: `${number}%`; abs?: number }

/** Tolerances by metric id; `default` applies to metrics not listed. */
export type ToleranceMap = Partial<Record<MetricId | 'default', Tolerance>>

/** Metric ids of a profile result that can be gated. */
export type MetricId =
  | 'latency.mean'
  | 'latency.p50'
  | 'latency.p90'
  | 'latency.p95'
  | 'latency.p99'
  | 'cpu.mean'
  | 'cpu.p50'
  | 'throughput'
  | 'memory.peakDeltaMB'
  | 'memory.peakRssMB'
  | 'loadMs'
  | 'firstRunMs'
  | 'value'
  | GenerationMetricId

/** Metric ids of a generation result (`profile.generate`) beyond the memory and load metrics it shares. */
export type GenerationMetricId =
  | `${'ttft' | 'tpot' | 'itl' | 'e2e'}.${'mean' | 'p50' | 'p90' | 'p95' | 'p99'}`
  | 'tokensPerSecond'
  | 'totalTokensPerSecond'
  | 'prefillTokensPerSecond'

/** Verdict of one metric, or of a whole entry (the worst of its metrics). */
export type Verdict = MetricVerdict | 'new' | 'updated'

/**
 * Verdict of a comparison: `regressed` fails; `unresolved` (noise wider than the
 * tolerance), `warned` (beyond the warning band only), `improved` and `pass` pass.
 */
export type MetricVerdict = 'pass' | 'regressed' | 'improved' | 'warned' | 'unresolved'

/** One row of a diff table. */
export interface MetricComparison {
  metric: MetricId
  unit: string
  better: Better
  baseline: number
  current: number
  /** current - baseline. */
  change: number
  /** change / baseline x 100; null when the baseline is 0. */
  changePct: number | null
  /** The tolerance in words, e.g. `10%` or `±2 ms`. */
  tolerance: string
  verdict: MetricVerdict
  /** Two-sided Mann-Whitney p-value when both sides had samples. */
  pValue?: number
  /** Why a change beyond tolerance still passed, e.g. not significant. */
  note?: string
  /** Confidence interval of the change in percent of the baseline, when the comparison computed one; reports show it. */
  interval?: ChangeInterval
}

export interface TestbedDifference {
  field: keyof Testbed | 'model.sha256' | 'model.bytes' | 'options' | 'calibration'
  baseline: string
  current: string
}

export interface EntryComparison {
  verdict: MetricVerdict
  rows: MetricComparison[]
  differences: TestbedDifference[]
  /**
   * Where both entries carry a reference score of the same workload: the current timings were multiplied
   * by `factor` = (baselineScoreMs / currentScoreMs) ^ 0.8 (CALIBRATION_EXPONENT) before comparing (rates divided by it).
   */
  calibration?: CalibrationApplied
  /** How disturbed the measured runs were, where the current entry says (the baseline's too, where it has one). */
  disturbance?: { baseline?: Disturbance; current: Disturbance }
}


/** Update policy, resolved once in the main process: `-u` gives all, CI gives none, otherwise new. */
export type UpdateMode = 'all' | 'new' | 'none'

/** What a matcher call tells the main process, through the test's task meta. */
export interface GateRecord {
  /** Baseline file, relative to the project root. */
  file: string
  key: string
  test: string
  status: Verdict | 'missing' | 'invalid'
  /** The entry to write, for `new` and `updated`. */
  entry?: BaselineEntry
  /** Rows of the comparison, for `pass`, `improved` and `regressed`. */
  rows?: MetricComparison[]
  /** What differs from the baseline's testbed, model and options, when compared. */
  differences?: TestbedDifference[]
  /** The machine-speed correction the comparison applied, when both sides carry a reference score. */
  calibration?: CalibrationApplied
  /** What was measured (the entry a baseline would store), for the reports. */
  current?: BaselineEntry
  /** The stored entry it was compared with, for the reports (its samples draw the baseline's distribution). */
  baseline?: BaselineEntry
  /** Data for the HTML report's extra charts (generation prompts, sweeps). */
  extras?: ResultExtras
}

/** Figures of one generated sequence: one prompt in one measured pass. Times in ms from the prompt given. */
export interface GenerationRequest {
  /** Index of the prompt in the result's `prompts`. */
  prompt: number
  /** Measured pass, from 0. */
  run: number
  /** Prompt tokens, counted with the model's tokenizer. */
  inputTokens: number
  /** Generated tokens (an end-of-sequence token counts when generated). */
  outputTokens: number
  /** Prompt given to first generated token available: tokenize + prefill + first pick. */
  ttftMs: number
  /** (E2E - TTFT) / (output tokens - 1); null with a single output token. */
  tpotMs: number | null
  /** Prompt given to last token available. */
  e2eMs: number
  /** Gaps between consecutive generated tokens (output tokens - 1 values). */
  itlMs: number[]
  /** input tokens / TTFT, per second. */
  prefillTokensPerSecond: number
  /** output tokens / E2E, per second. */
  tokensPerSecond: number
  /** (input + output tokens) / E2E, per second. */
  totalTokensPerSecond: number
}

/** One prompt's figures over the measured passes. */
export interface PromptFigures {
  prompt: string
  inputTokens: number
  /** Generated tokens in the last measured pass. */
  outputTokens: number
  /** Generated token ids in the last measured pass. */
  tokens: number[]
  /** The generated text of the last measured pass (special tokens skipped). */
  text: string
  ttft: Distribution
  /** null when every pass generated a single token. */
  tpot: Distribution | null
  e2e: Distribution
  tokensPerSecond: Distribution
}

/** How a figure grows with input tokens: least-squares line over every measured request. */
export interface TokenScaling {
  /** Growth per input token, ms. */
  slopeMsPerToken: number
  /** The line's value at 0 input tokens, ms. */
  interceptMs: number
  /** Pearson correlation of the figure with input tokens. */
  r: number
  /** Requests the line was fitted on. */
  points: number
}

/** The result of `profile.generate()`. Times in ms, rates in tokens per second, memory in MB. */
export interface GenerationResult {
  kind: 'generation'
  model: ModelIdentity
  /** Path of the tokenizer.json used. */
  tokenizer: string
  /** The KV-cache convention found in the model's inputs. */
  layout: 'optimum' | 'legacy'
  /** Session creation (cold start), ms. */
  loadMs: number
  /** Warm-up passes over the prompts done before measuring. */
  warmupRuns: number
  /** Measured passes over the prompts. */
  runs: number
  /** Prompts generated together. */
  batchSize: number
  maxNewTokens: number
  ignoreEos: boolean
  /** Per prompt, in the order given. */
  prompts: PromptFigures[]
  /** Across every measured request (prompts x passes). */
  inputTokens: Distribution
  outputTokens: Distribution
  ttft: Distribution
  /** null when no request generated two tokens. */
  tpot: Distribution | null
  /** Every gap between consecutive tokens of every request, pooled; null when there is none. */
  itl: Distribution | null
  e2e: Distribution
  prefillTokensPerSecond: Distribution
  tokensPerSecond: Distribution
  totalTokensPerSecond: Distribution
  /** TTFT and TPOT against input tokens; null with fewer than two distinct prompt lengths. */
  scaling: { ttft: TokenScaling | null; tpot: TokenScaling | null }
  memory: MemoryFigures
  /** Every measured request, in the order generated. */
  requests: GenerationRequest[]
  testbed: Testbed
  /** The options as measured (JSON-serialisable). */
  options: Record<string, unknown>
  /** When the measurement held the machine: epoch ms, from lock acquired to released. */
  window: { start: number; end: number }
  /** How much other work on the machine disturbed the measured requests (judged per generate call; see src/measure/disturbance.ts). */
  disturbance?: Disturbance
  /** The machine-speed reference measured around the measured passes, with the `calibrate` option. */
  calibration?: Calibration
}

export type {
  ComparisonSummary,
  LoadLevel,
  LoadResult,
  LoadSlo,
  ModelComparison,
  RatioEstimate,
  SweepAxisKind,
  SweepPoint,
  SweepResult,
  SweepValue,
  VariantRatios,
  VariantResult,
} from './experiments.js'
