import { describe, expect, it } from 'vitest'
import { compareEntry, DEFAULT_ALPHA, MIN_SAMPLES_FOR_TEST, testbedDifferences } from '../../src/compare/compare-entry.js'
import { profileEntry, runs, sha, TESTBED, valueEntry } from './entry-factory.js'

// Run samples used throughout (n = 30 each, 0.1 ms apart):
//   base 10.0 .. 12.9 ms; slower 13.0 .. 15.9 ms (every run slower than every base run);
//   faster 7.0 .. 9.9 ms (every run faster).
// Rank test of slower vs base: U = 30 x 30 = 900, mu = 450, no ties so
// sigma^2 = (900 / 12) x 61 = 4575; z = (900 - 450 - 0.5) / sqrt(4575) = 6.6457...,
// p = erfc(z / sqrt 2) = 3.02e-11 (scipy.stats.mannwhitneyu, asymptotic, agrees).
const base = runs(10, 30)
const slower = runs(13, 30)
const faster = runs(7, 30)

describe('compareEntry: lower-is-better latency', () => {
  it('regresses on a 20% p95 rise when every current run is slower than every baseline run (n = 30 each)', () => {
    const cmp = compareEntry(profileEntry({ 'latency.p95': 10 }, { latency: base }), profileEntry({ 'latency.p95': 12 }, { latency: slower }), {
      metrics: ['latency.p95'],
    })
    expect(cmp.verdict).toBe('regressed')
    expect(cmp.rows).toStrictEqual([
      {
        metric: 'latency.p95',
        unit: 'ms',
        better: 'lower',
        baseline: 10,
        current: 12,
        change: 2,
        changePct: 20,
        tolerance: '10%',
        verdict: 'regressed',
        pValue: expect.any(Number),
        interval: { lowPct: expect.any(Number), highPct: expect.any(Number), confidence: 0.99 },
        basis: 'wall',
      },
    ])
    // 3.02e-11 exactly; the normal CDF's approximation (error ~1e-7) keeps it well below alpha.
    expect(cmp.rows[0]!.pValue).toBeLessThan(1e-6)
    // The samples' own p95 ratio: base p95 = 10 + 0.95 x 29 x 0.1 = 12.755, slower 15.755: +23.52%.
    // The 99% bootstrap interval of that change holds it and lies wholly beyond the 10% tolerance.
    const { lowPct: low, highPct: high } = cmp.rows[0]!.interval!
    expect(low).toBeLessThan(23.52)
    expect(high).toBeGreaterThan(23.52)
    expect(low).toBeGreaterThan(10)
  })

  it('calls a significant change unresolved when the noise is wider than the tolerance and reaches back inside it', () => {
    // n = 100 runs spread evenly over 10..39.7 ms (step 0.3), then the same shifted by +5 ms: mean +20.1%.
    // The rank test finds the shift (p ~ 2e-4) but the 99% interval of the mean's change is about
    // [+7%, +35%]: ±14% of noise, wider than the 10% tolerance, and its low end is inside the tolerance.
    const b = runs(10, 100, 0.3)
    const c = runs(15, 100, 0.3)
    const cmp = compareEntry(profileEntry({ 'latency.mean': 24.85 }, { latency: b }), profileEntry({ 'latency.mean': 29.85 }, { latency: c }), {
      metrics: ['latency.mean'],
    })
    expect(cmp.verdict).toBe('unresolved')
    expect(cmp.rows[0]!.pValue).toBeLessThan(0.01)
    expect(cmp.rows[0]!.interval!.lowPct).toBeLessThan(10)
    expect(cmp.rows[0]!.note).toMatch(/^noise ±\d+\.\d% exceeds the tolerance: measure more runs or widen it$/)
  })

  it('warns, and passes, when a significant change is beyond the warning band but within the tolerance', () => {
    // base 10..12.9 ms, current 10.7..13.6 ms (n = 30): p50 11.45 -> 12.15 ms, +6.1%: beyond warn 5%, within 10%.
    const cmp = compareEntry(
      profileEntry({ 'latency.p50': 11.45 }, { latency: runs(10, 30) }),
      profileEntry({ 'latency.p50': 12.15 }, { latency: runs(10.7, 30) }),
      {
        metrics: ['latency.p50'],
        tolerance: { rel: '10%', warn: '5%' },
      },
    )
    expect(cmp.verdict).toBe('warned')
    expect(cmp.rows[0]).toMatchObject({ verdict: 'warned', tolerance: '10% (warn 5%)' })
    const calm = compareEntry(
      profileEntry({ 'latency.p50': 11.45 }, { latency: runs(10, 30) }),
      profileEntry({ 'latency.p50': 11.6 }, { latency: runs(10.15, 30) }),
      {
        metrics: ['latency.p50'],
        tolerance: { rel: '10%', warn: '5%' },
      },
    )
    expect(calm.verdict).toBe('pass')
  })

  it('passes a 20% rise with a note when both runs have the same distribution (p = 1)', () => {
    // Identical samples: U = 450 = mu, so z = 0 and p = 1. The rise in the summary figure is noise.
    const cmp = compareEntry(profileEntry({ 'latency.p95': 10 }, { latency: base }), profileEntry({ 'latency.p95': 12 }, { latency: base }), {
      metrics: ['latency.p95'],
    })
    expect(cmp.verdict).toBe('pass')
    expect(cmp.rows[0]).toMatchObject({ verdict: 'pass', changePct: 20, pValue: 1 })
    expect(cmp.rows[0]!.note).toBe('beyond tolerance, not significant: p=1.000 >= 0.01')
  })

  it('decides only when p < alpha: p = 0.031 passes at the default alpha 0.01 and is significant at alpha 0.05', () => {
    // base 1..10, current 4.5..13.5 (n = 10 each, no ties). Baseline runs below each current run:
    // 4 + 5 + 6 + 7 + 8 + 9 + 10 x 4 = 79 = U; mu = 50; sigma^2 = (100 / 12) x 21 = 175;
    // z = (79 - 50 - 0.5) / sqrt(175) = 2.1544; p = erfc(z / sqrt 2) = 0.0312090 (scipy agrees).
    const before = profileEntry({ 'latency.p50': 5.5 }, { latency: runs(1, 10, 1) })
    const after = profileEntry({ 'latency.p50': 9 }, { latency: runs(4.5, 10, 1) })
    const strict = compareEntry(before, after, { metrics: ['latency.p50'] })
    expect(DEFAULT_ALPHA).toBe(0.01)
    expect(strict.rows[0]!.pValue).toBeCloseTo(0.031209012771740218, 6)
    expect(strict.rows[0]).toMatchObject({ verdict: 'pass', note: 'beyond tolerance, not significant: p=0.031 >= 0.01' })
    // significant at 0.05: then the interval decides, and the median of 10 runs is too noisy for 10%
    expect(compareEntry(before, after, { metrics: ['latency.p50'], alpha: 0.05 }).rows[0]!.verdict).toBe('unresolved')
  })

  it('lets the tolerance alone decide when a side has fewer than 8 samples', () => {
    // 7 identical runs on each side would give p = 1, but 7 < MIN_SAMPLES_FOR_TEST: no test, no p-value.
    expect(MIN_SAMPLES_FOR_TEST).toBe(8)
    const seven = runs(10, 7)
    const cmp = compareEntry(profileEntry({ 'latency.p95': 10 }, { latency: seven }), profileEntry({ 'latency.p95': 12 }, { latency: seven }), {
      metrics: ['latency.p95'],
    })
    expect(cmp.rows[0]!.verdict).toBe('regressed')
    expect(cmp.rows[0]).not.toHaveProperty('pValue')
  })

  it('runs the rank test from 8 samples per side', () => {
    // 8 identical runs each: tested, p = 1, so the 20% rise passes with a note.
    const eight = runs(10, 8)
    const cmp = compareEntry(profileEntry({ 'latency.p95': 10 }, { latency: eight }), profileEntry({ 'latency.p95': 12 }, { latency: eight }), {
      metrics: ['latency.p95'],
    })
    expect(cmp.rows[0]).toMatchObject({ verdict: 'pass', pValue: 1 })
  })

  it('passes a change exactly at the tolerance: the change must exceed it', () => {
    // 10 -> 11 is +1 ms, and 10% of 10 ms is 1 ms.
    const cmp = compareEntry(profileEntry({ 'latency.p50': 10 }), profileEntry({ 'latency.p50': 11 }), { metrics: ['latency.p50'] })
    expect(cmp.rows[0]).toMatchObject({ change: 1, changePct: 10, verdict: 'pass' })
    expect(cmp.rows[0]).not.toHaveProperty('note')
  })

  it('calls a significant drop beyond tolerance an improvement', () => {
    // 10 -> 8 ms is -20%; faster vs base is the mirror of slower vs base (U = 0, p = 3.02e-11).
    const cmp = compareEntry(profileEntry({ 'latency.p95': 10 }, { latency: base }), profileEntry({ 'latency.p95': 8 }, { latency: faster }), {
      metrics: ['latency.p95'],
    })
    expect(cmp.verdict).toBe('improved')
    expect(cmp.rows[0]).toMatchObject({ change: -2, changePct: -20, verdict: 'improved' })
  })

  it('tests cpu metrics on the cpu samples, not the latency samples', () => {
    // Latency runs are identical (p = 1) but the cpu runs shifted: cpu.mean regresses, latency.mean passes with a note.
    const cmp = compareEntry(
      profileEntry({ 'latency.mean': 10, 'cpu.mean': 10 }, { latency: base, cpu: base }),
      profileEntry({ 'latency.mean': 12, 'cpu.mean': 12 }, { latency: base, cpu: slower }),
      { metrics: ['latency.mean', 'cpu.mean'] },
    )
    expect(cmp.rows.map((r) => [r.metric, r.verdict])).toEqual([
      ['latency.mean', 'pass'],
      ['cpu.mean', 'regressed'],
    ])
  })
})

