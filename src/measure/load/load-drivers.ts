/**
 * The load generators of `profile.load`, one level at a time: worker threads each holding its own session
 * (a model), or async calls in this thread (a function). Both stop a level that outlives its wait.
 */
import type { Worker } from 'node:worker_threads'
import { perfgateError } from '../../errors.js'
import { runRequestLoop, type LoopOutcome, type LoopPlan, type RequestExtra } from './load-loop.js'
import type { LoadJob } from './load-runners.js'
import { siblingModule, startModuleWorker } from './module-runner.js'

/** Drives one level: returns each load generator's outcome. */
export interface Driver {
  level(concurrency: number, plan: (i: number) => LoopPlan, waitMs: number): Promise<LoopOutcome[]>
  close(): Promise<void>
}

/** Asks every worker still running to stop, and terminates one that has not exited within 2 s. */
async function stopWorkers(workers: readonly Worker[], exited: ReadonlySet<Worker>): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      if (exited.has(w)) return
      const gone = new Promise<void>((r) => w.once('exit', () => r()))
      w.postMessage({ type: 'stop' })
      const timer = setTimeout(() => void w.terminate(), 2000)
      await gone
      clearTimeout(timer)
    }),
  )
}

/** Runs one level on the first `concurrency` workers; fails when one errs or outlives `waitMs`. */
async function workerLevel(
  workers: readonly Worker[],
  failed: (detail: string) => Error,
  concurrency: number,
  plan: (i: number) => LoopPlan,
  waitMs: number,
): Promise<LoopOutcome[]> {
  const active = workers.slice(0, concurrency)
  const timers: NodeJS.Timeout[] = []
  try {
    return await Promise.all(
      active.map(
        (w, i) =>
          new Promise<LoopOutcome>((res, rej) => {
            const onMessage = (m: { type: string; outcome?: LoopOutcome }) => {
              if (m.type !== 'level-done') return
              w.off('message', onMessage)
              res(m.outcome!)
            }
            w.on('message', onMessage)
            w.once('error', (e) => rej(failed(e.message)))
            timers.push(setTimeout(() => rej(perfgateError('LOAD_WORKER_STUCK', { level: concurrency, waitedMs: waitMs })), waitMs))
            w.postMessage({ type: 'level', plan: plan(i) })
          }),
      ),
    )
  } finally {
    for (const t of timers) clearTimeout(t)
  }
}

/** Worker threads, each with its own session, started once for every level. */
export async function workerDriver(
  job: LoadJob,
  count: number,
  warmup: number,
  model: string,
  progress?: (m: string) => void,
): Promise<Driver & { loadMs: number[] }> {
  const workers: Worker[] = []
  const exited = new Set<Worker>()
  const stopAll = () => stopWorkers(workers, exited)
  const failed = (detail: string) => perfgateError('LOAD_WORKER_FAILED', { model, detail })
  let loadMs: number[]
  try {
    progress?.(`load: starting ${count} worker${count === 1 ? '' : 's'}`)
    const module = siblingModule(import.meta.url, 'load-worker')
    loadMs = await Promise.all(
      Array.from({ length: count }, () => {
        const w = startModuleWorker(module, { perfgateLoadJob: job, warmup })
        workers.push(w)
        w.once('exit', () => exited.add(w))
        return new Promise<number>((res, rej) => {
          w.once('message', (m: { type: string; loadMs?: number; message?: string }) =>
            m.type === 'ready' ? res(m.loadMs!) : rej(failed(m.message ?? 'it did not start')),
          )
          w.once('error', (e) => rej(failed(e.message)))
          w.once('exit', (code) => rej(failed(`it exited with code ${code} before it was ready`)))
        })
      }),
    )
  } catch (err) {
    await stopAll()
    throw err
  }
  return {
    loadMs,
    close: stopAll,
    level: (concurrency, plan, waitMs) => workerLevel(workers, failed, concurrency, plan, waitMs),
  }
}

/** Async calls in this thread. */
export function functionDriver(fn: () => unknown): Driver {
  const request = async (): Promise<RequestExtra> => {
    await fn()
  }
  return {
    async level(concurrency, plan, waitMs) {
      let timer: NodeJS.Timeout | undefined
      const stuck = new Promise<never>((_, rej) => {
        timer = setTimeout(() => rej(perfgateError('LOAD_WORKER_STUCK', { level: concurrency, waitedMs: waitMs })), waitMs)
      })
      try {
        return await Promise.race([Promise.all(Array.from({ length: concurrency }, (_, i) => runRequestLoop(request, plan(i)))), stuck])
      } finally {
        clearTimeout(timer)
      }
    },
    close: async () => undefined,
  }
}
