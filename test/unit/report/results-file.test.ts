import { describe, expect, it } from 'vitest'
import { buildResultsFile, statusCounts } from '../../../src/results/results-file.js'
import { schemaProblem } from '../../../src/results/validate-results.js'
import { profileResult } from '../entry-factory.js'
import { FILE, records, resultsFile } from './results-factory.js'

describe('buildResultsFile', () => {
  it('keeps every record with its measurement, baseline and rows, and flags changed baseline files', () => {
    const file = resultsFile({ baseRef: 'main', changedBaselines: [FILE] })
    expect(file.results.map((r) => [r.key, r.status, r.baselineChanged ?? false])).toEqual([
      ['p50 alone', 'new', false],
      ['classifier 1', 'pass', false],
      ['detector 640 1', 'regressed', true],
      ['<img src=x onerror=alert(1)> 1', 'pass', true],
      ['detector 320 1', 'improved', true],
    ])
    expect(file.createdAt).toBe('2025-01-02T03:04:05.000Z')
    expect(file.baseRef).toBe('main')
    expect(file.results[2]!.baseline?.samples.latency).toHaveLength(20)
    expect(file.results[2]!.current?.samples.latency?.[0]).toBe(12)
    expect(file.results[1]!.differences).toEqual([{ field: 'cpuModel', baseline: 'Old CPU', current: 'Test CPU @ 3.00GHz' }])
  })

  it('takes the entry to write as the measurement when a record has no other', () => {
    const [added] = records()
    const file = buildResultsFile([{ ...added!, current: undefined }], { createdAt: new Date(0), commit: null })
    expect(file.results[0]!.current?.metrics).toEqual({ value: 2.5 })
  })

  it('counts outcomes in report order', () => {
    expect(statusCounts(resultsFile().results).filter((c) => c.count > 0)).toEqual([
      { status: 'regressed', label: 'regressed', count: 1 },
      { status: 'improved', label: 'improved', count: 1 },
      { status: 'pass', label: 'passed', count: 2 },
      { status: 'new', label: 'new', count: 1 },
    ])
    const [warned, unresolved] = records().map((r, i) => ({ ...r, status: i === 0 ? ('warned' as const) : ('unresolved' as const) }))
    const file = buildResultsFile([warned!, unresolved!], { createdAt: new Date(0), commit: null })
    expect(statusCounts(file.results).filter((c) => c.count > 0)).toEqual([
      { status: 'unresolved', label: 'unresolved', count: 1 },
      { status: 'warned', label: 'warned', count: 1 },
    ])
  })
})

describe('schema/results.schema.json', () => {
  it('accepts what buildResultsFile writes, through JSON', () => {
    const file = JSON.parse(JSON.stringify(resultsFile({ baseRef: 'main', changedBaselines: [FILE] })))
    expect(schemaProblem('results', file)).toBeNull()
  })

  it('accepts generation and sweep data for the extra charts', () => {
    const file = JSON.parse(JSON.stringify(resultsFile()))
    file.results[0].extras = {
      generation: { prompts: [{ label: 'hi', inputTokens: 3, outputTokens: 8, ttftMs: 12, tpotMs: 2 }] },
      sweeps: [{ parameter: 'batch', metric: 'latency.p50', unit: 'ms', series: [{ name: 'cpu', points: [{ x: 1, y: 2 }] }] }],
    }
    expect(schemaProblem('results', file)).toBeNull()
  })

  it('names the field of a bad file', () => {
    const file = JSON.parse(JSON.stringify(resultsFile()))
    delete file.results[2].rows[0].current
    expect(schemaProblem('results', file)).toEqual({ field: 'results[2].rows[0].current', detail: 'is missing' })
    file.results[2].rows[0].current = 13
    file.results[2].current.testbed.cores = 'many'
    expect(schemaProblem('results', file)).toEqual({ field: 'results[2].current.testbed.cores', detail: 'must be integer' })
    expect(schemaProblem('results', { ...file, kind: 'baseline' })).toEqual({ field: 'kind', detail: 'must be "results"' })
  })
})

describe('schema/profile-result.schema.json', () => {
  it('accepts a profile result and rejects a results file', () => {
    expect(schemaProblem('profile-result', JSON.parse(JSON.stringify(profileResult())))).toBeNull()
    expect(schemaProblem('profile-result', resultsFile())).not.toBeNull()
    const { latency: _, ...noLatency } = profileResult()
    expect(schemaProblem('profile-result', noLatency)).toEqual({ field: 'latency', detail: 'is missing' })
  })
})