describe('compareEntry: higher-is-better throughput', () => {
  it('regresses on a 20% throughput drop (fewer runs per second is worse)', () => {
    // 100 -> 80 runs/s; throughput is rank-tested on the latency runs, which got slower.
    const cmp = compareEntry(profileEntry({ throughput: 100 }, { latency: base }), profileEntry({ throughput: 80 }, { latency: slower }), {
      metrics: ['throughput'],
    })
    expect(cmp.verdict).toBe('regressed')
    expect(cmp.rows[0]).toMatchObject({ unit: 'runs/s', better: 'higher', change: -20, changePct: -20, tolerance: '10%', verdict: 'regressed' })
  })

  it('calls a 20% throughput rise an improvement', () => {
    const cmp = compareEntry(profileEntry({ throughput: 100 }, { latency: base }), profileEntry({ throughput: 120 }, { latency: faster }), {
      metrics: ['throughput'],
    })
    expect(cmp.verdict).toBe('improved')
    expect(cmp.rows[0]).toMatchObject({ change: 20, changePct: 20, verdict: 'improved' })
  })
})

describe('compareEntry: tolerances', () => {
  it('reads an absolute tolerance { abs: 2 } in the metric unit (ms)', () => {
    // +1.9 ms is 19% but within 2 ms; +2.5 ms is beyond it. No samples: the tolerance alone decides.
    const opts = { metrics: ['latency.p95'] as const, tolerance: { abs: 2 } }
    const within = compareEntry(profileEntry({ 'latency.p95': 10 }), profileEntry({ 'latency.p95': 11.9 }), opts)
    expect(within.rows[0]).toMatchObject({ tolerance: '±2 ms', verdict: 'pass' })
    expect(within.rows[0]!.change).toBeCloseTo(1.9, 12)
    const beyond = compareEntry(profileEntry({ 'latency.p95': 10 }), profileEntry({ 'latency.p95': 12.5 }), opts)
    expect(beyond.rows[0]).toMatchObject({ tolerance: '±2 ms', change: 2.5, changePct: 25, verdict: 'regressed' })
  })

  it('keeps a 5 MiB memory rise from failing with the default noise floor (32 MiB)', () => {
    // 20 -> 25 MiB is +25%, but the default memory tolerance is max(10% x 20, 32) = 32 MiB.
    const cmp = compareEntry(profileEntry({ 'memory.peakDeltaMB': 20 }), profileEntry({ 'memory.peakDeltaMB': 25 }), { metrics: ['memory.peakDeltaMB'] })
    expect(cmp.rows[0]).toStrictEqual({
      metric: 'memory.peakDeltaMB',
      unit: 'MiB',
      better: 'lower',
      baseline: 20,
      current: 25,
      change: 5,
      changePct: 25,
      tolerance: '10%, ±32 MiB',
      verdict: 'pass',
    })
  })

  it('fails memory beyond the floor, and beyond 10% once 10% is larger than the floor', () => {
    // 20 -> 53: +33 MiB > 32 MiB. 400 -> 435: 10% of 400 = 40 MiB > 32, +35 MiB passes; 400 -> 445: +45 MiB > 40 MiB.
    const metrics = ['memory.peakDeltaMB'] as const
    expect(compareEntry(profileEntry({ 'memory.peakDeltaMB': 20 }), profileEntry({ 'memory.peakDeltaMB': 53 }), { metrics }).verdict).toBe('regressed')
    expect(compareEntry(profileEntry({ 'memory.peakDeltaMB': 400 }), profileEntry({ 'memory.peakDeltaMB': 435 }), { metrics }).verdict).toBe('pass')
    expect(compareEntry(profileEntry({ 'memory.peakDeltaMB': 400 }), profileEntry({ 'memory.peakDeltaMB': 445 }), { metrics }).verdict).toBe('regressed')
  })

  it('lets a memory tolerance named explicitly go below the floor', () => {
    // { abs: 4 } for the metric means exactly 4 MiB: +5 MiB regresses.
    const cmp = compareEntry(profileEntry({ 'memory.peakDeltaMB': 20 }), profileEntry({ 'memory.peakDeltaMB': 25 }), {
      metrics: ['memory.peakDeltaMB'],
      configTolerance: { 'memory.peakDeltaMB': { abs: 4 } },
    })
    expect(cmp.rows[0]).toMatchObject({ tolerance: '±4 MiB', verdict: 'regressed' })
  })

  it('uses the matcher tolerance over the plugin tolerance', () => {
    // +6%: beyond the matcher's 5%, within the plugin's 8%.
    const b = profileEntry({ 'latency.p50': 100 })
    const c = profileEntry({ 'latency.p50': 106 })
    expect(compareEntry(b, c, { metrics: ['latency.p50'], configTolerance: '8%' }).rows[0]).toMatchObject({ tolerance: '8%', verdict: 'pass' })
    expect(compareEntry(b, c, { metrics: ['latency.p50'], tolerance: '5%', configTolerance: '8%' }).rows[0]).toMatchObject({
      tolerance: '5%',
      verdict: 'regressed',
    })
  })
})

