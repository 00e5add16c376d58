import { describe, expect, it } from 'vitest'
import { optionDifferences } from '../../src/compare/option-differences.js'
import { differencesText } from '../../src/report/diff-table.js'

describe('optionDifferences', () => {
  it('names only the option paths that differ, each with both values', () => {
    const baseline = { sessions: 6, calibrate: true, runs: 30, dims: { batch: 1, h: 640, w: 640 }, session: { intraOpNumThreads: 1 } }
    const current = { sessions: 3, calibrate: true, runs: 30, dims: { batch: 4, h: 640, w: 640 }, session: { intraOpNumThreads: 1 } }
    expect(optionDifferences(baseline, current)).toEqual([
      { field: 'options.dims.batch', baseline: '1', current: '4' },
      { field: 'options.sessions', baseline: '6', current: '3' },
    ])
  })

  it('shows an option one side leaves out as default, strings bare, and arrays and changed shapes whole', () => {
    expect(
      optionDifferences(
        { runs: 'auto', session: { executionProviders: ['cpu'] }, profileOps: true },
        { minTime: 500, session: { executionProviders: ['cuda', 'cpu'] }, profileOps: { runs: 20 } },
      ),
    ).toEqual([
      { field: 'options.minTime', baseline: 'default', current: '500' },
      { field: 'options.profileOps', baseline: 'true', current: '{"runs":20}' },
      { field: 'options.runs', baseline: 'auto', current: 'default' },
      { field: 'options.session.executionProviders', baseline: '["cpu"]', current: '["cuda","cpu"]' },
    ])
  })

  it('finds no difference in key order, or between no options and empty ones', () => {
    expect(optionDifferences({ dims: { h: 640, batch: 1 }, warmup: 10 }, { warmup: 10, dims: { batch: 1, h: 640 } })).toEqual([])
    expect(optionDifferences(undefined, {})).toEqual([])
  })

  it('prints one line per differing option, not the two option objects', () => {
    expect(differencesText(optionDifferences({ sessions: 6, calibrate: true, warmup: 10 }, { sessions: 3, calibrate: true, warmup: 10 }))).toBe(
      'Measured on a different setup than the baseline:\n  options.sessions: 6 -> 3',
    )
  })
})
