/**
 * Measurements never overlap in time: profiles started together, in one
 * process and in worker threads, take turns on the machine lock, and a lock
 * left behind by a dead process is taken over.
 *
 * This file uses its own lock file (PERFGATE_LOCK_FILE, set before any profile
 * and inherited by the workers), shared by every profile that must not overlap
 * here, so that planting a stale lock cannot disturb other test files.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { acquireMeasureLock, lockFilePath } from '../../src/measure/run/machine-lock.js'
import { profile } from '../../src/measure/profile.js'
import type { ProfileResult } from '../../src/types/index.js'

type Window = ProfileResult['window']

const CLASSIFIER = resolve('bench/models/classifier.onnx')
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
const tick = () => new Promise<void>((r) => setImmediate(r))

let dir: string
let savedLockEnv: string | undefined

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-lock-'))
  savedLockEnv = process.env.PERFGATE_LOCK_FILE
  process.env.PERFGATE_LOCK_FILE = join(dir, 'measure.lock')
})

afterAll(() => {
  if (savedLockEnv === undefined) delete process.env.PERFGATE_LOCK_FILE
  else process.env.PERFGATE_LOCK_FILE = savedLockEnv
  rmSync(dir, { recursive: true, force: true })
})

afterEach(() => {
  expect(existsSync(lockFilePath()), 'the lock file is removed once every profile is done').toBe(false)
})

/** Windows sorted by start; each must end no later than the next one starts. */
function expectDisjoint(windows: readonly Window[]): void {
  const sorted = [...windows].sort((a, b) => a.start - b.start)
  for (const w of sorted) expect(w.start).toBeLessThanOrEqual(w.end)
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Window
    const next = sorted[i] as Window
    expect(prev.end, `window ${i - 1} [${prev.start}, ${prev.end}] overlaps window ${i} [${next.start}, ${next.end}]`).toBeLessThanOrEqual(next.start)
  }
}

/** A function profile that logs its calls under `id`, so interleaving is visible. */
function profileLogged(id: string, log: string[]): Promise<ProfileResult> {
  return profile(
    async () => {
      log.push(id)
      await tick()
    },
    { warmup: 2, runs: 10, minTime: 5 },
  )
}

interface WorkerReport {
  window: Window
  n: number
  lockFile: string
}

/** Starts a worker profiling the classifier; `ready` resolves right before it asks for the machine. */
function profileInWorker(): { ready: Promise<void>; done: Promise<WorkerReport> } {
  const worker = new Worker(new URL('./profile-worker.mjs', import.meta.url), {
    workerData: { model: CLASSIFIER, options: { dims: { height: 32, width: 32 }, warmup: 2, runs: 10, minTime: 20 } },
  })
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((r) => (onReady = r))
  const done = new Promise<WorkerReport>((res, rej) => {
    worker.on('message', (m: { type: 'ready' } | ({ type: 'result' } & WorkerReport)) => {
      if (m.type === 'ready') onReady()
      else res(m)
    })
    worker.once('error', rej)
    worker.once('exit', (code) => rej(new Error(`worker exited with code ${code} before reporting`)))
  })
  return { ready, done }
}

describe('concurrent profiles take turns', () => {
  it('three profiles started together in one process run one after another', async () => {
    const log: string[] = []
    const ids = ['a', 'b', 'c']
    const results = await Promise.all(ids.map((id) => profileLogged(id, log)))
    expectDisjoint(results.map((r) => r.window))
    // every profile's calls form one contiguous block: no call of one ran inside another's measurement
    const blocks = log.filter((id, i) => id !== log[i - 1])
    expect(blocks.sort()).toEqual(['a', 'b', 'c'])
    results.forEach((r, i) => expect(log.filter((id) => id === ids[i]).length).toBe(1 + r.warmupRuns + r.latency.n))
  })

  it('profiles in two worker threads and in the main thread never overlap', async () => {
    // Hold the machine until both workers are waiting for it, so that all five profiles contend at once.
    const release = await acquireMeasureLock()
    const workers = [profileInWorker(), profileInWorker()]
    let releasedAt = 0
    try {
      await Promise.all(workers.map((w) => w.ready))
      await sleep(30)
    } finally {
      releasedAt = Date.now()
      release()
    }
    const log: string[] = []
    const [main, reports] = await Promise.all([Promise.all(['x', 'y', 'z'].map((id) => profileLogged(id, log))), Promise.all(workers.map((w) => w.done))])
    for (const r of reports) {
      expect(r.lockFile).toBe(lockFilePath()) // the workers used the same lock file
      expect(r.n).toBeGreaterThanOrEqual(10)
    }
    const windows = [...main.map((r) => r.window), ...reports.map((r) => r.window)]
    expect(windows).toHaveLength(5)
    expectDisjoint(windows)
    for (const w of windows) expect(w.start).toBeGreaterThanOrEqual(releasedAt)
  })
})

describe('the lock file', () => {
  it('a lock whose process has died is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    expect(dead).toBeGreaterThan(0)
    expect(() => process.kill(dead, 0)).toThrow() // precondition: that process is gone
    writeFileSync(lockFilePath(), `${dead}:0:1`)
    const r = await profile(async () => tick(), { warmup: 0, runs: 3, minTime: 0 })
    expect(r.latency.n).toBe(3)
  })

  it('a lock whose owner is alive is waited for, then taken when released', async () => {
    writeFileSync(lockFilePath(), `${process.pid}:4242:1`) // "another thread of this process"
    let settled = false
    const pending = profile(async () => tick(), { warmup: 0, runs: 3, minTime: 0 }).finally(() => {
      settled = true
    })
    await sleep(60)
    expect(settled).toBe(false)
    const releasedAt = Date.now()
    rmSync(lockFilePath())
    const r = await pending
    expect(r.window.start).toBeGreaterThanOrEqual(releasedAt)
  })

  it('holds the owner’s pid and thread while held, and release leaves another owner’s lock alone', async () => {
    const release = await acquireMeasureLock()
    const [pid, thread] = readFileSync(lockFilePath(), 'utf8').split(':')
    expect(pid).toBe(String(process.pid))
    expect(thread).toBe('0')
    // someone else's lock in its place (e.g. after a takeover) is not ours to remove
    writeFileSync(lockFilePath(), `${process.pid}:4242:9`)
    release()
    expect(readFileSync(lockFilePath(), 'utf8')).toBe(`${process.pid}:4242:9`)
    rmSync(lockFilePath())
  })

  it('is released after a profile that failed', async () => {
    const err: unknown = await profile(
      () => {
        throw new Error('nope')
      },
      { warmup: 0, runs: 1, minTime: 0 },
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'RUN_FAILED' })
    expect(existsSync(lockFilePath())).toBe(false)
  })
})
