/**
 * The measuring loop with controlled clocks: what each sample holds, and that
 * CPU time spent in the hooks counts in no run.
 */
import { describe, expect, it } from 'vitest'
import { cpuReadStride, runLoop, type LoopClocks, type LoopOptions } from '../../src/measure/run/run-loop.js'

/** Clocks that move only when told to (CPU in ms); every usage read also costs `cpuPerRead` (the loop's bookkeeping) and `wallPerRead`. */
function fakeClocks(cpuPerRead = 0, wallPerRead = 0) {
  const t = { wall: 0, cpu: 0, switches: 0, reads: 0 }
  const clocks: LoopClocks = {
    wall: () => t.wall,
    usage: () => {
      t.cpu += cpuPerRead
      t.wall += wallPerRead
      t.reads++
      // split over user and system as the OS does: the loop adds them
      return { userCPUTime: t.cpu * 750, systemCPUTime: t.cpu * 250, involuntaryContextSwitches: t.switches }
    },
  }
  return { t, clocks }
}

const plain: LoopOptions = { warmup: 2, warmupTimeMs: 0, runs: 3, minTimeMs: 0, maxRuns: 100 }

describe('runLoop', () => {
  it('records the wall time around each run and the CPU time up to its end', async () => {
    const { t, clocks } = fakeClocks()
    let k = 0
    const run = async () => {
      k++
      t.wall += 10 * k
      t.cpu += 7 * k
    }
    const s = await runLoop(run, plain, {}, clocks)
    expect(s.warmupRuns).toBe(2)
    // runs 3, 4, 5 are measured (1 and 2 warmed up)
    expect(s.latency).toEqual([30, 40, 50])
    expect(s.cpu).toEqual([21, 28, 35])
    expect(s.stoppedBy).toBe('runs')
  })

  it('says runs stopped it when the count was met after minTime, and minTime when time set the count', async () => {
    const { t, clocks } = fakeClocks()
    const run = async () => {
      t.wall += 10
    }
    // 3 runs of 10 ms: 30 ms, past minTime 25 ms before the count is met
    const byRuns = await runLoop(run, { ...plain, minTimeMs: 25 }, {}, clocks)
    expect([byRuns.latency.length, byRuns.stoppedBy]).toEqual([3, 'runs'])
    // minTime 30 ms is met exactly at the third run: the count and the time together, and the count was asked for
    const together = await runLoop(run, { ...plain, minTimeMs: 30 }, {}, clocks)
    expect([together.latency.length, together.stoppedBy]).toEqual([3, 'runs'])
    // minTime 55 ms asks for 6 runs where 3 were asked for
    const byTime = await runLoop(run, { ...plain, minTimeMs: 55 }, {}, clocks)
    expect([byTime.latency.length, byTime.stoppedBy]).toEqual([6, 'minTime'])
    // maxRuns stops it before minTime is met
    const capped = await runLoop(run, { ...plain, minTimeMs: 55, maxRuns: 4 }, {}, clocks)
    expect([capped.latency.length, capped.stoppedBy]).toEqual([4, 'maxRuns'])
  })

  it('counts the CPU time of the per-run hook in no sample', async () => {
    const { t, clocks } = fakeClocks(1)
    const run = async () => {
      t.wall += 5
      t.cpu += 4
    }
    const s = await runLoop(run, { ...plain, warmup: 0 }, { afterRun: () => (t.cpu += 1000) }, clocks)
    // each sample: the run's 4 ms and the read that ends it (1)
    expect(s.cpu).toEqual([5, 5, 5])
  })

  it('counts the CPU time of beforeMeasured in no sample', async () => {
    const { t, clocks } = fakeClocks()
    const run = async () => {
      t.wall += 1
      t.cpu += 2
    }
    const s = await runLoop(run, plain, { beforeMeasured: () => (t.cpu += 500) }, clocks)
    expect(s.cpu).toEqual([2, 2, 2])
  })

  it('records the involuntary context switches of each run, and none of the hooks or warm-up', async () => {
    const { t, clocks } = fakeClocks()
    let k = 0
    const run = async () => {
      k++
      t.wall += 1
      t.switches += k === 4 ? 3 : 0
    }
    const s = await runLoop(run, plain, { beforeMeasured: () => (t.switches += 100), afterRun: () => (t.switches += 10) }, clocks)
    // runs 3, 4, 5 are measured; only run 4 was preempted
    expect(s.switches).toEqual([0, 3, 0])
  })

  it('reads the CPU time on every run when a read costs at most 0.5% of one (here 0.2%)', async () => {
    const { t, clocks } = fakeClocks(0, 0.02)
    const run = async () => {
      t.wall += 10
      t.cpu += 7
    }
    const s = await runLoop(run, { ...plain, minTimeMs: 100 }, {}, clocks)
    expect([s.cpuEvery, s.latency.length, s.cpu.length]).toEqual([1, 10, 10])
    // warm-up: one read after each of its 2 runs; then one read before the first measured run and one after each
    expect(t.reads).toBe(2 + 1 + 10)
  })

  it('reads the CPU time on every n-th run from the first when a read costs more than 0.5% of a run, leaving `runs` reads', async () => {
    // a read costs 1 ms of a 10 ms run: every ceil(2 * 1 / (0.005 * 10)) = 40th run by the budget; but minTime
    // plans 45 runs, which must hold 2 reads (`runs`): every floor(45 / 2) = 22nd
    const { t, clocks } = fakeClocks(0, 1)
    const run = async () => {
      t.wall += 10
      t.cpu += 7
    }
    const s = await runLoop(run, { ...plain, runs: 2, minTimeMs: 450 }, {}, clocks)
    expect(s.cpuEvery).toBe(22)
    expect(s.latency).toHaveLength(45)
    // runs 0, 22 and 44, spread over the measured runs; each its own 7 ms, not the CPU time of the runs skipped before it
    expect(s.cpu).toEqual([7, 7, 7])
    expect(s.cpuWall).toEqual([10, 10, 10])
    expect(s.switches).toHaveLength(3)
    // 2 in warm-up, then before and after each of runs 0, 22 and 44
    expect(t.reads).toBe(2 + 2 * 3)
  })

  it('reads by the budget alone where the planned runs hold enough reads', async () => {
    const { t, clocks } = fakeClocks(0, 1)
    const run = async () => {
      t.wall += 10
      t.cpu += 7
    }
    // minTime plans 200 runs: every 40th (the budget) leaves 5 reads, at least the 2 asked for
    const s = await runLoop(run, { ...plain, runs: 2, minTimeMs: 2000, maxRuns: 1000 }, {}, clocks)
    expect([s.cpuEvery, s.latency.length, s.cpu.length]).toEqual([40, 200, 5])
  })

  it('reads the CPU time on every run when there was no warm-up to time a read against', async () => {
    const { t, clocks } = fakeClocks(0, 5)
    const run = async () => {
      t.wall += 1
    }
    const s = await runLoop(run, { ...plain, warmup: 0, minTimeMs: 10 }, {}, clocks)
    expect([s.cpuEvery, s.cpu.length]).toEqual([1, 10])
  })
})

