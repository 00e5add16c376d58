/**
 * One measurement at a time on this machine. Vitest runs test files in
 * parallel workers; two profiles on two cores at once distort both. The lock is
 * a file created exclusively (O_EXCL) naming its owner (see lock-owner.ts); a
 * lock whose owner is gone (process exited, pid reused by another program,
 * worker thread exited) is taken over. The lock's folder must exist: perfgate
 * never creates folders for it. A wait for one holder is bounded by
 * PERFGATE_LOCK_TIMEOUT (ms, default 10 minutes).
 */
import { randomUUID } from 'node:crypto'
import { existsSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { perfgateError } from '../../errors.js'
import { readLockFile as readLock, tryTakeLockFile } from '../../locks/lock-file.js'
import { currentOsThreadId, describeOwner, formatOwner, staleReason, systemProbe, type ProcessProbe } from './lock-owner.js'

/** Lock file path: PERFGATE_LOCK_FILE, else perfgate-measure.lock in the OS temp folder. */
export function lockFilePath(): string {
  return process.env.PERFGATE_LOCK_FILE || join(tmpdir(), 'perfgate-measure.lock')
}

/** How long to wait while one holder keeps the lock, before failing. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60_000

/** PERFGATE_LOCK_TIMEOUT in ms, else the default. */
export function lockTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.PERFGATE_LOCK_TIMEOUT
  if (raw === undefined || raw === '') return DEFAULT_LOCK_TIMEOUT_MS
  const ms = Number(raw)
  if (!Number.isFinite(ms) || ms <= 0)
    throw perfgateError('OPTION_INVALID', { option: 'PERFGATE_LOCK_TIMEOUT (environment)', value: raw, expected: 'a number of milliseconds > 0, e.g. 600000' })
  return ms
}

const POLL_MS = 5
/** An empty lock file older than this was abandoned between create and write. */
const EMPTY_LOCK_STALE_MS = 10_000
/** Say what we are waiting for after this long. */
const WAIT_WARNING_MS = 30_000

/** A lock path perfgate cannot use: a directory, a missing folder, or another error creating it. */
function unusable(file: string, err: NodeJS.ErrnoException): Error {
  if (err.code === 'EISDIR' || (existsSync(file) && statSync(file).isDirectory())) return perfgateError('LOCK_PATH_IS_DIRECTORY', { path: file }, err)
  if (err.code === 'ENOENT') return perfgateError('LOCK_FOLDER_MISSING', { path: file, folder: dirname(file) }, err)
  return perfgateError('LOCK_UNUSABLE', { path: file, detail: err.message }, err)
}

/** Creates the lock file, or takes over a stale one; false while someone alive holds it. */
function tryAcquire(file: string, me: string, probe: ProcessProbe): boolean {
  const taken = tryTakeLockFile(file, me, {
    ownerGone: (content) => staleReason(content, probe) !== undefined,
    emptyStaleMs: EMPTY_LOCK_STALE_MS,
    createError: (err) => unusable(file, err),
  })
  // a directory "exists" too, and would be waited for forever
  if (!taken && statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw perfgateError('LOCK_PATH_IS_DIRECTORY', { path: file })
  return taken
}

/** This thread's lock line. */
function ownLockLine(probe: ProcessProbe): string {
  return formatOwner(process.pid, threadId, randomUUID(), currentOsThreadId(), probe.startTime(process.pid))
}

/** Waits for the machine, returns the release function. `probe` replaces the process table in tests. */
export async function acquireMeasureLock(onWait?: (message: string) => void, probe: ProcessProbe = systemProbe): Promise<() => void> {
  const file = lockFilePath()
  const timeoutMs = lockTimeoutMs()
  const me = ownLockLine(probe)
  const started = Date.now()
  let holder: string | undefined
  let holderSince = started
  let warned = false
  while (!tryAcquire(file, me, probe)) {
    const now = Date.now()
    const current = readLock(file)
    // the bound is per holder: a queue of profiles that each take their turn is progress, not a hang
    if (current !== holder) {
      holder = current
      holderSince = now
    } else if (current !== undefined && now - holderSince > timeoutMs) {
      throw perfgateError('LOCK_WAIT_TIMEOUT', { path: file, holder: describeOwner(current), waitedMs: now - holderSince })
    }
    if (!warned && now - started > WAIT_WARNING_MS) {
      warned = true
      const message =
        `perfgate: waiting for the measurement lock ${file}, held by ${current ? describeOwner(current) : 'an unknown owner'}. ` +
        'Another profile is running; if no perfgate process is running, delete the file.'
      if (onWait) onWait(message)
      else process.emitWarning(message)
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  return () => {
    if (readLock(file) === me) rmSync(file, { force: true })
  }
}
