/**
 * toBeFasterThan on hand-made results: an 8x difference passes and fails the
 * right way round, a claim beyond the interval fails, overlapping samples
 * prove nothing, and Vitest 5's own matcher of the same name keeps working
 * for its values.
 */
import { chai, describe, expect, it } from 'vitest'
import { installFasterThan, toBeFasterThan } from '../../src/vitest/faster-matcher.js'
import type { ProfileResult } from '../../src/types/index.js'
import { profileResult, runs } from './entry-factory.js'

installFasterThan(expect, chai)

function result(name: string, latency: number[]): ProfileResult {
  const sorted = [...latency].sort((a, b) => a - b)
  const p50 = sorted[Math.floor(sorted.length / 2)]!
  const r = profileResult({ samples: { latency, cpu: latency } })
  return { ...r, latency: { ...r.latency, p50 }, variant: name } as ProfileResult
}

const light = result('int8', runs(1, 40, 0.01)) // 1.00 .. 1.39 ms
const heavy = result('fp32', runs(8, 40, 0.08)) // 8x as long
const ctx = { isNot: false }

describe('toBeFasterThan', () => {
  it('8x faster passes, also by 20% and by 500%', () => {
    expect(light).toBeFasterThan(heavy)
    expect(light).toBeFasterThan(heavy, { by: '20%' })
    expect(light).toBeFasterThan(heavy, { by: '500%' })
    expect(light).toRunFasterThan(heavy, { by: '20%' })
  })

  it('the slower one is not faster', () => {
    expect(heavy).not.toBeFasterThan(light)
    const r = toBeFasterThan.call(ctx, heavy, light, { by: '20%' })
    expect(r.pass).toBe(false)
    expect(r.message()).toContain('perfgate: fp32 is not shown to be faster than int8 by 20% (at 95% confidence).')
    expect(r.message()).toMatch(
      /speedup \(median latency int8 \/ fp32\): 0\.12\dx, 95% CI 0\.1\d+x-0\.1\d+x; the claim needs the whole interval at or above 1\.20x\./,
    )
    expect(r.message()).toMatch(/median latency: fp32 \d\.\d+ ms \(40 runs\), int8 \d\.\d+ ms \(40 runs\), Mann-Whitney p[=<]/)
  })

  it('a claim beyond what was measured fails: 8x is not faster by 900%', () => {
    const r = toBeFasterThan.call(ctx, light, heavy, { by: '900%' })
    expect(r.pass).toBe(false)
    expect(r.message()).toContain('faster than fp32 by 900%')
  })

  it('overlapping samples prove nothing either way', () => {
    const a = result('a', runs(1, 40, 0.01))
    const b = result('b', [...runs(1, 40, 0.01)].reverse())
    expect(toBeFasterThan.call(ctx, a, b).pass).toBe(false)
    expect(toBeFasterThan.call(ctx, b, a).pass).toBe(false)
  })

  it('says so when the interval reaches the claim but does not clear it', () => {
    const a = result('a', [...runs(1, 10, 0.1), ...runs(3, 10, 0.1)])
    const b = result('b', [...runs(1.5, 10, 0.1), ...runs(3.5, 10, 0.1)])
    const r = toBeFasterThan.call(ctx, a, b, { by: '10%' })
    expect(r.pass).toBe(false)
    expect(r.message()).toContain('more runs (rounds, runsPerRound) may settle it')
  })

  it('.not explains a claim that holds', () => {
    const r = toBeFasterThan.call({ isNot: true }, light, heavy)
    expect(r.pass).toBe(true)
    expect(r.message()).toContain('expected int8 not to be faster than fp32, but it is')
  })

  it('names models by path when the results are no comparison variants', () => {
    const { variant: _v, ...plain } = light as ProfileResult & { variant: string }
    expect(toBeFasterThan.call(ctx, heavy, plain).message()).toContain('faster than models/det.onnx')
  })

  it('refuses what is not a profile result, and bad options', () => {
    expect(() => toBeFasterThan.call(ctx, 3, heavy)).toThrow(TypeError)
    expect(() => toBeFasterThan.call(ctx, light, { latency: {} })).toThrow('the expected value is an object with keys latency')
    expect(() => toBeFasterThan.call(ctx, light, heavy, { by: 20 as never })).toThrow("toBeFasterThan({ by }): got 20, expected a percentage like '20%'")
    expect(() => toBeFasterThan.call(ctx, light, heavy, { by: 'fast' as never })).toThrow("toBeFasterThan({ by }): got 'fast'")
    expect(() => toBeFasterThan.call(ctx, light, heavy, { confidence: 2 })).toThrow('between 0 and 1')
  })
})

describe('registering next to a matcher of the same name (Vitest 5 has toBeFasterThan for its benchmarks)', () => {
  it('perfgate results go to perfgate, anything else to the matcher that was there', () => {
    const seen: unknown[] = []
    chai.util.addMethod(chai.Assertion.prototype, 'toBeQuickerThanForTest', function (this: object, other: unknown) {
      seen.push([chai.util.flag(this, 'object'), other])
    })
    installFasterThan(expect, chai, 'toBeQuickerThanForTest', 'toRunQuickerThanForTest')
    const bench = { latency: { mean: 1 }, throughput: { mean: 1000 } }
    const call = (a: unknown, b: unknown, o?: unknown) => (expect(a) as unknown as Record<string, (...x: unknown[]) => void>).toBeQuickerThanForTest!(b, o)
    call(bench, bench)
    expect(seen).toEqual([[bench, bench]])
    call(light, heavy, { by: '20%' })
    expect(seen).toHaveLength(1)
    expect(() => call(heavy, light)).toThrow('is not shown to be faster than int8')
  })
})
