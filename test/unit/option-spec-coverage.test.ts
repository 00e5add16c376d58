/**
 * Each options spec names exactly the options of its type: an option without a spec entry would go
 * unchecked, an entry without an option would accept a key the code never reads. The specs (src/options)
 * import no measure or vitest module, so the check lives here; `npm run typecheck` (tsc) enforces it.
 */
import { describe, expectTypeOf, it } from 'vitest'
import type { CompareModelsOptions } from '../../src/measure/experiments/compare-models.js'
import type { GenerationSweepOptions } from '../../src/measure/experiments/generation-sweep.js'
import type { SweepOptions } from '../../src/measure/experiments/sweep.js'
import type { GenerateOptions } from '../../src/measure/generation/generate-options.js'
import type { EndpointGenerateOptions } from '../../src/measure/endpoint/endpoint-options.js'
import type { EndpointTimeouts } from '../../src/types/endpoint.js'
import type { ENDPOINT_GENERATE_SPEC, ENDPOINT_TIMEOUTS_SPEC } from '../../src/options/endpoint-spec.js'
import type { LoadGenerateOptions, LoadOptions } from '../../src/measure/load/load.js'
import type { OpProfileOptions } from '../../src/measure/model/op-profile.js'
import type { ProfileOptions } from '../../src/measure/run/options.js'
import type { COMPARE_SPEC, GENERATION_SWEEP_SPEC, LOAD_SPEC, SWEEP_SPEC } from '../../src/options/experiment-specs.js'
import type { GENERATE_SPEC } from '../../src/options/generate-spec.js'
import type { OP_PROFILE_SPEC, PROFILE_SPEC } from '../../src/options/profile-spec.js'
import type { FASTER_SPEC, MATCHER_SPEC, PLUGIN_SPEC } from '../../src/options/vitest-specs.js'
import type { FasterThanOptions } from '../../src/vitest/faster-matcher.js'
import type { BaselineMatcherOptions, PerfgateOptions } from '../../src/vitest/options.js'

describe('option specs', () => {
  it('cover the options of profile(), its opProfile and profile.generate()', () => {
    expectTypeOf<keyof typeof PROFILE_SPEC>().toEqualTypeOf<keyof ProfileOptions>()
    expectTypeOf<keyof typeof OP_PROFILE_SPEC>().toEqualTypeOf<keyof OpProfileOptions>()
    expectTypeOf<keyof typeof GENERATE_SPEC>().toEqualTypeOf<keyof GenerateOptions>()
  })

  it('cover the options of profile.generate(url) and its timeouts', () => {
    expectTypeOf<keyof typeof ENDPOINT_GENERATE_SPEC>().toEqualTypeOf<keyof EndpointGenerateOptions>()
    expectTypeOf<keyof typeof ENDPOINT_TIMEOUTS_SPEC>().toEqualTypeOf<keyof EndpointTimeouts>()
  })

  it('cover the options of the experiments', () => {
    expectTypeOf<keyof typeof SWEEP_SPEC>().toEqualTypeOf<keyof SweepOptions>()
    expectTypeOf<keyof typeof GENERATION_SWEEP_SPEC>().toEqualTypeOf<keyof GenerationSweepOptions>()
    expectTypeOf<keyof typeof LOAD_SPEC>().toEqualTypeOf<keyof LoadOptions>()
    expectTypeOf<keyof (typeof LOAD_SPEC)['generate']['check']['spec']>().toEqualTypeOf<keyof LoadGenerateOptions>()
    expectTypeOf<keyof typeof COMPARE_SPEC>().toEqualTypeOf<keyof CompareModelsOptions>()
  })

  it('cover the options of the plugin and the matchers', () => {
    expectTypeOf<keyof typeof PLUGIN_SPEC>().toEqualTypeOf<keyof PerfgateOptions>()
    expectTypeOf<keyof typeof MATCHER_SPEC>().toEqualTypeOf<keyof BaselineMatcherOptions>()
    expectTypeOf<keyof typeof FASTER_SPEC>().toEqualTypeOf<keyof FasterThanOptions>()
  })
})
