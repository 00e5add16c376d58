/* Generated from schema/baseline.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A perfgate baseline file: the recorded performance of the perf tests of one test file. Written by perfgate with sorted keys so that a change is a small, reviewable diff.
 */
export interface BaselineFile {
  /**
   * Baseline format version.
   */
  perfgate: 1
  /**
   * Baseline entries keyed like snapshots: the test's full name and a counter, or the explicit `name` given to the matcher.
   */
  entries: {
    [k: string]: BaselineEntry
  }
}
/**
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  /**
   * Full name of the test that recorded the entry.
   */
  test: string
  /**
   * `profile`: a whole profile result; `value`: one number gated on its own; `generation`: a `profile.generate` result.
   */
  kind: 'profile' | 'value' | 'generation'
  /**
   * The recorded figures by metric id (see the README's metric tables); units are ms, MB, runs/s and tokens/s.
   */
  metrics: {
    [k: string]: number
  }
  /**
   * For `value` entries: which direction is better.
   */
  better?: 'lower' | 'higher'
  samples: SampleSet
  /**
   * Number of measured runs (for `generation`: measured requests, prompts x passes).
   */
  runs?: number
  model?: ModelIdentity
  /**
   * The profile options the entry was measured with (JSON-serialisable subset).
   */
  options?: {
    [k: string]: unknown
  }
  testbed: Testbed
}
/**
 * Sorted samples of the per-run distributions (a bounded quantile subsample when there were many runs), in ms.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "SampleSet".
 */
export interface SampleSet {
  latency?: number[]
  cpu?: number[]
  /**
   * Generation: time to first token per request, ms.
   */
  ttft?: number[]
  /**
   * Generation: time per output token per request, ms.
   */
  tpot?: number[]
  /**
   * Generation: gaps between consecutive tokens, pooled, ms.
   */
  itl?: number[]
  /**
   * Generation: prompt given to last token per request, ms.
   */
  e2e?: number[]
  /**
   * Generation: output tokens / E2E per request, tokens/s.
   */
  tokensPerSecond?: number[]
}
/**
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "ModelIdentity".
 */
export interface ModelIdentity {
  /**
   * Model path relative to the project root (POSIX separators).
   */
  path: string
  bytes: number
  sha256: string
}
/**
 * The environment a measurement was taken on.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "Testbed".
 */
export interface Testbed {
  cpuModel: string
  /**
   * Logical CPUs the process may use.
   */
  cores: number
  /**
   * Platform and kernel release, e.g. `linux 6.1.0`.
   */
  os: string
  arch: string
  node: string
  /**
   * onnxruntime-node version, or `none` for function profiles.
   */
  onnxruntime: string
  executionProviders: string[]
  /**
   * null when left to onnxruntime's default.
   */
  intraOpNumThreads: number | null
  /**
   * null when left to onnxruntime's default.
   */
  interOpNumThreads: number | null
}
