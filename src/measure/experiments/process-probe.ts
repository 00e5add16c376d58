/**
 * A fresh process's view of one model: session creation time, the first run,
 * RSS before and after load and the peak during a few runs. Load time and
 * memory belong to a process (a second session in the same process finds the
 * file cached and the allocator warm, and RSS never shrinks back), so a model
 * comparison measures them here, one process per sample.
 *
 * Runs as the main module of a child process started by `probeInFreshProcess`
 * (the job is the last command-line argument, the figures one JSON line on
 * stdout); importing it anywhere else does nothing.
 */
import ort from 'onnxruntime-node'
import type { SpawnOptions } from 'node:child_process'
import { generateFeeds } from '../inputs/feeds.js'
import { PeakMemory, rssMB } from '../run/memory.js'
import { siblingModule, spawnModule } from '../load/module-runner.js'

export interface ProbeJob {
  model: string
  session: ort.InferenceSession.SessionOptions
  dims: Record<string, number>
  seed: number
  intMax: number
  /** Warm runs after the first one, for the peak. */
  runs: number
}

export interface ProbeFigures {
  loadMs: number
  firstRunMs: number
  rssBeforeLoadMB: number
  rssAfterLoadMB: number
  peakRssMB: number
  peakDeltaMB: number
  peakSource: 'vmhwm' | 'sampled'
}

const ENV_FLAG = 'PERFGATE_PROCESS_PROBE'

async function probe(job: ProbeJob): Promise<ProbeFigures> {
  const rssBeforeLoadMB = rssMB()
  const t0 = performance.now()
  const session = await ort.InferenceSession.create(job.model, job.session)
  const loadMs = performance.now() - t0
  const rssAfterLoadMB = rssMB()
  const { feeds } = generateFeeds(session.inputMetadata, { dims: job.dims, seed: job.seed, intMax: job.intMax })
  const f0 = performance.now()
  await session.run(feeds)
  const firstRunMs = performance.now() - f0
  const peak = new PeakMemory()
  for (let i = 0; i < job.runs; i++) {
    await session.run(feeds)
    peak.sample()
  }
  const peakRssMB = Math.max(peak.peak(), rssAfterLoadMB)
  await session.release()
  return { loadMs, firstRunMs, rssBeforeLoadMB, rssAfterLoadMB, peakRssMB, peakDeltaMB: peakRssMB - rssBeforeLoadMB, peakSource: peak.source }
}

/** Runs the probe in a fresh Node process and returns its figures; rejects with the child's own message. */
export function probeInFreshProcess(job: ProbeJob, timeoutMs = 120_000): Promise<ProbeFigures> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnModule(siblingModule(import.meta.url, 'process-probe'), JSON.stringify(job), { ...process.env, [ENV_FLAG]: '1' } as SpawnOptions['env'] &
      object)
    let out = ''
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (err += d))
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = out.trim().split('\n').pop() ?? ''
      if (code === 0 && line.startsWith('{')) return resolvePromise(JSON.parse(line) as ProbeFigures)
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${timeoutMs} ms` : ''}` : `exit code ${code}`
      reject(
        new Error(
          `${
            err
              .trim()
              .split('\n')
              .filter((l) => !/^\s+at /.test(l))
              .slice(-3)
              .join(' ') || 'no output'
          } (${why})`,
        ),
      )
    })
  })
}

if (process.env[ENV_FLAG] === '1' && process.argv.length > 1) {
  delete process.env[ENV_FLAG]
  probe(JSON.parse(process.argv.at(-1)!) as ProbeJob).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = 1
    },
  )
}
