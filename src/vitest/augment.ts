/**
 * Types for the matchers and the value the plugin provides to workers, written to type-check under
 * Vitest 4 and Vitest 5 alike, without `skipLibCheck`:
 *
 * - `Matchers` is declared without type parameters. Vitest 4 declares `Matchers<T = any>`, Vitest 5
 *   `Matchers<R = void | Promise<void>, T = unknown>`; every parameter of both has a default, so
 *   TypeScript merges a declaration without parameters with either.
 * - `toBeFasterThan` goes on the global `jest.Matchers<R, T>`, which only Vitest 4's assertions
 *   extend. Vitest 5 types a `toBeFasterThan` of its own (for its bench results) on `Assertion`,
 *   which a perfgate declaration on `Matchers` would contradict; there, `toRunFasterThan` is the
 *   name TypeScript knows for perfgate results (the runtime matcher answers to both names).
 */
import type { ProfileResult } from '../types/index.js'
import type { FasterThanOptions } from './faster-matcher.js'
import type { BaselineMatcherOptions, WorkerConfig } from './options.js'

declare module 'vitest' {
  interface Matchers {
    /**
     * Gates a perfgate profile or generation result (every gated metric) or one number against
     * the committed baseline; records it when missing (except in CI). Await it: when the first
     * measurement says regressed or unresolved, it measures again (option `confirm`) and returns a promise.
     */
    toBeWithinBaseline: (options?: BaselineMatcherOptions) => void | Promise<void>
    /**
     * A relative claim without a baseline: the received profile result is faster than `expected` by at least
     * `by` (speedup = median latency ratio), with the whole confidence interval at or above 1 + by.
     * E.g. `expect(cmp.int8).toRunFasterThan(cmp.fp32, { by: '20%' })`. Also known as `toBeFasterThan`.
     */
    toRunFasterThan: (expected: ProfileResult, options?: FasterThanOptions) => void
  }
  export interface ProvidedContext {
    /** Internal: the plugin's settings for the test workers (not part of the public API; its shape may change). */
    perfgate: WorkerConfig
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Vitest 4 declares its Jest-compatible matchers in this namespace
  namespace jest {
    // Vitest 4 declares `Matchers<R, T = {}>`: a declaration may leave out a parameter that has a default
    interface Matchers<R> {
      /**
       * A relative claim without a baseline: the received profile result is faster than `expected` by at least
       * `by` (speedup = median latency ratio), with the whole confidence interval at or above 1 + by.
       * E.g. `expect(cmp.int8).toBeFasterThan(cmp.fp32, { by: '20%' })`. On Vitest 5, use `toRunFasterThan`.
       */
      toBeFasterThan(expected: ProfileResult, options?: FasterThanOptions): R
    }
  }
}

export {}
