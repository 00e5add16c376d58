/**
 * What a load-test worker runs per request, by job kind. A job is plain data
 * (it crosses into a worker thread); each kind builds its own runner there.
 * `model` runs one `session.run`; further kinds (a generation) add a case
 * here and may report extra per-request figures.
 */
import ort from 'onnxruntime-node'
import { generateFeeds } from './feeds.js'
import type { RequestExtra } from './load-loop.js'

/** A tensor as plain data. */
export interface TensorData {
  type: ort.Tensor.Type
  data: ort.Tensor.DataType
  dims: readonly number[]
}

export interface ModelJob {
  kind: 'model'
  /** Absolute path. */
  model: string
  session: ort.InferenceSession.SessionOptions
  dims: Record<string, number>
  seed: number
  intMax: number
  feeds?: Record<string, TensorData>
}

export type LoadJob = ModelJob

export interface RequestRunner {
  /** Session creation time, ms. */
  loadMs: number
  request(): Promise<RequestExtra>
  close(): Promise<void>
}

export async function createRunner(job: LoadJob): Promise<RequestRunner> {
  switch (job.kind) {
    case 'model': {
      const t0 = performance.now()
      const session = await ort.InferenceSession.create(job.model, job.session)
      const loadMs = performance.now() - t0
      const feeds = job.feeds
        ? Object.fromEntries(Object.entries(job.feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data as never, t.dims)]))
        : generateFeeds(session.inputMetadata, { dims: job.dims, seed: job.seed, intMax: job.intMax }).feeds
      return {
        loadMs,
        request: async () => {
          await session.run(feeds)
        },
        close: () => session.release(),
      }
    }
    default:
      throw new Error(`unknown load job kind ${(job as { kind: unknown }).kind}`)
  }
}
