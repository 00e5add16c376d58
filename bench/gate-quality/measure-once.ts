/**
 * One fresh measurement for the gate-quality benchmark, in its own process:
 * the classifier at the given width, profiled with perfgate's defaults and
 * then with the recommended CI settings (`sessions: 6, calibrate: true`).
 * Prints one JSON line: both baseline entries and the time each profile took.
 */
import { entryFromProfile } from '../../src/baseline/entry.js'
import { profile } from '../../src/measure/profile.js'
import type { ProfileOptions } from '../../src/measure/run/options.js'

const [width, threads] = process.argv.slice(2).map(Number)
const base: ProfileOptions = { dims: { height: 128, width: width ?? 128 }, session: threads ? { intraOpNumThreads: threads } : {} }

async function measure(options: ProfileOptions) {
  const t0 = performance.now()
  const r = await profile('bench/models/classifier.onnx', options)
  return { entry: entryFromProfile(r, 'gate-quality'), profileMs: performance.now() - t0 }
}

const plain = await measure(base)
const ci = await measure({ ...base, sessions: 6, calibrate: true })
console.log(JSON.stringify({ plain, ci }))
