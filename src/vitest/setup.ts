/** Setup file the plugin adds to every test project: registers the matchers and sets the profile defaults. */
import { chai, expect, inject } from 'vitest'
import { useGateDefaults } from '../measure/run/gate-defaults.js'
import type { WorkerConfig } from './options.js'
import { installFasterThan } from './faster-matcher.js'
import { toBeWithinBaseline } from './matcher.js'

expect.extend({ toBeWithinBaseline })
installFasterThan(expect, chai)
// without the plugin's config (a setup file added by hand) profiles keep their plain defaults
useGateDefaults((inject('perfgate') as WorkerConfig | undefined)?.profileDefaults === 'gate')
