/** `perfgate/vitest`: the plugin, its reporter and their types. */
import './augment.js'

export { perfgate } from './plugin.js'
export { PerfgateReporter } from './reporter.js'
export type { BaselineMatcherOptions, PerfgateOptions } from './options.js'
export type { FasterThanOptions } from './faster-matcher.js'
