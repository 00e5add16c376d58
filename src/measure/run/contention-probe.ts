/**
 * Reads the machine's contention at session boundaries (Linux /proc; elsewhere
 * what os offers): the run-queue wait of this process's threads and the
 * runnable tasks beside it. Each read costs tens of microseconds (a directory
 * listing and a file per thread), which is why the run loop never calls these
 * between runs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'

/** Total time this process's threads waited on a run queue, ms (schedstat's second field); undefined where unreadable. */
export function runQueueWaitMs(): number | undefined {
  try {
    let ns = 0
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        ns += Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[1])
      } catch {
        // a thread that ended between the listing and the read waited no more
      }
    }
    return Number.isFinite(ns) ? ns / 1e6 : undefined
  } catch {
    return undefined
  }
}

/** Runnable tasks other than this reader: /proc/loadavg's "running/total" minus one, or the 1-minute load average. */
export function runnableLoad(): number {
  try {
    const running = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0])
    if (Number.isInteger(running) && running >= 1) return running - 1
  } catch {
    // not Linux: the load average below
  }
  return loadavg()[0] ?? 0
}

/** The cores perfgate may use (affinity and cgroup limits included, as Node sees them). */
export function usableCores(): number {
  return availableParallelism()
}
