/**
 * Worker script of machine-lock.test.ts: profiles one model in a worker thread
 * and posts back the measurement window. Plain JavaScript, because a worker
 * cannot load TypeScript itself; perfgate's source is loaded through tsx, so
 * the test measures the code under test, not a possibly stale dist/.
 *
 * Messages: { type: 'ready' } right before it asks for the machine, then
 * { type: 'result', window, n, lockFile }.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { profile } = await tsImport('../../src/measure/profile.ts', import.meta.url)
const { lockFilePath } = await tsImport('../../src/measure/run/machine-lock.ts', import.meta.url)

parentPort.postMessage({ type: 'ready' })
const result = await profile(workerData.model, workerData.options)
parentPort.postMessage({ type: 'result', window: result.window, n: result.latency.n, lockFile: lockFilePath() })
