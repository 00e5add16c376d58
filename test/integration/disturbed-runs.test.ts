/**
 * A profile that shares one core with two CPU-bound processes records its
 * runs as disturbed. Robust by construction rather than by timing: the busy
 * loops and the profiling process are pinned to the same core (taskset), and
 * each run needs about 15 ms of CPU, longer than any scheduler slice among
 * three runnable tasks, so every run is preempted and waits. Skipped, and
 * said so, where util-linux's taskset is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { ProfileResult } from '../../src/types/index.js'

const MODEL = fileURLToPath(new URL('../../bench/models/classifier.onnx', import.meta.url))
const PROFILE = fileURLToPath(new URL('../../src/measure/profile.ts', import.meta.url))
const tasksetWorks = spawnSync('taskset', ['-c', '0', 'true']).status === 0

const busy: ChildProcess[] = []
afterAll(async () => {
  for (const p of busy.splice(0)) {
    p.kill('SIGKILL')
    if (p.exitCode === null && p.signalCode === null) await once(p, 'exit')
  }
})

/** Profiles the classifier (one intra-op thread, ~15 ms per run) in a child process pinned to core 0. */
async function pinnedProfile(): Promise<ProfileResult> {
  const code =
    `const { profile } = await import(${JSON.stringify(PROFILE)});` +
    `const r = await profile(${JSON.stringify(MODEL)}, { dims: { batch: 32, height: 128, width: 128 }, warmup: 2, runs: 15, minTime: 0, session: { intraOpNumThreads: 1 } });` +
    'console.log(JSON.stringify(r))'
  const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  const [status] = (await once(child, 'exit')) as [number | null]
  expect(status).toBe(0)
  return JSON.parse(out) as ProfileResult
}

describe.skipIf(!tasksetWorks)('runs beside CPU-bound processes on the same core (needs taskset from util-linux)', () => {
  it('are recorded as disturbed: preempted, and waiting for the core', async () => {
    for (let i = 0; i < 2; i++) busy.push(spawn('taskset', ['-c', '0', process.execPath, '-e', 'for(;;){}'], { stdio: 'ignore' }))
    const r = await pinnedProfile()
    const d = r.disturbance!
    expect(d.rule).toBe(1)
    expect(d.runs).toBe(r.latency.n)
    // every run needs more CPU than one slice: preempted in each (a margin for the odd exception)
    expect(d.share).toBeGreaterThanOrEqual(0.9)
    expect(d.reasons).toContain('involuntary switches')
    expect(d.reasons).toContain('cpu below wall')
    expect(d.involuntarySwitches).toBeGreaterThanOrEqual(d.disturbedRuns)
    // three runnable tasks on one core: the profile waited most of its time (where the kernel says)
    if (d.runQueueWaitMs !== undefined) expect(d.reasons).toContain('run-queue wait')
    // taskset leaves this process one core, and two others beside it were runnable
    expect(d.load?.cores).toBe(1)
  }, 120_000)
})

it.runIf(!tasksetWorks)('skips the pinned busy-load test: taskset (util-linux) is not available here', () => {
  expect(tasksetWorks).toBe(false)
})
