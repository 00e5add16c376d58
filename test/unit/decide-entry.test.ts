/**
 * The gate's one decision (matcher and benchmark reporter alike): every
 * branch with its exact outcome, record fields and reason.
 */
import { describe, expect, it } from 'vitest'
import { compareEntry } from '../../src/compare/compare-entry.js'
import { decideEntry, type DecideEntryInput, type MissingTestbedFacts } from '../../src/compare/decide-entry.js'
import { decisionMessage } from '../../src/report/decision-message.js'
import type { Calibration } from '../../src/types/index.js'
import { profileEntry, runs, valueEntry } from './entry-factory.js'

const compare = { metrics: ['latency.p50'] as const }
const stored = profileEntry({ 'latency.p50': 10 })
const same = profileEntry({ 'latency.p50': 10 })
const slower = profileEntry({ 'latency.p50': 15 }) // +50%, no samples: the 10% tolerance decides
const faster = profileEntry({ 'latency.p50': 5 })

/** Facts about other testbeds that count how often they were asked. */
function facts(policy: 'fail' | 'warn', others: string[] = []): MissingTestbedFacts & { asked: number } {
  const f = { policy, asked: 0, otherTestbeds: () => (f.asked++, others) }
  return f
}

function decide(input: Partial<DecideEntryInput> & Pick<DecideEntryInput, 'current'>) {
  return decideEntry({ stored: undefined, update: 'new', compare, missingTestbed: facts('fail'), unresolved: 'warn', ...input })
}

describe('decideEntry', () => {
  it('records a missing entry as new outside CI, and writes it', () => {
    expect(decide({ current: same })).toStrictEqual({ pass: true, record: { status: 'new', entry: same }, reason: { kind: 'recorded' } })
    expect(decide({ current: same, update: 'all' })).toStrictEqual({ pass: true, record: { status: 'new', entry: same }, reason: { kind: 'recorded' } })
  })

  it('rewrites a stored entry under update all, even a regression or a change of kind', () => {
    expect(decide({ stored, current: slower, update: 'all' })).toStrictEqual({
      pass: true,
      record: { status: 'updated', entry: slower },
      reason: { kind: 'recorded' },
    })
    const number = valueEntry(1)
    expect(decide({ stored, current: number, update: 'all' })).toStrictEqual({
      pass: true,
      record: { status: 'updated', entry: number },
      reason: { kind: 'recorded' },
    })
  })

  describe('a missing entry in CI', () => {
    it('fails without other testbeds, whatever missingTestbed says', () => {
      for (const policy of ['fail', 'warn'] as const) {
        expect(decide({ current: same, update: 'none', missingTestbed: facts(policy) })).toStrictEqual({
          pass: false,
          record: { status: 'missing' },
          reason: { kind: 'missing', otherTestbeds: [] },
        })
      }
    })

    it("fails with other testbeds under missingTestbed 'fail'", () => {
      expect(decide({ current: same, update: 'none', missingTestbed: facts('fail', ['ci-arm']) })).toStrictEqual({
        pass: false,
        record: { status: 'missing' },
        reason: { kind: 'missing', otherTestbeds: ['ci-arm'] },
      })
    })

    it("passes, still listed as missing, with other testbeds under missingTestbed 'warn'", () => {
      expect(decide({ current: same, update: 'none', missingTestbed: facts('warn', ['ci-arm', 'laptop']) })).toStrictEqual({
        pass: true,
        record: { status: 'missing' },
        reason: { kind: 'missing', otherTestbeds: ['ci-arm', 'laptop'] },
      })
    })

    it('asks for other testbeds only for a missing entry (it reads the disk)', () => {
      const f = facts('warn', ['x'])
      decide({ stored, current: same, update: 'none', missingTestbed: f })
      decide({ current: same, update: 'new', missingTestbed: f })
      expect(f.asked).toBe(0)
      decide({ current: same, update: 'none', missingTestbed: f })
      expect(f.asked).toBe(1)
    })
  })

  it('fails an entry whose kind changed, as a regression without rows', () => {
    for (const update of ['new', 'none'] as const) {
      expect(decide({ stored, current: valueEntry(10), update })).toStrictEqual({
        pass: false,
        record: { status: 'regressed' },
        reason: { kind: 'kind-changed', stored: 'profile', current: 'value' },
      })
    }
  })

  it('passes an unchanged entry, with its rows', () => {
    const d = decide({ stored, current: same, update: 'none' })
    expect(d.pass).toBe(true)
    expect(d.record).toStrictEqual({ status: 'pass', rows: compareEntry(stored, same, compare).rows })
    expect(d.reason).toStrictEqual({ kind: 'compared', comparison: compareEntry(stored, same, compare) })
  })

  it('fails a regression and passes an improvement', () => {
    const regressed = decide({ stored, current: slower })
    expect(regressed.pass).toBe(false)
    expect(regressed.record.status).toBe('regressed')
    expect(regressed.record.rows?.[0]).toMatchObject({ metric: 'latency.p50', baseline: 10, current: 15, changePct: 50, verdict: 'regressed' })
    const improved = decide({ stored, current: faster })
    expect(improved.pass).toBe(true)
    expect(improved.record.status).toBe('improved')
    expect(improved.record.rows?.[0]).toMatchObject({ changePct: -50, verdict: 'improved' })
  })

  it('passes a warning and an unresolved comparison (never silently: the status says so)', () => {
    // see compare-entry.test.ts: +6.1% beyond warn 5% within 10%; and +20% with noise wider than the tolerance
    const warned = decide({
      stored: profileEntry({ 'latency.p50': 11.45 }, { latency: runs(10, 30) }),
      current: profileEntry({ 'latency.p50': 12.15 }, { latency: runs(10.7, 30) }),
      compare: { ...compare, tolerance: { rel: '10%', warn: '5%' } },
    })
    expect([warned.pass, warned.record.status, warned.record.rows?.[0]?.verdict]).toEqual([true, 'warned', 'warned'])
    const unresolved = decide({
      stored: profileEntry({ 'latency.mean': 24.85 }, { latency: runs(10, 100, 0.3) }),
      current: profileEntry({ 'latency.mean': 29.85 }, { latency: runs(15, 100, 0.3) }),
      compare: { metrics: ['latency.mean'] },
    })
    expect([unresolved.pass, unresolved.record.status, unresolved.record.rows?.[0]?.verdict]).toEqual([true, 'unresolved', 'unresolved'])
  })

  it('puts the testbed differences and the machine-speed calibration on the record', () => {
    const ref = (scoreMs: number): Calibration => ({ workload: 'perfgate-reference-1', scoreMs, runs: 340 })
    const base = profileEntry({ 'latency.p50': 10 }, {}, { calibration: ref(0.25) })
    const now = profileEntry({ 'latency.p50': 10 }, {}, { calibration: ref(0.25), testbed: { ...same.testbed, cores: 4 } })
    const d = decide({ stored: base, current: now })
    expect(d.record.differences).toStrictEqual([{ field: 'cores', baseline: '8', current: '4' }])
    expect(d.record.calibration).toStrictEqual({ baselineScoreMs: 0.25, currentScoreMs: 0.25, factor: 1 })
  })
})

