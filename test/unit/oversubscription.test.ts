import { describe, expect, it } from 'vitest'
import { oversubscription } from '../../src/measure/model/profile-model.js'

describe('oversubscription: warns when intra-op threads exceed the usable cores', () => {
  it('says nothing at or below the core count, or when threads are left to onnxruntime', () => {
    expect(oversubscription(undefined, 2)).toBeUndefined()
    expect(oversubscription(1, 2)).toBeUndefined()
    expect(oversubscription(2, 2)).toBeUndefined()
  })

  it('names both numbers above it', () => {
    expect(oversubscription(4, 2)).toBe(
      'perfgate: intraOpNumThreads is 4 but this process can use 2 cores: the threads compete for the cores and the timings get noisy. Use at most the available cores (1 is steadiest for gating).',
    )
    expect(oversubscription(2, 1)).toContain('can use 1 core:')
  })
})
