/**
 * The tables and CSV of sweeps, load tests and model comparisons, on
 * hand-made results with round numbers.
 */
import { describe, expect, it } from 'vitest'
import { scalingOf } from '../../src/compare/scaling.js'
import { variantRatios } from '../../src/compare/variant-ratios.js'
import { levelFigures } from '../../src/compare/slo.js'
import { compareTable } from '../../src/report/compare-table.js'
import { compareCsv, loadCsv, sweepCsv, toCsv } from '../../src/report/experiment-csv.js'
import { describeSlo, loadTable } from '../../src/report/load-table.js'
import { sweepTable } from '../../src/report/sweep-table.js'
import type { LoadResult, ModelComparison, SweepResult, VariantResult } from '../../src/types/index.js'
import { profileResult, runs, TESTBED } from './entry-factory.js'

function sweepOf(values: number[], throughputs: number[], p50s: number[]): SweepResult {
  const s = scalingOf(values, throughputs)
  return {
    kind: 'sweep',
    axis: 'batch',
    axisKind: 'dim',
    points: values.map((v, i) => {
      const r = profileResult()
      return {
        value: v,
        label: `batch=${v}`,
        result: { ...r, latency: { ...r.latency, p50: p50s[i]!, p95: p50s[i]! * 1.5, mean: p50s[i]! * 1.1 } },
        throughput: throughputs[i]!,
        ...s.rows[i]!,
      }
    }),
    best: s.best,
    flattensAt: s.flattensAt,
    flatBelow: s.flatBelow,
  }
}

describe('sweepTable', () => {
  it('one row per point with the scaling columns, and where scaling flattens', () => {
    expect(sweepTable(sweepOf([1, 4, 8, 16], [100, 360, 560, 600], [10, 11, 14, 26]), 'models/cls.onnx')).toBe(
      [
        'models/cls.onnx: sweep over batch (input dimension), 4 points',
        '',
        'batch  p50 ms  p95 ms  samples/s  speedup  efficiency  step gain',
        '-----  ------  ------  ---------  -------  ----------  ---------',
        '1        10.0    15.0        100    1.00x        100%          -',
        '4        11.0    16.5        360    3.60x         90%        87%',
        '8        14.0    21.0        560    5.60x         70%        56%',
        '16       26.0    39.0        600    6.00x         38%         7%',
        '',
        'Scaling flattens at batch=16: the step from batch=8 bought 7% of the ideal gain (below 20%).',
        'Highest throughput: batch=16, 600 samples/s.',
      ].join('\n'),
    )
  })

  it('says so when scaling does not flatten', () => {
    expect(sweepTable(sweepOf([1, 2], [100, 200], [1, 1]), 'x', 'tokens/s')).toContain(
      'Scaling does not flatten within the sweep (every step bought at least 20% of the ideal gain).\nHighest throughput: batch=2, 200 tokens/s.',
    )
  })

  it('CSV: one row per point', () => {
    expect(sweepCsv(sweepOf([1, 4], [100, 360], [10, 11]))).toBe(
      'axis,value,p50_ms,p95_ms,mean_ms,runs_per_s,throughput,speedup,factor,efficiency,step_gain,runs\r\n' +
        'batch,1,10,15,11,96.1538,100,1,1,1,,5\r\n' +
        'batch,4,11,16.5,12.1,96.1538,360,3.6,4,0.9,0.866667,5\r\n',
    )
  })
})

function loadResult(): LoadResult {
  const a = levelFigures(
    { concurrency: 1, offeredRate: null, latencies: runs(10, 100, 0.1), errors: 0, errorMessages: [], missed: 0, wallMs: 2000, cpuMs: 1800 },
    { p95: 25 },
  )
  const b = levelFigures(
    { concurrency: 4, offeredRate: null, latencies: runs(20, 150, 0.1), errors: 2, errorMessages: ['timeout'], missed: 0, wallMs: 2000, cpuMs: 3900 },
    { p95: 25 },
  )
  return {
    kind: 'load',
    target: 'models/cls.onnx',
    levels: [a, b],
    slo: { p95: 25 },
    sustainable: 0,
    goodput: a.okPerSecond,
    workerLoadMs: [30, 31, 29, 33],
    durationMs: 2000,
    testbed: TESTBED,
    window: { start: 0, end: 1 },
  }
}

