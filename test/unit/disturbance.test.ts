/**
 * The disturbed-run rule (version 1) on hand-made evidence: which runs it
 * marks, why, and the summary a result keeps.
 */
import { describe, expect, it } from 'vitest'
import { runDisturbance, summarizeDisturbance } from '../../src/measure/run/disturbance.js'

describe('runDisturbance', () => {
  it('marks a run the process was preempted in', () => {
    expect(runDisturbance({ wallMs: 20, cpuMs: 20, involuntarySwitches: 1 }, false)).toStrictEqual(['involuntary switches'])
    expect(runDisturbance({ wallMs: 20, cpuMs: 20, involuntarySwitches: 0 }, false)).toStrictEqual([])
  })

  it('marks a single-threaded run whose CPU time is below 0.8 of its wall time, and only then', () => {
    expect(runDisturbance({ wallMs: 44, cpuMs: 22, involuntarySwitches: 0 }, true)).toStrictEqual(['cpu below wall'])
    expect(runDisturbance({ wallMs: 10, cpuMs: 8, involuntarySwitches: 0 }, true)).toStrictEqual([])
    expect(runDisturbance({ wallMs: 10, cpuMs: 7.99, involuntarySwitches: 0 }, true)).toStrictEqual(['cpu below wall'])
    // with more threads CPU time says nothing about waiting
    expect(runDisturbance({ wallMs: 44, cpuMs: 22, involuntarySwitches: 0 }, false)).toStrictEqual([])
  })

  it('does not judge runs shorter than 1 ms by cpu / wall (a thread hand-off alone costs that much)', () => {
    expect(runDisturbance({ wallMs: 0.9, cpuMs: 0.1, involuntarySwitches: 0 }, true)).toStrictEqual([])
    expect(runDisturbance({ wallMs: 1, cpuMs: 0.1, involuntarySwitches: 0 }, true)).toStrictEqual(['cpu below wall'])
  })

  it('gives both reasons when both hold', () => {
    expect(runDisturbance({ wallMs: 50, cpuMs: 20, involuntarySwitches: 4 }, true)).toStrictEqual(['involuntary switches', 'cpu below wall'])
  })
})

describe('summarizeDisturbance', () => {
  const samples = { latency: [20, 40, 20, 90], cpu: [20, 21, 19.5, 22], switches: [0, 0, 2, 5] }

  it('counts the disturbed runs, sums the switches and keeps the session evidence', () => {
    const d = summarizeDisturbance(samples, { wallMs: 170, runQueueWaitMs: 80, load: { cores: 2, start: 3, end: 1 } }, true)
    expect(d).toStrictEqual({
      rule: 1,
      runs: 4,
      disturbedRuns: 3,
      share: 0.75,
      involuntarySwitches: 7,
      runQueueWaitMs: 80,
      load: { cores: 2, start: 3, end: 1 },
      reasons: ['involuntary switches', 'cpu below wall', 'run-queue wait', 'load above cores'],
    })
  })

  it('reports run-queue wait only above 5% of the measured wall time, and load only above the cores', () => {
    const quiet = { latency: [10, 10], cpu: [10, 10], switches: [0, 0] }
    expect(summarizeDisturbance(quiet, { wallMs: 100, runQueueWaitMs: 5, load: { cores: 2, start: 2, end: 2 } }, true).reasons).toStrictEqual([])
    expect(summarizeDisturbance(quiet, { wallMs: 100, runQueueWaitMs: 5.01 }, true).reasons).toStrictEqual(['run-queue wait'])
    expect(summarizeDisturbance(quiet, { wallMs: 100, load: { cores: 2, start: 0, end: 3 } }, true).reasons).toStrictEqual(['load above cores'])
  })

  it('leaves out what the OS did not give, and gives share 0 for no runs', () => {
    expect(summarizeDisturbance({ latency: [], cpu: [], switches: [] }, { wallMs: 0 }, false)).toStrictEqual({
      rule: 1,
      runs: 0,
      disturbedRuns: 0,
      share: 0,
      involuntarySwitches: 0,
      reasons: [],
    })
  })
})