describe('compareEntry: value entries', () => {
  it("with better 'higher', a drop beyond tolerance regresses and a rise improves", () => {
    // 100 -> 85 is -15%, 100 -> 115 is +15%; tolerance 10%.
    const drop = compareEntry(valueEntry(100, 'higher'), valueEntry(85, 'higher'), { metrics: ['value'], better: 'higher' })
    expect(drop.rows[0]).toStrictEqual({
      metric: 'value',
      unit: '',
      better: 'higher',
      baseline: 100,
      current: 85,
      change: -15,
      changePct: -15,
      tolerance: '10%',
      verdict: 'regressed',
    })
    const rise = compareEntry(valueEntry(100, 'higher'), valueEntry(115, 'higher'), { metrics: ['value'], better: 'higher' })
    expect(rise.verdict).toBe('improved')
  })

  it("takes the direction from the option, else the stored entry's `better`, else 'lower'", () => {
    const stored = valueEntry(100, 'higher')
    const current = valueEntry(115)
    expect(compareEntry(stored, current, { metrics: ['value'] }).verdict).toBe('improved')
    expect(compareEntry(stored, current, { metrics: ['value'], better: 'lower' }).verdict).toBe('regressed')
    expect(compareEntry(valueEntry(100), current, { metrics: ['value'] }).verdict).toBe('regressed')
  })
})

