/** Setup file the plugin adds to every test project: registers the matchers. */
import { chai, expect } from 'vitest'
import { installFasterThan } from './faster-matcher.js'
import { toBeWithinBaseline } from './matcher.js'

expect.extend({ toBeWithinBaseline })
installFasterThan(expect, chai)
