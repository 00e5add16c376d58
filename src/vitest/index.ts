/** `perfgate/vitest`: the plugin and the options of the plugin and its matchers. */
import './augment.js'

export { perfgate } from './plugin.js'
export type { BaselineMatcherOptions, PerfgateOptions } from './options.js'
export type { FasterThanOptions } from './faster-matcher.js'
