/**
 * One measurement at a time on this machine. Vitest runs test files in
 * parallel workers; two profiles on two cores at once distort both. The lock is
 * a file created exclusively (O_EXCL) holding the owner's pid, thread id and a
 * random id; a lock whose process has died is taken over.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Lock file path: PERFGATE_LOCK_FILE, else perfgate-measure.lock in the OS temp folder. */
export function lockFilePath(): string {
  return process.env.PERFGATE_LOCK_FILE || join(tmpdir(), 'perfgate-measure.lock')
}

const POLL_MS = 5
/** An empty lock file older than this was abandoned between create and write. */
const EMPTY_LOCK_STALE_MS = 10_000
/** Say what we are waiting for after this long. */
const WAIT_WARNING_MS = 30_000

function ownerAlive(content: string): boolean {
  const pid = Number(content.split(':')[0])
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function isStale(file: string, content: string): boolean {
  if (content !== '') return !ownerAlive(content)
  try {
    return Date.now() - statSync(file).mtimeMs > EMPTY_LOCK_STALE_MS
  } catch {
    return false
  }
}

/** Creates the lock file, or takes over a stale one; false while someone alive holds it. */
function tryAcquire(file: string, me: string): boolean {
  try {
    const fd = openSync(file, 'wx')
    try {
      writeSync(fd, me)
    } finally {
      closeSync(fd)
    }
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const content = readLock(file)
  // read again right before removing, so a lock that changed hands in between is left alone
  if (content !== undefined && isStale(file, content) && readLock(file) === content) rmSync(file, { force: true })
  return false
}

/** Waits for the machine, returns the release function. */
export async function acquireMeasureLock(onWait?: (message: string) => void): Promise<() => void> {
  const file = lockFilePath()
  const me = `${process.pid}:${threadId}:${randomUUID()}`
  const started = Date.now()
  let warned = false
  while (!tryAcquire(file, me)) {
    if (!warned && Date.now() - started > WAIT_WARNING_MS) {
      warned = true
      const message =
        `perfgate: waiting for the measurement lock ${file}, held by ${readLock(file) || 'an unknown owner'}. ` +
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
