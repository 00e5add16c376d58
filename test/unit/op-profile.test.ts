/**
 * The op table from onnxruntime's Chrome trace, the growth between two
 * tables, and their text, on hand-made traces whose sums are easy to check.
 */
import { describe, expect, it } from 'vitest'
import { opGrowth } from '../../src/compare/op-growth.js'
import { PerfgateError } from '../../src/errors.js'
import { resolveOpProfileOptions } from '../../src/measure/model/op-profile.js'
import { parseOrtProfile } from '../../src/measure/model/ort-profile-parse.js'
import { opGrowthReport, opProfileTable } from '../../src/report/op-table.js'
import type { OpProfile } from '../../src/types/index.js'
import { opGrowthSection } from '../../src/vitest/op-growth-section.js'
import { profileEntry } from './entry-factory.js'

const run = (ts: number, dur: number) => ({ cat: 'Session', name: 'model_run', ts, dur, ph: 'X', args: {} })
const kernel = (node: string, op: string, ts: number, dur: number) => ({
  cat: 'Node',
  name: `${node}_kernel_time`,
  ts,
  dur,
  ph: 'X',
  args: { op_name: op, provider: 'CPUExecutionProvider' },
})

/**
 * Three runs of 1000 us each at ts 0, 2000, 4000; the first is warm-up.
 * Measured kernels: mm1 (MatMul) 300+500, mm2 (MatMul) 100+100, add (Add) 200+200,
 * plus a fence event and a session event that are not kernels.
 */
const TRACE = [
  { cat: 'Session', name: 'model_loading_uri', ts: -500, dur: 100, args: {} },
  run(0, 1000),
  kernel('mm1', 'MatMul', 10, 900), // warm-up run: left out
  run(2000, 1000),
  kernel('mm1', 'MatMul', 2010, 300),
  kernel('mm2', 'MatMul', 2400, 100),
  kernel('add', 'Add', 2600, 200),
  { cat: 'Node', name: 'add_fence_before', ts: 2599, dur: 0, args: { op_name: 'Add' } },
  run(4000, 1000),
  kernel('add', 'Add', 4100, 200),
  kernel('mm1', 'MatMul', 4300, 500),
  kernel('mm2', 'MatMul', 4850, 100),
]

describe('parseOrtProfile', () => {
  const p = parseOrtProfile(TRACE, { skipRuns: 1 })

  it('counts the runs after the warm-up and their time', () => {
    expect(p.runs).toBe(2)
    expect(p.runMs).toBe(2)
  })

  it('sums kernels by operator type, largest first, with calls, mean and share of run time', () => {
    expect(p.byType).toEqual([
      { opType: 'MatMul', calls: 4, totalMs: 1, meanMs: 0.25, share: 0.5 },
      { opType: 'Add', calls: 2, totalMs: 0.4, meanMs: 0.2, share: 0.2 },
    ])
  })

  it('sums kernels by node, with the provider', () => {
    expect(p.byNode).toEqual([
      { opType: 'MatMul', node: 'mm1', provider: 'CPUExecutionProvider', calls: 2, totalMs: 0.8, meanMs: 0.4, share: 0.4 },
      { opType: 'Add', node: 'add', provider: 'CPUExecutionProvider', calls: 2, totalMs: 0.4, meanMs: 0.2, share: 0.2 },
      { opType: 'MatMul', node: 'mm2', provider: 'CPUExecutionProvider', calls: 2, totalMs: 0.2, meanMs: 0.1, share: 0.1 },
    ])
  })

  it('keeps the top nodes only, and every type', () => {
    const top1 = parseOrtProfile(TRACE, { skipRuns: 1, top: 1 })
    expect(top1.byNode.map((n) => n.node)).toEqual(['mm1'])
    expect(top1.byType).toHaveLength(2)
  })

  it('without skipped runs, the warm-up kernels count too; events may come in any order', () => {
    const all = parseOrtProfile([...TRACE].reverse())
    expect(all.runs).toBe(3)
    expect(all.byType[0]).toEqual({ opType: 'MatMul', calls: 5, totalMs: 1.9, meanMs: 0.38, share: 1.9 / 3 })
  })

  it('leaves out disturbed runs (longer than twice the median run) with their kernels, and counts them', () => {
    const disturbed = [...TRACE, run(6000, 5000), kernel('add', 'Add', 6100, 4000)]
    const p2 = parseOrtProfile(disturbed, { skipRuns: 1 })
    expect(p2.runs).toBe(2)
    expect(p2.droppedRuns).toBe(1)
    expect(p2.byType).toEqual(p.byType)
    expect(p).not.toHaveProperty('droppedRuns')
    // a looser factor keeps it
    expect(parseOrtProfile(disturbed, { skipRuns: 1, outlierFactor: 10 }).runs).toBe(3)
  })

  it('reads { traceEvents } too, and refuses what is no trace or has no run', () => {
    expect(parseOrtProfile({ traceEvents: TRACE }, { skipRuns: 1 }).runs).toBe(2)
    expect(() => parseOrtProfile({ nope: 1 })).toThrow('not a Chrome trace')
    expect(() => parseOrtProfile(TRACE, { skipRuns: 3 })).toThrow('no model_run event after the 3 warm-up runs')
  })
})

