/**
 * Who holds the machine lock, and whether that owner is still there. The lock
 * file holds one line, `pid:threadId:id:osThreadId:startTime:perfgate`: the
 * owner's process, its Node thread, a random id, its OS thread (so that a lock
 * left by a worker thread that died in a live process can be reclaimed) and its
 * process start time (so that a pid reused by another program is recognised).
 * Older locks hold only the first three fields. The checks go through a small
 * probe of the process table, /proc where it exists, so the rules are testable
 * with a fake one.
 */
import { existsSync, readFileSync, readlinkSync } from 'node:fs'
import { processAlive } from '../../locks/process-alive.js'

export interface LockOwner {
  pid: number
  thread: string
  /** OS thread id, when recorded (Linux). */
  tid?: number
  /** Process start time in clock ticks since boot, when recorded (Linux). */
  start?: string
}

export interface ProcessProbe {
  /** Whether a process with this pid exists. */
  alive(pid: number): boolean
  /** Its start time (field 22 of /proc/<pid>/stat), undefined where unknown. */
  startTime(pid: number): string | undefined
  /** Its command line, undefined where unknown. */
  cmdline(pid: number): string | undefined
  /** Whether its OS thread `tid` exists, undefined where unknown. */
  threadAlive(pid: number, tid: number): boolean | undefined
}

export const LOCK_MARKER = 'perfgate'

export function formatOwner(pid: number, thread: number, id: string, tid: number | undefined, start: string | undefined): string {
  return `${pid}:${thread}:${id}:${tid ?? ''}:${start ?? ''}:${LOCK_MARKER}`
}

export function parseOwner(content: string): LockOwner | undefined {
  const [pid, thread, , tid, start] = content.trim().split(':')
  const p = Number(pid)
  if (!Number.isInteger(p) || p <= 0) return undefined
  const t = Number(tid)
  return { pid: p, thread: thread ?? '', ...(tid && Number.isInteger(t) && t > 0 ? { tid: t } : {}), ...(start ? { start } : {}) }
}

/** How an owner is shown in messages. */
export function describeOwner(content: string): string {
  const owner = parseOwner(content)
  return owner ? `process ${owner.pid} (thread ${owner.thread})` : `an unknown owner (${JSON.stringify(content.slice(0, 80))})`
}

/** A command line that may hold perfgate's lock: a JavaScript runtime or a perfgate / vitest command. */
const JS_RUNTIME = /(^|[/\\\0])(node|nodejs|bun|deno)([^/\\\0]*)?(\0|$)|perfgate|vitest/i

/** Why the lock's owner is gone, or undefined while it may still be measuring. */
export function staleReason(content: string, probe: ProcessProbe): string | undefined {
  const owner = parseOwner(content)
  if (!owner) return 'it names no process'
  if (!probe.alive(owner.pid)) return `process ${owner.pid} has exited`
  if (owner.start !== undefined) {
    const start = probe.startTime(owner.pid)
    if (start !== undefined && start !== owner.start) return `pid ${owner.pid} now belongs to another process (started at ${start}, not ${owner.start})`
  } else {
    const cmd = probe.cmdline(owner.pid)
    if (cmd !== undefined && !JS_RUNTIME.test(cmd)) return `process ${owner.pid} is not perfgate's (${cmd.split('\0').join(' ').trim().slice(0, 60)})`
  }
  if (owner.tid !== undefined && probe.threadAlive(owner.pid, owner.tid) === false) return `thread ${owner.thread} of process ${owner.pid} has exited`
  return undefined
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The real process table: signal 0 for existence, /proc for the rest (undefined off Linux). */
export const systemProbe: ProcessProbe = {
  alive: processAlive,
  startTime(pid) {
    const stat = readProc(`/proc/${pid}/stat`)
    // the command name (field 2) may hold spaces and parentheses: count fields after its closing one
    return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  },
  cmdline(pid) {
    return readProc(`/proc/${pid}/cmdline`)
  },
  threadAlive(pid, tid) {
    if (!existsSync(`/proc/${pid}/task`)) return undefined
    return existsSync(`/proc/${pid}/task/${tid}`)
  },
}

/** This thread's OS thread id (Linux), undefined elsewhere. */
export function currentOsThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(tid) && tid > 0 ? tid : undefined
  } catch {
    return undefined
  }
}
