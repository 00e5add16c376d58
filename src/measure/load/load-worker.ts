/**
 * A load-test worker thread: builds its runner (its own onnxruntime session),
 * warms up, then runs one level at a time when asked, and reports each
 * level's requests. Started by load.ts through module-runner.ts; importing it
 * on the main thread does nothing.
 *
 * Messages in: { type: 'level', plan } | { type: 'stop' }.
 * Messages out: { type: 'ready', loadMs } | { type: 'failed', message } | { type: 'level-done', outcome }.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { runRequestLoop, type LoopPlan } from './load-loop.js'
import { createRunner, type LoadJob } from './load-runners.js'

export interface LoadWorkerData {
  perfgateLoadJob: LoadJob
  warmup: number
}

async function main(port: NonNullable<typeof parentPort>, data: LoadWorkerData): Promise<void> {
  let runner
  try {
    runner = await createRunner(data.perfgateLoadJob)
    for (let i = 0; i < data.warmup; i++) await runner.request()
  } catch (err) {
    port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
    await runner?.close().catch(() => undefined)
    port.close()
    return
  }
  const r = runner
  port.on('message', (msg: { type: 'level'; plan: LoopPlan } | { type: 'stop' }) => {
    if (msg.type === 'stop') {
      void r
        .close()
        .catch(() => undefined)
        .then(() => port.close())
      return
    }
    void runRequestLoop(() => r.request(), msg.plan).then((outcome) => port.postMessage({ type: 'level-done', outcome }))
  })
  port.postMessage({ type: 'ready', loadMs: r.loadMs })
}

const data = workerData as LoadWorkerData | undefined
if (!isMainThread && parentPort && data?.perfgateLoadJob) void main(parentPort, data)