describe('resolveOpProfileOptions', () => {
  it('true gives the defaults; an object overrides them; false and undefined turn it off', () => {
    expect(resolveOpProfileOptions(true)).toEqual({ runs: 20, warmup: 3, top: 15 })
    expect(resolveOpProfileOptions({ runs: 5 })).toEqual({ runs: 5, warmup: 3, top: 15 })
    expect(resolveOpProfileOptions(false)).toBeUndefined()
    expect(resolveOpProfileOptions(undefined)).toBeUndefined()
  })

  it('refuses bad values, naming the field', () => {
    const err = (() => {
      try {
        resolveOpProfileOptions({ runs: 0 })
      } catch (e) {
        return e as PerfgateError
      }
    })()
    expect(err?.code).toBe('OPTION_INVALID')
    expect(err?.message).toContain('opProfile.runs')
  })
})

/** A table of `runs` runs with the given ms per run by type and by node. */
function table(runs: number, types: Record<string, number>, nodes: Record<string, [string, number]> = {}): OpProfile {
  return {
    runs,
    runMs: runs * 10,
    byType: Object.entries(types).map(([opType, ms]) => ({ opType, calls: runs, totalMs: ms * runs, meanMs: ms, share: ms / 10 })),
    byNode: Object.entries(nodes).map(([node, [opType, ms]]) => ({ opType, node, calls: runs, totalMs: ms * runs, meanMs: ms, share: ms / 10 })),
  }
}

describe('opGrowth', () => {
  const base = table(20, { MatMul: 2, Add: 1, Softmax: 0.5 }, { 'h.0.mlp': ['MatMul', 1.5], 'h.0.add': ['Add', 1] })
  const cur = table(
    10,
    { MatMul: 6, Add: 1.25, Softmax: 0.25, Conv: 0.5 },
    { 'h.0.mlp': ['MatMul', 1.5], 'h.1.mlp': ['MatMul', 1.5], 'h.0.add': ['Add', 1.25] },
  )

  it('compares ms per run (tables of 20 and 10 runs), lists only growth, largest first; new rows have no baseline', () => {
    const g = opGrowth(base, cur)
    expect(g.byType).toEqual([
      { opType: 'MatMul', baselineMs: 2, currentMs: 6, changeMs: 4, changePct: 200 },
      { opType: 'Conv', baselineMs: null, currentMs: 0.5, changeMs: 0.5, changePct: null },
      { opType: 'Add', baselineMs: 1, currentMs: 1.25, changeMs: 0.25, changePct: 25 },
    ])
    expect(g.byNode).toEqual([
      { opType: 'MatMul', node: 'h.1.mlp', baselineMs: null, currentMs: 1.5, changeMs: 1.5, changePct: null },
      { opType: 'Add', node: 'h.0.add', baselineMs: 1, currentMs: 1.25, changeMs: 0.25, changePct: 25 },
    ])
  })

  it('limits the rows', () => {
    expect(opGrowth(base, cur, 1).byType.map((r) => r.opType)).toEqual(['MatMul'])
  })

  it('the report shows both tables; "new" where the baseline lacks the row', () => {
    expect(opGrowthReport(opGrowth(base, cur))).toBe(
      [
        'Operators whose time grew most (onnxruntime profiler, ms per run):',
        '',
        'op type  baseline ms/run  current ms/run  change  change %',
        '-------  ---------------  --------------  ------  --------',
        'MatMul              2.00            6.00   +4.00   +200.0%',
        'Conv                   -           0.500  +0.500       new',
        'Add                 1.00            1.25  +0.250    +25.0%',
        '',
        'node              baseline ms/run  current ms/run  change  change %',
        '----------------  ---------------  --------------  ------  --------',
        'h.1.mlp (MatMul)                -            1.50   +1.50       new',
        'h.0.add (Add)                1.00            1.25  +0.250    +25.0%',
      ].join('\n'),
    )
    expect(opGrowthReport(opGrowth(cur, cur))).toBe('No operator got slower per run (onnxruntime profiler).')
  })

  it('the hotspot table of one profile', () => {
    const text = opProfileTable(table(4, { MatMul: 2, Add: 1 }, { mm: ['MatMul', 2] }))
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Operators (onnxruntime profiler, 4 runs, 10.0 ms per profiled run):',
      '',
      'op type  calls  total ms  mean ms  ms/run  share',
      '-------  -----  --------  -------  ------  -----',
      'MatMul       4      8.00     2.00    2.00  20.0%',
      'Add          4      4.00     1.00    1.00  10.0%',
    ])
    expect(text).toContain('mm    MatMul       4      8.00     2.00  20.0%')
  })
})

describe('the op section of a failing gate', () => {
  const withOps = (op: OpProfile) => profileEntry({ 'latency.p50': 1 }, {}, { opProfile: op })
  const base = table(10, { MatMul: 1 })
  const cur = table(10, { MatMul: 3 })

  it('lists the growth when both sides have a table and the gate regressed', () => {
    expect(opGrowthSection('regressed', withOps(base), withOps(cur))).toContain('MatMul              1.00            3.00   +2.00   +200.0%')
  })

  it('says how to get one when a side lacks it, and stays silent for passing gates', () => {
    expect(opGrowthSection('regressed', profileEntry({}), withOps(cur))).toContain('re-record it with `opProfile: true`')
    expect(opGrowthSection('regressed', profileEntry({}), profileEntry({}))).toContain('profile with `opProfile: true`')
    expect(opGrowthSection('pass', withOps(base), withOps(cur))).toBe('')
    expect(opGrowthSection('improved', withOps(base), withOps(cur))).toBe('')
  })
})
