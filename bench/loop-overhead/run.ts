/**
 * The run loop's overhead: `profile()`'s measuring loop (runLoop with the
 * hooks measureRuns gives it and the run function profile-model.ts builds:
 * `session.run` with a `.catch` that wraps failures) against a raw
 * `await session.run(feeds)` loop on the same session, interleaved in one
 * process. Each round makes `runs` runs with each loop and scores the wall
 * time per run, everything between the runs included (timers, CPU-time
 * reads, sample bookkeeping, the final summary); the verdict is the
 * ratio of perfgate's median to the raw loop's. The same rounds with the raw
 * loop against itself (A/A) show how far the machine's noise alone moves it.
 *
 *   npx tsx bench/loop-overhead/run.ts [rounds=50] [runs=2000]
 *
 * The workloads: the embedded classifier at the size whose raw run is
 * nearest 100 µs on this machine, and a one-channel classifier at 4x4
 * (generated in memory) for the shortest run onnxruntime does here (about
 * 25 µs on a quiet machine; more under load). The actual run times are printed.
 */
import ort from 'onnxruntime-node'
import { buildClassifier } from '../models/generator/classifier.js'
import { perfgateError } from '../../src/errors.js'
import { PeakMemory } from '../../src/measure/run/memory.js'
import { runLoop, type LoopOptions } from '../../src/measure/run/run-loop.js'
import { interleave, median, showRatios } from './rounds.js'

const [rounds = 50, runs = 2000] = process.argv.slice(2).map(Number)
const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1 }

interface Workload {
  label: string
  session: ort.InferenceSession
  feeds: Record<string, ort.Tensor>
}

const pixels = (size: number) => ({ pixel_values: new ort.Tensor('float32', new Float32Array(3 * size * size).fill(0.5), [1, 3, size, size]) })

async function rawMicros(w: Workload, n: number): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await w.session.run(w.feeds)
  return ((performance.now() - t0) * 1000) / n
}

/** The embedded classifier at the square size whose raw run time is nearest `targetUs`. */
async function classifierNear(targetUs: number): Promise<Workload> {
  const session = await ort.InferenceSession.create('bench/models/classifier.onnx', options)
  let best: Workload | undefined
  let bestGap = Infinity
  for (const size of [8, 16, 24, 32, 40, 48, 64]) {
    const w = { label: `classifier.onnx at ${size}x${size}`, session, feeds: pixels(size) }
    await rawMicros(w, 200)
    const gap = Math.abs(Math.log(median([await rawMicros(w, 300), await rawMicros(w, 300), await rawMicros(w, 300)]) / targetUs))
    if (gap < bestGap) [best, bestGap] = [w, gap]
  }
  return best!
}

async function tiny(): Promise<Workload> {
  const session = await ort.InferenceSession.create(buildClassifier({ channels: 1, classes: 2 }), options)
  return { label: 'one-channel classifier at 4x4', session, feeds: pixels(4) }
}

for (const w of [await classifierNear(100), await tiny()]) {
  // as profile-model.ts builds it
  const run = () =>
    w.session.run(w.feeds).catch((err: unknown) => {
      throw perfgateError('RUN_FAILED', { what: `session.run on ${w.label}`, detail: (err as Error).message }, err)
    })
  const loop: LoopOptions = { warmup: 0, warmupTimeMs: 0, runs, minTimeMs: 0, maxRuns: runs }
  let reportedP50 = 0
  const perfgate = async () => {
    // the hooks measureRuns gives the loop; the peak tracker's set-up (a /proc write) happens once per profile, outside the loop
    const peak = new PeakMemory()
    const t0 = performance.now()
    const samples = await runLoop(run, loop, { afterRun: () => peak.sample() })
    const us = ((performance.now() - t0) * 1000) / runs
    reportedP50 = median(samples.latency) * 1000
    return us
  }
  const raw = () => rawMicros(w, runs)
  for (let i = 0; i < 5; i++) {
    await perfgate()
    await raw()
  }
  const r = await interleave(rounds, perfgate, raw)
  const aa = await interleave(rounds, raw, raw)
  console.log(`${w.label}: ${runs} runs per loop and round, ${rounds} rounds interleaved`)
  console.log(
    `  wall per run: perfgate's loop ${median(r.a).toFixed(1)} µs, raw loop ${median(r.b).toFixed(1)} µs (last reported p50 ${reportedP50.toFixed(1)} µs)`,
  )
  console.log(`  ratio (perfgate / raw): ${showRatios(r)}`)
  console.log(`  noise floor (raw / raw): ${showRatios(aa)}`)
  await w.session.release()
}