describe('compareEntry: rows and the entry verdict', () => {
  it('gives one row per requested metric, in the order asked, skipping metrics either side lacks', () => {
    const cmp = compareEntry(profileEntry({ throughput: 100, 'latency.p50': 10, loadMs: 30 }), profileEntry({ throughput: 100, 'latency.p50': 10 }), {
      metrics: ['throughput', 'loadMs', 'memory.peakRssMB', 'latency.p50'],
    })
    expect(cmp.rows.map((r) => r.metric)).toEqual(['throughput', 'latency.p50'])
    expect(cmp.verdict).toBe('pass')
  })

  it('has no change % when the baseline is 0', () => {
    // firstRunMs 0 -> 3 ms: within its default tolerance max(10% x 0, 5 ms floor) = 5 ms.
    const cmp = compareEntry(profileEntry({ firstRunMs: 0 }), profileEntry({ firstRunMs: 3 }), { metrics: ['firstRunMs'] })
    expect(cmp.rows[0]).toMatchObject({ change: 3, changePct: null, tolerance: '10%, ±5 ms', verdict: 'pass' })
  })

  it('is regressed when any metric regressed, even if another improved', () => {
    const cmp = compareEntry(profileEntry({ 'latency.p50': 10, 'memory.peakDeltaMB': 100 }), profileEntry({ 'latency.p50': 5, 'memory.peakDeltaMB': 150 }), {
      metrics: ['latency.p50', 'memory.peakDeltaMB'],
    })
    expect(cmp.rows.map((r) => r.verdict)).toEqual(['improved', 'regressed'])
    expect(cmp.verdict).toBe('regressed')
  })

  it('is improved when some metric improved and none regressed', () => {
    const cmp = compareEntry(profileEntry({ 'latency.p50': 10, 'memory.peakDeltaMB': 100 }), profileEntry({ 'latency.p50': 5, 'memory.peakDeltaMB': 100 }), {
      metrics: ['latency.p50', 'memory.peakDeltaMB'],
    })
    expect(cmp.verdict).toBe('improved')
  })

  it('reports the testbed differences alongside the verdict', () => {
    const cmp = compareEntry(profileEntry({ 'latency.p50': 10 }), profileEntry({ 'latency.p50': 10 }, {}, { testbed: { ...TESTBED, cores: 4 } }), {
      metrics: ['latency.p50'],
    })
    expect(cmp.differences).toEqual([{ field: 'cores', baseline: '8', current: '4' }])
  })
})

