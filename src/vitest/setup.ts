/** Setup file the plugin adds to every test project: registers the matchers. */
import { expect } from 'vitest'
import { toBeWithinBaseline } from './matcher.js'

expect.extend({ toBeWithinBaseline })