describe('loadTable', () => {
  it('one row per level, the SLO verdicts and the goodput', () => {
    expect(loadTable(loadResult())).toBe(
      [
        'models/cls.onnx: load test, 2 levels of 2000 ms, closed loop (back-to-back requests); SLO p95 <= 25 ms, errors <= 0%',
        '',
        'concurrency  requests  req/s  ok/s  p50 ms  p95 ms  p99 ms    errors  missed   cpu  SLO',
        '-----------  --------  -----  ----  ------  ------  ------  --------  ------  ----  -----------------------------------------',
        '          1       100   50.0  50.0    14.9    19.4    19.8         0       0   90%  ok',
        '          4       152   76.0  75.0    27.4    34.2    34.8  2 (1.3%)       0  195%  p95 34.2 ms > 25 ms; error rate 1.3% > 0%',
        '',
        'Sustainable: concurrency 1, goodput 50.0 requests/s.',
        '  error: timeout',
      ].join('\n'),
    )
  })

  it('describes the SLO', () => {
    expect(describeSlo(null)).toBe('no SLO (a level counts as sustainable without errors)')
    expect(describeSlo({ p50: 5, p99: 40, errorRate: 0.01 })).toBe('SLO p50 <= 5 ms, p99 <= 40 ms, errors <= 1%')
  })

  it('shows the target and server-given error messages as data', () => {
    const r = loadResult()
    r.target = 'http://h/\u001b]0;title\u0007'
    r.levels[1]!.errorMessages = ['HTTP 500: \u001b[2J\u202egnp.exe']
    const text = loadTable(r)
    expect(text.split('\n')[0]).toMatch(/^http:\/\/h\/\\x1b\]0;title\\x07: load test/)
    expect(text).toContain('  error: HTTP 500: \\x1b[2J\\u{202e}gnp.exe')
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/)
  })

  it('CSV: one row per level', () => {
    expect(loadCsv(loadResult()).split('\r\n')).toEqual([
      'concurrency,offered_rate,requests,requests_per_s,ok_per_s,p50_ms,p95_ms,p99_ms,errors,error_rate,missed,wall_ms,cpu_ms,meets_slo',
      '1,,100,50,50,14.95,19.405,19.801,0,0,0,2000,1800,true',
      '4,,152,76,75,27.45,34.155,34.751,2,0.0131579,0,2000,3900,false',
      '',
    ])
  })
})

function variant(name: string, latency: number[], bytes: number, load: number[], mem: number[]): VariantResult {
  const r = profileResult({ samples: { latency, cpu: latency } })
  const sorted = [...latency].sort((a, b) => a - b)
  return {
    ...r,
    variant: name,
    latency: { ...r.latency, p50: sorted[Math.floor(sorted.length / 2)]! },
    throughput: { ...r.throughput, runsPerSecond: 1000 / (latency.reduce((a, b) => a + b, 0) / latency.length) },
    model: { path: `${name}.onnx`, bytes, sha256: 'a'.repeat(64) },
    loadMs: load[1]!,
    memory: { ...r.memory, peakDeltaMB: mem[1]! },
    processSamples: { loadMs: load, firstRunMs: [1, 1, 1], peakDeltaMB: mem, rssAfterLoadMB: [1, 1, 1] },
  }
}