describe('testbedDifferences', () => {
  it('is empty for entries measured on the same setup', () => {
    expect(testbedDifferences(profileEntry({}), profileEntry({}))).toEqual([])
  })

  it('lists differing testbed fields in alphabetical order, with lists joined and null shown as default', () => {
    const current = profileEntry(
      {},
      {},
      {
        testbed: { ...TESTBED, node: 'v22.1.0', executionProviders: ['cuda', 'cpu'], intraOpNumThreads: 4, cores: 16 },
      },
    )
    expect(testbedDifferences(profileEntry({}), current)).toEqual([
      { field: 'cores', baseline: '8', current: '16' },
      { field: 'executionProviders', baseline: 'cpu', current: 'cuda,cpu' },
      { field: 'intraOpNumThreads', baseline: 'default', current: '4' },
      { field: 'node', baseline: 'v20.20.2', current: 'v22.1.0' },
    ])
  })

  it('names a changed model by the first 12 hex digits of its sha256, and its size', () => {
    const before = profileEntry({}, {}, { model: { path: 'models/det.onnx', bytes: 1000, sha256: sha('a') } })
    const after = profileEntry({}, {}, { model: { path: 'models/det.onnx', bytes: 2000, sha256: sha('b') } })
    expect(testbedDifferences(before, after)).toEqual([
      { field: 'model.sha256', baseline: 'aaaaaaaaaaaa', current: 'bbbbbbbbbbbb' },
      { field: 'model.bytes', baseline: '1000', current: '2000' },
    ])
  })

  it('compares options normalised, path by path: key order does not matter, values do', () => {
    const before = profileEntry({}, {}, { options: { warmup: 10, dims: { h: 640, batch: 1 } } })
    const reordered = profileEntry({}, {}, { options: { dims: { batch: 1, h: 640 }, warmup: 10 } })
    const changed = profileEntry({}, {}, { options: { dims: { batch: 4, h: 640 }, warmup: 10 } })
    expect(testbedDifferences(before, reordered)).toEqual([])
    expect(testbedDifferences(before, changed)).toEqual([{ field: 'options.dims.batch', baseline: '1', current: '4' }])
  })

  it('treats missing options as empty options', () => {
    expect(testbedDifferences(profileEntry({}), profileEntry({}, {}, { options: {} }))).toEqual([])
    expect(testbedDifferences(profileEntry({}), profileEntry({}, {}, { options: { runs: 5 } }))).toEqual([
      { field: 'options.runs', baseline: 'default', current: '5' },
    ])
  })
})

