/**
 * `expect(cmp.int8).toBeFasterThan(cmp.fp32, { by: '20%' })`: a relative
 * claim between two profile results, gated without any baseline file.
 *
 * speedup = median latency of `expected` / median latency of `received`, with
 * a percentile-bootstrap confidence interval over the two runs' samples. The
 * claim holds when the whole interval is at or above 1 + by: "faster by 20%"
 * means at least 1.2x the speed (latency at most 1/1.2 of the other's), shown
 * with the stated confidence, so noise alone neither passes nor fails it
 * lightly. Interleaved results from `profile.compare()` make the fairest
 * pair; two separate profile() results work too.
 *
 * Vitest 5 has a `toBeFasterThan` of its own for its benchmark results. The
 * registration below keeps it: perfgate answers for perfgate results and hands
 * every other value to Vitest's matcher. `toRunFasterThan` is the same matcher
 * under a name Vitest does not use (for TypeScript on Vitest 5, which types
 * `toBeFasterThan` with its own signature).
 */
import { parseTolerance } from '../compare/tolerance.js'
import { formatP, median } from '../compare/variant-ratios.js'
import { perfgateTypeError } from '../errors.js'
import { FASTER_SPEC } from '../options/vitest-specs.js'
import { validateOptions } from '../options/validate-options.js'
import { bootstrapRatioCI, mannWhitneyU } from '../stats/index.js'
import type { ProfileResult } from '../types/index.js'
import { isProfileResult } from './result-guards.js'

export interface FasterThanOptions {
  /** How much faster: the speedup's interval must lie at or above 1 + by. @default '0%' */
  by?: `${number}%`
  /** Coverage of the interval. @default 0.95 */
  confidence?: number
}

interface MatcherContext {
  isNot: boolean
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x)
  if (typeof x === 'object') return `an object with keys ${Object.keys(x).slice(0, 6).join(', ') || '(none)'}`
  return `${typeof x} ${String(x)}`
}

function nameOf(r: ProfileResult, fallback: string): string {
  const variant = (r as { variant?: unknown }).variant
  return typeof variant === 'string' ? variant : (r.model?.path ?? fallback)
}

const fmt = (x: number) => `${x.toPrecision(3)}x`
const ms = (x: number) => `${x.toPrecision(3)} ms`

export function toBeFasterThan(this: MatcherContext, received: unknown, expected: unknown, options: FasterThanOptions = {}) {
  if (!isProfileResult(received)) throw perfgateTypeError('FASTER_RECEIVED', { which: 'received', received: describe(received) })
  if (!isProfileResult(expected)) throw perfgateTypeError('FASTER_RECEIVED', { which: 'expected', received: describe(expected) })
  validateOptions(FASTER_SPEC, options, 'toBeFasterThan')
  const byText = options.by ?? '0%'
  const by = parseTolerance(byText, 'toBeFasterThan({ by })').rel
  const confidence = options.confidence ?? 0.95
  const a = received.samples.latency
  const b = expected.samples.latency
  // bootstrapRatioCI gives statistic(second) / statistic(first): the expected's median over the received's
  const { ratio, low, high } = bootstrapRatioCI(a, b, median, { confidence, seed: 1 })
  const needed = 1 + by
  const pass = low >= needed
  const ra = nameOf(received, 'received')
  const eb = nameOf(expected, 'expected')
  const level = `${Math.round(confidence * 100)}%`
  const claim = by > 0 ? `faster than ${eb} by ${byText}` : `faster than ${eb}`
  const p = a.length >= 8 && b.length >= 8 ? `, Mann-Whitney ${formatP(mannWhitneyU(a, b).pValue)}` : ''
  const detail = [
    `speedup (median latency ${eb} / ${ra}): ${fmt(ratio)}, ${level} CI ${fmt(low)}-${fmt(high)}; the claim needs the whole interval at or above ${fmt(needed)}.`,
    `median latency: ${ra} ${ms(received.latency.p50)} (${a.length} runs), ${eb} ${ms(expected.latency.p50)} (${b.length} runs)${p}`,
  ].join('\n')
  return {
    pass,
    message: () =>
      this.isNot
        ? `perfgate: expected ${ra} not to be ${claim}, but it is (at ${level} confidence).\n${detail}`
        : `perfgate: ${ra} is not shown to be ${claim} (at ${level} confidence).\n${detail}` +
          (high >= needed ? '\nThe interval reaches the claim: more runs (rounds, runsPerRound) may settle it.' : ''),
  }
}

interface ChaiLike {
  Assertion: { prototype: object }
  util: { addMethod(ctx: object, name: string, fn: (this: object, ...args: unknown[]) => unknown): void; flag(obj: object, key: string): unknown }
}

/**
 * Registers toBeFasterThan and toRunFasterThan. Where a `toBeFasterThan`
 * exists already (Vitest 5's, for benchmark results), the method left on the
 * assertion dispatches on the received value: perfgate results to perfgate's
 * matcher, anything else to the one that was there.
 */
export function installFasterThan(
  expect: { extend(matchers: Record<string, unknown>): void },
  chai: ChaiLike,
  name = 'toBeFasterThan',
  alias = 'toRunFasterThan',
): void {
  const proto = chai.Assertion.prototype as Record<string, unknown>
  const existing = proto[name]
  expect.extend({ [name]: toBeFasterThan, [alias]: toBeFasterThan })
  if (typeof existing !== 'function') return
  const ours = proto[name] as (this: object, ...args: unknown[]) => unknown
  const theirs = existing as (this: object, ...args: unknown[]) => unknown
  chai.util.addMethod(proto, name, function (this: object, ...args: unknown[]) {
    return (isProfileResult(chai.util.flag(this, 'object')) ? ours : theirs).apply(this, args)
  })
}
