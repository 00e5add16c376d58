/**
 * The run loop's overhead: `profile()`'s measured runs (measureRuns: the
 * first run, the default warm-up, the peak-memory tracker and contention
 * reads, the measuring loop) on the run function profile-model.ts builds
 * (`session.run`; a failure is named around the whole loop), against a raw
 * `await session.run(feeds)` loop on the same session making as many runs,
 * interleaved in one process. Each round scores the wall time per run of
 * each, everything between the runs included (timers, CPU-time reads,
 * sample bookkeeping, the final summary); the verdict is the ratio of
 * perfgate's median to the raw loop's. The same rounds with the raw loop
 * against itself (A/A) show how far the machine's noise alone moves it.
 *
 *   npx tsx bench/loop-overhead/run.ts [rounds=30] [runs=10000]
 *
 * The workloads: the embedded classifier at the sizes whose raw run is
 * nearest 100 µs and 25 µs on this machine, and a one-channel classifier at
 * 4x4 (generated in memory) for the shortest run onnxruntime does here. The
 * actual run times are printed, and how often the loop read the CPU time
 * (runs too short for a read each get one in n; see run-loop.ts).
 */
import ort from 'onnxruntime-node'
import { buildClassifier } from '../models/generator/classifier.js'
import { measureRuns } from '../../src/measure/run/measure-runs.js'
import { LOOP_DEFAULTS, type ResolvedLoop } from '../../src/measure/run/options.js'
import { interleave, median, showRatios } from './rounds.js'

// 10,000 measured runs: where profile()'s defaults stop for runs up to 100 µs (maxRuns, before or at minTime's 1 s)
const [rounds = 30, runs = LOOP_DEFAULTS.maxRuns] = process.argv.slice(2).map(Number)
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

for (const w of [await classifierNear(100), await classifierNear(25), await tiny()]) {
  // as profile-model.ts builds it (a failure is named once, around the whole loop)
  const run = () => w.session.run(w.feeds)
  // profile()'s default loop (its warm-up also times a CPU-time read against a run), stopped at `runs` measured runs
  // by maxRuns, as a profile of short runs stops by its time
  const loop: ResolvedLoop = { ...LOOP_DEFAULTS, minTimeMs: 1e9, maxRuns: runs }
  const total = 1 + loop.warmup + runs
  let reportedP50 = 0
  let cpuEvery = 1
  const perfgate = async () => {
    // profile()'s measured runs as it makes them: the first run, the peak-memory tracker, the contention reads, the loop
    const t0 = performance.now()
    const measured = await measureRuns(run, loop)
    const us = ((performance.now() - t0) * 1000) / total
    reportedP50 = median(measured.samples.latency) * 1000
    cpuEvery = measured.samples.cpuEvery
    return us
  }
  const raw = () => rawMicros(w, total)
  for (let i = 0; i < 5; i++) {
    await perfgate()
    await raw()
  }
  const r = await interleave(rounds, perfgate, raw)
  const aa = await interleave(rounds, raw, raw)
  console.log(`${w.label}: ${runs} runs per loop and round, ${rounds} rounds interleaved`)
  console.log(
    `  wall per run: perfgate's loop ${median(r.a).toFixed(1)} µs, raw loop ${median(r.b).toFixed(1)} µs (last reported p50 ${reportedP50.toFixed(1)} µs; CPU time read on ${cpuEvery === 1 ? 'every run' : `1 run in ${cpuEvery}`})`,
  )
  console.log(`  ratio (perfgate / raw): ${showRatios(r)}`)
  console.log(`  noise floor (raw / raw): ${showRatios(aa)}`)
  await w.session.release()
}
