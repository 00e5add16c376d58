/**
 * The machine lock fails clearly on a path it cannot use, takes over locks
 * whose owner is gone (a live pid that is not perfgate's, a reused pid, a
 * worker thread that exited in this live process), and stops waiting for one
 * holder after PERFGATE_LOCK_TIMEOUT. Own lock files, set per test.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { PerfgateError } from '../../src/errors.js'
import { currentOsThreadId } from '../../src/measure/run/lock-owner.js'
import { acquireMeasureLock, lockFilePath } from '../../src/measure/run/machine-lock.js'

let dir: string
const saved = { file: process.env.PERFGATE_LOCK_FILE, timeout: process.env.PERFGATE_LOCK_TIMEOUT }
let n = 0

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-lock-owners-'))
})
beforeEach(() => {
  process.env.PERFGATE_LOCK_FILE = join(dir, `measure-${++n}.lock`)
  delete process.env.PERFGATE_LOCK_TIMEOUT
})
afterEach(() => {
  process.env.PERFGATE_LOCK_TIMEOUT = '' // restored below; '' means the default
})
afterAll(() => {
  for (const [k, v] of [
    ['PERFGATE_LOCK_FILE', saved.file],
    ['PERFGATE_LOCK_TIMEOUT', saved.timeout],
  ] as const) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  rmSync(dir, { recursive: true, force: true })
})

async function failure(p: Promise<unknown>): Promise<PerfgateError> {
  const err: unknown = await p.then(
    (release) => {
      ;(release as () => void)()
      return new Error('expected the lock to fail')
    },
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  return err as PerfgateError
}

describe('a lock path perfgate cannot use', () => {
  it('a directory is LOCK_PATH_IS_DIRECTORY naming it, not an endless wait', async () => {
    const path = join(dir, 'a-folder')
    mkdirSync(path)
    process.env.PERFGATE_LOCK_FILE = path
    const err = await failure(acquireMeasureLock())
    expect(err.code).toBe('LOCK_PATH_IS_DIRECTORY')
    expect(err.message).toContain(path)
    expect(err.message).toContain('PERFGATE_LOCK_FILE')
  })

  it('a missing folder is LOCK_FOLDER_MISSING naming it, and no folder is created', async () => {
    const path = join(dir, 'nonexistent', 'dir', 'x')
    process.env.PERFGATE_LOCK_FILE = path
    const err = await failure(acquireMeasureLock())
    expect(err.code).toBe('LOCK_FOLDER_MISSING')
    expect(err.message).toContain(join(dir, 'nonexistent', 'dir'))
    expect(existsSync(join(dir, 'nonexistent'))).toBe(false)
  })

  it('a path under a file is LOCK_UNUSABLE naming it', async () => {
    const file = join(dir, 'plain-file')
    writeFileSync(file, '')
    process.env.PERFGATE_LOCK_FILE = join(file, 'x')
    const err = await failure(acquireMeasureLock())
    expect(err.code).toBe('LOCK_UNUSABLE')
    expect(err.message).toContain(join(file, 'x'))
    expect(err.message).toContain('ENOTDIR')
  })
})

describe('locks whose owner is gone are taken over', () => {
  let sleeper: ChildProcess
  beforeAll(() => {
    sleeper = spawn('sleep', ['60'], { stdio: 'ignore' })
  })
  afterAll(() => {
    sleeper.kill()
  })

  it('a live pid that is not a perfgate (node) process', async () => {
    expect(sleeper.pid).toBeGreaterThan(0)
    writeFileSync(lockFilePath(), `${sleeper.pid}:0:1`)
    const release = await acquireMeasureLock()
    expect(readFileSync(lockFilePath(), 'utf8').split(':')[0]).toBe(String(process.pid))
    release()
  })

  it.runIf(process.platform === 'linux')('a live pid whose start time is not the recorded one (a reused pid)', async () => {
    writeFileSync(lockFilePath(), `${process.pid}:0:1:${currentOsThreadId()}:1:perfgate`)
    const release = await acquireMeasureLock()
    release()
    expect(existsSync(lockFilePath())).toBe(false)
  })

  it.runIf(process.platform === 'linux')(
    'a worker thread of this process that exited while holding it',
    async () => {
      const worker = new Worker(new URL('./lock-worker.mjs', import.meta.url))
      const held = new Promise<void>((res, rej) => {
        worker.once('message', () => res())
        worker.once('error', rej)
      })
      const exited = new Promise<void>((r) => worker.once('exit', () => r()))
      await held
      await exited
      const owner = readFileSync(lockFilePath(), 'utf8').split(':')
      expect(owner[0]).toBe(String(process.pid)) // precondition: this live process, another (now gone) thread
      expect(owner[1]).not.toBe('0')
      const release = await acquireMeasureLock()
      expect(readFileSync(lockFilePath(), 'utf8').split(':')[1]).toBe('0')
      release()
    },
    15_000,
  )
})

describe('waiting is bounded', () => {
  it('one holder beyond PERFGATE_LOCK_TIMEOUT is LOCK_WAIT_TIMEOUT naming the holder pid and the path', async () => {
    const held = await acquireMeasureLock() // a live holder: this very thread
    process.env.PERFGATE_LOCK_TIMEOUT = '50'
    try {
      const err = await failure(acquireMeasureLock())
      expect(err.code).toBe('LOCK_WAIT_TIMEOUT')
      expect(err.message).toContain(`process ${process.pid}`)
      expect(err.message).toContain(lockFilePath())
      expect(err.message).toContain('PERFGATE_LOCK_TIMEOUT')
    } finally {
      held()
    }
  })

  it('a timeout that is not a positive number is refused', async () => {
    process.env.PERFGATE_LOCK_TIMEOUT = 'soon'
    const err = await failure(acquireMeasureLock())
    expect(err.code).toBe('OPTION_INVALID')
    expect(err.message).toContain('PERFGATE_LOCK_TIMEOUT')
  })
})
