/**
 * The one primitive behind perfgate's locks (the machine-wide measurement
 * lock and the per-file baseline lock): a file created exclusively (O_EXCL)
 * holding its owner's line, taken over when its owner is gone. An empty lock
 * file is its owner's half-done creation; it counts as abandoned after `emptyStaleMs`.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'

/** The owner line of the lock at `file`, or undefined when there is none. */
export function readLockFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

export interface TakeLock {
  /** Whether the owner named by a (non-empty) lock line is gone. */
  ownerGone: (content: string) => boolean
  /** An empty lock file older than this, ms, was abandoned between create and write. */
  emptyStaleMs: number
  /** Turns an error creating the file (other than EEXIST) into the one to throw. @default the error itself */
  createError?: (err: NodeJS.ErrnoException) => Error
}

/** Creates the lock file holding `me`, or removes a stale one (to be taken on the next try); false while a live owner holds it. */
export function tryTakeLockFile(file: string, me: string, how: TakeLock): boolean {
  try {
    const fd = openSync(file, 'wx')
    try {
      writeSync(fd, me)
    } finally {
      closeSync(fd)
    }
    return true
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code !== 'EEXIST') throw how.createError ? how.createError(e) : e
  }
  const content = readLockFile(file)
  // read again right before removing, so a lock that changed hands in between is left alone
  if (content !== undefined && isStale(file, content, how) && readLockFile(file) === content) rmSync(file, { force: true })
  return false
}

function isStale(file: string, content: string, how: TakeLock): boolean {
  if (content !== '') return how.ownerGone(content)
  try {
    return Date.now() - statSync(file).mtimeMs > how.emptyStaleMs
  } catch {
    return false
  }
}
