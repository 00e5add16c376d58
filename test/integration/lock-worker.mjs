/**
 * Worker script of machine-lock-owners.test.ts: takes the machine lock and
 * exits without releasing it, as a worker thread that crashed would.
 * Plain JavaScript, loading perfgate's source through tsx (see profile-worker.mjs).
 */
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { acquireMeasureLock } = await tsImport('../../src/measure/run/machine-lock.ts', import.meta.url)
await acquireMeasureLock()
parentPort.postMessage({ type: 'held' })
process.exit(0)
