/**
 * One measurement at a time on this machine. Vitest runs test files in
 * parallel workers; two profiles on two cores at once distort both. The lock is
 * a file created exclusively (O_EXCL) holding the owner's pid and thread id;
 * a lock whose process has died is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Lock file path: PERFGATE_LOCK_FILE, else perfgate-measure.lock in the OS temp folder. */
export function lockFilePath(): string {
  return process.env.PERFGATE_LOCK_FILE || join(tmpdir(), 'perfgate-measure.lock')
}

const POLL_MS = 5

function ownerAlive(content: string): boolean {
  const pid = Number(content.split(':')[0])
  if (!Number.isInteger(pid) || pid <= 0) return true // being written right now
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function tryAcquire(file: string, me: string): boolean {
  try {
    const fd = openSync(file, 'wx')
    writeSync(fd, me)
    closeSync(fd)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  let content = ''
  try {
    content = readFileSync(file, 'utf8')
  } catch {
    return false // released in between: try again next poll
  }
  if (content && !ownerAlive(content)) rmSync(file, { force: true })
  return false
}

let counter = 0

/** Waits for the machine, returns the release function. */
export async function acquireMeasureLock(): Promise<() => void> {
  const file = lockFilePath()
  const me = `${process.pid}:${threadId}:${++counter}`
  while (!tryAcquire(file, me)) await new Promise((r) => setTimeout(r, POLL_MS))
  return () => {
    try {
      if (readFileSync(file, 'utf8') === me) rmSync(file, { force: true })
    } catch {
      // already gone
    }
  }
}