describe('cpuReadStride', () => {
  it('keeps the reads within 0.5% of a run: one per run (edges shared) or two per n runs', () => {
    // the reads measured here: about 1.2 µs right after a run
    expect(cpuReadStride(0.3, 0.0012)).toBe(1)
    expect(cpuReadStride(1, 0.0012)).toBe(1)
    expect(cpuReadStride(0.2, 0.0012)).toBe(3)
    expect(cpuReadStride(0.1, 0.0012)).toBe(5)
    expect(cpuReadStride(0.025, 0.0012)).toBe(20)
  })

  it('never reads so sparsely that the planned runs hold fewer than the reads asked for', () => {
    // 400 runs planned, 30 reads: every 13th at most, where the budget alone would say every 20th
    expect(cpuReadStride(0.025, 0.0012, 400, 30)).toBe(13)
    expect(cpuReadStride(0.025, 0.0012, 4000, 30)).toBe(20)
    // fewer runs planned than reads asked for: every run
    expect(cpuReadStride(0.025, 0.0012, 10, 30)).toBe(1)
  })

  it('reads on every run without figures to judge by', () => {
    expect(cpuReadStride(0, 0.001)).toBe(1)
    expect(cpuReadStride(0.01, 0)).toBe(1)
    expect(cpuReadStride(NaN, 0.001)).toBe(1)
  })
})
