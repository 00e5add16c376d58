import { describe, expect, it, vi } from 'vitest'
import { annotateTest, annotationsFor } from '../../../src/vitest/annotate.js'
import { records } from './results-factory.js'

describe('annotationsFor', () => {
  const [added, otherTestbed, regressed, , improved] = records()

  it('makes a change inside the warning band a warning annotation', () => {
    const row = { ...regressed!.rows![0]!, verdict: 'warned' as const, tolerance: '10% (warn 5%)' }
    expect(annotationsFor({ ...regressed!, status: 'warned', rows: [row] })).toEqual([
      { type: 'warning', message: 'perfgate: "detector 640 1": latency.p50 11.0 ms -> 13.0 ms (+18.2%, tolerance 10% (warn 5%)) is warned' },
    ])
  })

  it('shows the key and the file as data: an escape sequence in them is printed, not obeyed', () => {
    const hostile = { ...regressed!, key: '\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1', file: 'baselines/\u202ex.json', rows: [regressed!.rows![0]!] }
    expect(annotationsFor(hostile)[0]!.message).toBe(
      'perfgate: "\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1" regressed against baselines/\\u{202e}x.json: latency.p50 11.0 ms -> 13.0 ms (+18.2%, tolerance 10%)',
    )
  })

  it('makes a regression an error that names the metrics and the change', () => {
    expect(annotationsFor(regressed!)).toEqual([
      {
        type: 'error',
        message:
          'perfgate: "detector 640 1" regressed against baselines/det.perf.test.ts.json: ' +
          'latency.p50 11.0 ms -> 13.0 ms (+18.2%, tolerance 10%); latency.p95 11.8 ms -> 13.8 ms (+16.9%, tolerance 10%); ' +
          'throughput 90.9 runs/s -> 76.9 runs/s (-15.4%, tolerance 10%)',
      },
    ])
  })

  it('warns about a change beyond tolerance that was not significant, and about another testbed; notes an improvement', () => {
    expect(annotationsFor(improved!)).toEqual([
      {
        type: 'warning',
        message: 'perfgate: "detector 320 1": latency.p95 6.00 ms -> 5.90 ms (-1.7%, tolerance 10%): beyond tolerance, not significant: p=0.200 >= 0.01',
      },
      {
        type: 'notice',
        message:
          'perfgate: "detector 320 1" improved beyond tolerance: latency.p50 5.00 ms -> 4.00 ms (-20.0%, tolerance 10%). Lock it in with `npx vitest run -u`.',
      },
    ])
    expect(annotationsFor(otherTestbed!)).toEqual([
      {
        type: 'warning',
        message:
          'perfgate: "classifier 1" was compared with a baseline measured on a different testbed (the change may be the machine, not the code): cpuModel Old CPU -> Test CPU @ 3.00GHz',
      },
    ])
    expect(annotationsFor(added!)).toEqual([])
  })

  it('warns about a verdict it does not know (a warning band from a newer comparison)', () => {
    const rows = [{ ...regressed!.rows![3]!, verdict: 'warned' as never }]
    expect(annotationsFor({ ...regressed!, rows })[0]).toMatchObject({
      type: 'warning',
      message: expect.stringContaining('memory.peakDeltaMB 50.0 MB -> 52.0 MB (+4.0%, tolerance 10%, ±32 MB) is warned'),
    })
  })
})

describe('annotateTest', () => {
  it("calls the test context's annotate with message and type", () => {
    const annotate = vi.fn(async () => ({}))
    annotateTest({ context: { annotate } }, records()[2]!)
    expect(annotate).toHaveBeenCalledWith(expect.stringContaining('regressed against'), 'error')
  })

  it('does nothing where the runner has no annotations, and never throws', () => {
    expect(() => annotateTest({}, records()[2]!)).not.toThrow()
    const annotate = vi.fn(() => {
      throw new Error('finished')
    })
    expect(() => annotateTest({ context: { annotate } }, records()[2]!)).not.toThrow()
  })
})
