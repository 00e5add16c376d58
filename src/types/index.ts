/**
 * The shared vocabulary of perfgate, in one import. Baseline and results file types are generated from
 * schema/*.schema.json; the result, metric, gate-record and experiment types live in their own files here,
 * which never import this one (no cycle); the rest that crosses a layer is defined below.
 */
import type { Distribution, MemoryFigures } from './profile-result.js'
import type { MetricId } from './metric-ids.js'
import type { Calibration, Disturbance, ModelIdentity, Testbed } from './baseline.generated.js'

export type {
  BaselineEntry,
  BaselineFile,
  Calibration,
  Disturbance,
  EndpointIdentity,
  ModelIdentity,
  OpProfile,
  OpTime,
  SampleSet,
  Testbed,
} from './baseline.generated.js'
export type { EndpointApi, EndpointRequest, EndpointTimeouts, RequestRecord, ServerFacts, TokenSource } from './endpoint.js'
export type { CalibrationApplied, ChangeInterval, GenerationReport, ResultExtras, SweepReport } from './result-parts.generated.js'
export type { HistoryEntry, HistoryRecord, ResultEntry, ResultsFile } from './results.generated.js'
export type { Distribution, GpuFigures, MemoryFigures, ProfileResult } from './profile-result.js'
export type { Better, GenerationMetricId, MetricId, MetricVerdict, Verdict } from './metric-ids.js'
export type { Confirmation, EntryComparison, GateRecord, MetricComparison, TestbedDifference } from './gate-records.js'
export type { ModelFreeDim, ModelInfo, ModelValueInfo } from './model-info.js'

/**
 * A tolerance: relative (`'10%'`), absolute in the metric's unit (`{ abs: 2 }`),
 * or both (`{ rel: '10%', abs: 2 }`: a change must exceed both to count).
 */
export type Tolerance = `${number}%` | { abs: number; rel?: `${number}%`; warn?: WarnBand } | { rel: `${number}%`; abs?: number; warn?: WarnBand }

/** A warning band inside the tolerance: a change beyond it passes but is reported (`'5%'`, `{ abs: 1 }`, or both). */
export type WarnBand = `${number}%` | { rel?: `${number}%`; abs?: number }

/** Tolerances by metric id; `default` applies to metrics not listed. */
export type ToleranceMap = Partial<Record<MetricId | 'default', Tolerance>>

/** Update policy, resolved once in the main process: `-u` gives all, CI gives none, otherwise new. */
export type UpdateMode = 'all' | 'new' | 'none'

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

/** The result of `profile.generate()`. Times in ms, rates in tokens per second, memory in MiB. */
export interface GenerationResult {
  kind: 'generation'
  model: ModelIdentity
  /** Path of the tokenizer.json used. */
  tokenizer: string
  /** The KV-cache convention found in the model's inputs; `endpoint` for a server's result. */
  layout: 'optimum' | 'legacy' | 'endpoint'
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
  /** For a result of an OpenAI-compatible server (`profile.generate(url)`): how it was measured. */
  endpoint?: EndpointFigures
}

/** How an endpoint result was measured; the server's identity is in `testbed.endpoint`. */
export interface EndpointFigures {
  /** Where the output token counts came from: the server's usage, the tokenizer, content chunks (an estimate), or a mix. */
  tokenSource: 'usage' | 'tokenizer' | 'chunks-estimate' | 'mixed'
  /** Output tokens of every measured request / the wall time of the measured passes, per second. */
  overallTokensPerSecond: number
  /** Wall time of the measured passes, ms. */
  wallMs: number
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