describe('compareEntry: borderline changes', () => {
  const scaled = (k: number) => base.map((x) => x * k)
  const p50 = (xs: number[]) => (xs[14]! + xs[15]!) / 2
  const row = (k: number) =>
    compareEntry(profileEntry({ 'latency.p50': p50(base) }, { latency: base }), profileEntry({ 'latency.p50': p50(scaled(k)) }, { latency: scaled(k) }), {
      metrics: ['latency.p50'],
    }).rows[0]!

  it('marks a real worse change within the tolerance whose interval reaches beyond it (+9%: [+0.1%, +18.9%], passes, borderline)', () => {
    const r = row(1.09)
    expect(r.verdict).toBe('pass')
    expect(r.interval!.highPct).toBeGreaterThan(10)
    expect((r.interval!.highPct - r.interval!.lowPct) / 2).toBeLessThan(10)
    expect(r.borderline).toBe(true)
  })

  it('does not mark a worse change its interval cannot tell from none (+5%: [-3.6%, +14.5%]), nor an improvement', () => {
    expect(row(1.05)).not.toHaveProperty('borderline')
    expect(row(0.91)).not.toHaveProperty('borderline')
  })
})

describe('compareEntry: a mean moved by its slowest runs alone', () => {
  // 4,000 runs of 1.000 .. 1.099 ms; the current runs 2% slower, and 40 of them (1%) took 20 ms (a pause such as
  // a garbage collection): its mean is 18% above the baseline's, every run but those 2% slower
  const base = Array.from({ length: 4000 }, (_, i) => 1 + (i % 100) * 0.001)
  const paused = base.map((x, i) => (i % 100 === 99 ? 20 : x * 1.02))
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length
  const entry = (xs: number[]) => profileEntry({ 'latency.mean': mean(xs) }, { latency: xs })

  it('calls it unresolved, with the change without the slowest 5% of runs in the note', () => {
    const row = compareEntry(entry(base), entry(paused), { metrics: ['latency.mean'] }).rows[0]!
    expect(row.changePct).toBeGreaterThan(15)
    expect(row.verdict).toBe('unresolved')
    expect(row.note).toMatch(/^beyond the tolerance only through the slowest 5% of runs \(\+\d\.\d% without them\): pauses such as garbage collection/)
  })

  it('still regresses a mean that every run moved', () => {
    const slower = base.map((x) => x * 1.2)
    expect(compareEntry(entry(base), entry(slower), { metrics: ['latency.mean'] }).rows[0]!.verdict).toBe('regressed')
  })
})