describe('compareTable', () => {
  const fp32 = variant('fp32', runs(10, 20), 2048 * 1024, [40, 50, 60], [100, 110, 120])
  const int8 = variant('int8', runs(5, 20), 512 * 1024, [40, 50, 60], [50, 55, 60])
  const cmp = {
    fp32,
    int8,
    summary: {
      reference: 'fp32',
      variants: ['fp32', 'int8'],
      ratios: [variantRatios(fp32, int8, 0.95)],
      confidence: 0.95,
      rounds: 4,
      runsPerRound: 5,
      processRounds: 3,
      order: [],
    },
  } as unknown as ModelComparison

  it('a row per metric with both figures, the ratio, its interval and the verdict', () => {
    const lines = compareTable(cmp).split('\n')
    expect(lines[0]).toBe(
      'Model comparison: fp32, int8; reference fp32. 4 rounds x 5 runs each, interleaved (order rotating by round); 3 fresh processes per variant for load time and memory.',
    )
    expect(lines[2]).toBe('int8 against fp32:')
    expect(lines[4]).toMatch(/^metric\s+fp32\s+int8\s+ratio\s+95% CI\s+verdict$/)
    expect(lines[6]).toMatch(/^latency p50\s+11\.0 ms\s+6\.00 ms\s+0\.543x\s+0\.\d+x-0\.\d+x\s+faster$/)
    expect(lines[7]).toMatch(/^throughput\s+91\.3 runs\/s\s+168 runs\/s\s+1\.84x\s+[\d.]+x-[\d.]+x\s+faster$/)
    expect(lines[8]).toMatch(/^memory \(peak - before load\)\s+110 MiB\s+55\.0 MiB\s+0\.500x\s+[\d.]+x-[\d.]+x\s+smaller$/)
    expect(lines[9]).toMatch(/^load time\s+50\.0 ms\s+50\.0 ms\s+1\.00x\s+[\d.]+x-[\d.]+x\s+same$/)
    expect(lines[10]).toMatch(/^file size\s+2048 KiB\s+512 KiB\s+0\.250x\s+exact\s+smaller$/)
    expect(lines[12]).toMatch(/^int8 is faster than fp32: median latency 0\.543x/)
  })

  it('CSV: one row per metric and variant', () => {
    const rows = compareCsv(cmp).split('\r\n')
    expect(rows[0]).toBe('variant,reference,metric,reference_value,variant_value,ratio,low,high,p_value,verdict')
    expect(rows.slice(1, -1).map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      'int8,fp32,latency_p50_ms',
      'int8,fp32,throughput_runs_per_s',
      'int8,fp32,memory_peak_delta_mb',
      'int8,fp32,load_ms',
      'int8,fp32,file_bytes',
    ])
    expect(rows[5]).toBe('int8,fp32,file_bytes,2097152,524288,0.25,0.25,0.25,,lower')
  })

  it('CSV: variant names are data, never a spreadsheet formula', () => {
    const named = {
      ...cmp,
      '=cmd|calc': int8,
      summary: { ...cmp.summary, ratios: [{ ...cmp.summary.ratios[0]!, variant: '=cmd|calc' }] },
    } as unknown as ModelComparison
    expect(compareCsv(named).split('\r\n')[1]).toMatch(/^'=cmd\|calc,fp32,latency_p50_ms,/)
  })
})

describe('toCsv', () => {
  it('quotes what needs quoting; empty cells for missing values; arrays joined with +; CRLF line ends (RFC 4180)', () => {
    expect(
      toCsv(
        ['a', 'b', 'c', 'd'],
        [
          ['x,y', 'say "hi"', null, ['cuda', 'cpu']],
          [1 / 3, NaN, undefined, true],
        ],
      ),
    ).toBe('a,b,c,d\r\n"x,y","say ""hi""",,cuda+cpu\r\n0.333333,,,true\r\n')
  })

  it('keeps negative numbers numbers and text that starts like a formula text', () => {
    expect(
      toCsv(
        ['n', 't'],
        [
          [-0.5, '-0.5'],
          [-2, '@x'],
        ],
      ),
    ).toBe("n,t\r\n-0.5,'-0.5\r\n-2,'@x\r\n")
  })
})
