/**
 * A cross-process lock on one baseline file, so that two runs updating the
 * same file (two `perfgate update` commands, two Vitest projects) never lose
 * each other's entries. The lock is `<file>.lock`, created exclusively
 * (O_EXCL) and holding the owner's pid and a random id; a lock whose owner
 * has died is taken over. The wait is bounded: past it, an error names the
 * lock file. Synchronous, since the reporter settles a run in one go.
 */
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { perfgateError } from '../errors.js'
import { readLockFile as readLock, tryTakeLockFile } from '../locks/lock-file.js'
import { processAlive } from '../locks/process-alive.js'

/** How long to wait for another writer of the same file. @default 30000 */
export const LOCK_WAIT_MS = 30_000
const POLL_MS = 10
/** A lock file still empty after this long was abandoned between create and write. */
const EMPTY_LOCK_STALE_MS = 5_000

const sleeper = new Int32Array(new SharedArrayBuffer(4))
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

export function lockPathFor(file: string): string {
  return `${file}.lock`
}

/** Runs `fn` holding the lock of `file`; waits at most `waitMs` for it. */
export function withFileLock<T>(file: string, fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = lockPathFor(file)
  const me = `${process.pid}:${randomUUID()}`
  const started = Date.now()
  while (!tryTakeLockFile(lock, me, { ownerGone: (content) => !processAlive(Number(content.split(':')[0])), emptyStaleMs: EMPTY_LOCK_STALE_MS })) {
    if (Date.now() - started >= waitMs) {
      const owner = readLock(lock)
      throw perfgateError('BASELINE_LOCK_TIMEOUT', { lock, owner: owner ? `process ${owner.split(':')[0]}` : 'an unknown process', waitedMs: waitMs })
    }
    sleepSync(POLL_MS)
  }
  try {
    return fn()
  } finally {
    if (readLock(lock) === me) rmSync(lock, { force: true })
  }
}
