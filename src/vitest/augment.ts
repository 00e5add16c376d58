/** Types for the matcher and the value the plugin provides to workers. */
import type { BaselineMatcherOptions, WorkerConfig } from './options.js'

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match Vitest's declaration
  interface Matchers<T = any> {
    /**
     * Gates a perfgate profile or generation result (every gated metric) or one number against
     * the committed baseline; records it when missing (except in CI).
     */
    toBeWithinBaseline: (options?: BaselineMatcherOptions) => T
  }
  export interface ProvidedContext {
    perfgate: WorkerConfig
  }
}

export {}
