/** Types for the matchers and the value the plugin provides to workers. */
import type { ProfileResult } from '../types/index.js'
import type { FasterThanOptions } from './faster-matcher.js'
import type { BaselineMatcherOptions, WorkerConfig } from './options.js'

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match Vitest's declaration
  interface Matchers<T = any> {
    /**
     * Gates a perfgate profile or generation result (every gated metric) or one number against
     * the committed baseline; records it when missing (except in CI).
     */
    toBeWithinBaseline: (options?: BaselineMatcherOptions) => T
    /**
     * A relative claim without a baseline: the received profile result is faster than `expected` by at least
     * `by` (speedup = median latency ratio), with the whole confidence interval at or above 1 + by.
     * E.g. `expect(cmp.int8).toBeFasterThan(cmp.fp32, { by: '20%' })`.
     */
    toBeFasterThan(expected: ProfileResult, options?: FasterThanOptions): T
    /** The same matcher as `toBeFasterThan`, under a name Vitest 5's benchmark matchers do not use. */
    toRunFasterThan: (expected: ProfileResult, options?: FasterThanOptions) => T
  }
  export interface ProvidedContext {
    /** Internal: the plugin's settings for the test workers (not part of the public API; its shape may change). */
    perfgate: WorkerConfig
  }
}

export {}