describe('decisionMessage', () => {
  const at = { key: 'det 1', file: 'baselines/ci/det.test.ts.json', testbed: 'ci' }

  it('says what was recorded', () => {
    expect(decisionMessage(decide({ current: same }), at)).toBe('perfgate: recorded "det 1" in baselines/ci/det.test.ts.json')
  })

  it('names the testbeds that have the baseline, or how to record it', () => {
    expect(decisionMessage(decide({ current: same, update: 'none', missingTestbed: facts('warn', ['arm']) }), at)).toMatch(
      /^No baseline for "det 1" on this testbed \(ci\): .* baselines of this test file exist for arm\./,
    )
    expect(decisionMessage(decide({ current: same, update: 'none' }), at)).toMatch(
      /^No baseline for "det 1" in baselines\/ci\/det\.test\.ts\.json, and missing baselines are not recorded in CI/,
    )
  })

  it('explains a change of kind and how to fix it', () => {
    expect(decisionMessage(decide({ stored, current: valueEntry(10) }), at)).toBe(
      'The baseline entry "det 1" in baselines/ci/det.test.ts.json was recorded from a profile result and is now asserted on a value result, ' +
        "so the two cannot be compared. Give the assertion its own entry with toBeWithinBaseline({ name: '...' }), " +
        'or re-record the entry with `npx vitest run -u` (or `npx perfgate update`) and commit baselines/ci/det.test.ts.json.',
    )
  })

  it('shows the key as data', () => {
    expect(decisionMessage(decide({ current: same }), { ...at, key: '\u001b[2Jx' })).toBe('perfgate: recorded "\\x1b[2Jx" in baselines/ci/det.test.ts.json')
  })

  it("keeps a line break in a name on the name's line", () => {
    expect(decisionMessage(decide({ current: same, update: 'none' }), { ...at, key: 'a\r\nb' })).toMatch(/^No baseline for "a\\x0d\\x0ab" in /)
    expect(decisionMessage(decide({ current: same, update: 'none' }), { ...at, key: 'a\r\nb' })).not.toContain('\n')
  })
})
