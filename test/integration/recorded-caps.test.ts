/**
 * A profile stopped by the cap on measured runs says so: the sampling holds
 * the real run count and the reason, and the recorded options the cap.
 * (10 minutes of minTime cannot be met by 12 runs of a no-op, whatever the load.)
 */
import { describe, expect, it } from 'vitest'
import { profile } from '../../src/measure/profile.js'

describe('profile(fn) stopped by maxRuns', () => {
  it('records the runs done, the cap and what stopped them', async () => {
    const r = await profile(() => undefined, { warmup: 0, runs: 5, minTime: 600_000, maxRuns: 12 })
    expect(r.sampling).toMatchObject({ runs: 12, stoppedBy: 'maxRuns' })
    expect(r.samples.latency).toHaveLength(12)
    expect(r.options).toMatchObject({ runs: 5, minTime: 600_000, maxRuns: 12 })
  })
})
