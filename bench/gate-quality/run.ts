/**
 * Gate quality, measured: repeated fresh measurements (one process each, in
 * interleaved order) of the project's classifier at 128x128 (A), at 128x141
 * (about +10% compute) and at 128x160 (+25%), each profiled with perfgate's
 * defaults and with the recommended CI settings; then every rule applied to
 * A/A pairs (false alarms) and A/B pairs (detections).
 *
 *   npx tsx bench/gate-quality/run.ts [rounds=20] [threads=1] [--busy K] [--reuse | --reuse=FILE] [--all]
 *
 * `--busy K` runs K CPU-bound processes beside the measurements for their
 * whole duration (killed at the end, also on failure or Ctrl-C), as a busy CI
 * runner or other test files would; the output and the saved run record K.
 *
 * Each round measures A twice, +10% once and +25% once. Pairs are all ordered
 * pairs of distinct independent measurements, so rates have finer resolution
 * than the number of rounds (they are not independent trials).
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import type { BaselineEntry } from '../../src/types/index.js'
import { poolEntries } from '../../src/compare/pool-entries.js'
import { summarize } from '../../src/stats/index.js'
import { parseBusy, positionalArgs, startBusyLoad } from './busy-load.js'
import { MORE_RULES, RULES, type Rule } from './rules.js'

interface Profiled {
  entry: BaselineEntry
  profileMs: number
}
type Measurement = Record<Rule['on'], Profiled>

const argv = process.argv.slice(2)
const args = positionalArgs(argv)
const busy = (() => {
  try {
    return parseBusy(argv)
  } catch (err) {
    // a usage error: the message names the argument and the fix, no stack trace
    process.stderr.write(`${(err as Error).message}\n`)
    process.exit(2)
  }
})()
const rounds = Number(args[0] ?? 20)
const threads = Number(args[1] ?? 1)
const root = fileURLToPath(new URL('../../', import.meta.url))
const script = fileURLToPath(new URL('./measure-once.ts', import.meta.url))
const tsx = `${root}node_modules/tsx/dist/cli.mjs`

// asynchronous, so that a Ctrl-C reaches the busy load's handler at once
async function measure(width: number): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, script, String(width), String(threads)], { cwd: root, encoding: 'utf8' })
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measurement
}

// `--reuse` scores the rules again on the measurements of the last run (saved next to this file, git-ignored),
// `--reuse=FILE` on those saved in FILE (a copy of an earlier run's)
const reuseArg = process.argv.find((a) => a.startsWith('--reuse'))
const saved = reuseArg?.startsWith('--reuse=') ? reuseArg.slice('--reuse='.length) : fileURLToPath(new URL('./.last-run.json', import.meta.url))
let base: Measurement[] = []
let plus10: Measurement[] = []
let plus25: Measurement[] = []
let measuredThreads = threads
let measuredBusy = busy
if (reuseArg) {
  let savedBusy: number | undefined
  ;({
    base,
    plus10,
    plus25,
    threads: measuredThreads,
    busy: savedBusy,
  } = JSON.parse(readFileSync(saved, 'utf8')) as {
    base: Measurement[]
    plus10: Measurement[]
    plus25: Measurement[]
    threads: number
    busy?: number
  })
  // runs saved before --busy existed had none
  measuredBusy = savedBusy ?? 0
} else {
  const load = startBusyLoad(busy)
  if (busy > 0) process.stderr.write(`busy load: ${busy} CPU-bound process${busy === 1 ? '' : 'es'} (pid ${load.pids.join(', ')})\n`)
  try {
    for (let i = 0; i < rounds; i++) {
      base.push(await measure(128))
      plus10.push(await measure(141))
      base.push(await measure(128))
      plus25.push(await measure(160))
      process.stderr.write(`round ${i + 1}/${rounds}\n`)
    }
  } finally {
    await load.stop()
  }
  writeFileSync(saved, JSON.stringify({ threads, busy, base, plus10, plus25 }))
}

/** How often a rule alarmed, stayed unresolved, and the median measurements and time (CI profiles) to its verdict. */
interface Score {
  alarms: number
  unresolved: number
  measurements: number
  seconds: number
}

/**
 * A rule over pairs (baseline, current) drawn from `variant`. The baseline is the pair's baseline
 * measurement pooled with the next `rule.recordedFrom - 1` measurements of A (never the pair's current),
 * as the matcher records a new entry. When the rule asks for more measurements of the current variant
 * (`more`), it gets the variant's other measurements in order after the current one (never one of the
 * baseline's): fresh measurements of the same code, as the matcher's confirmation takes.
 */
async function score(pairs: [Measurement, Measurement][], variant: Measurement[], rule: Rule): Promise<Score> {
  let alarms = 0
  let unresolved = 0
  const counts: number[] = []
  const times: number[] = []
  const after = (list: Measurement[], m: Measurement) => [...list.slice(list.indexOf(m) + 1), ...list.slice(0, list.indexOf(m))]
  for (const [b, c] of pairs) {
    const recorded = [b, ...after(base, b).filter((m) => m !== c)].slice(0, rule.recordedFrom ?? 1)
    if (recorded.length < (rule.recordedFrom ?? 1)) throw new Error('gate-quality: too few measurements of A to record a pooled baseline')
    const others = after(variant, c).filter((m) => !recorded.includes(m))
    const used = [c]
    const more = () => {
      const next = others[used.length - 1]
      if (!next) throw new Error('gate-quality: too few measurements for the confirmation budget')
      used.push(next)
      return next[rule.on].entry
    }
    const baseline = poolEntries(recorded.map((m) => m[rule.on].entry))
    const judged = await rule.judge(baseline, c[rule.on].entry, more)
    if (judged.outcome === 'alarm') alarms++
    if (judged.outcome === 'unresolved') unresolved++
    counts.push(judged.measurements)
    times.push(used.reduce((a, m) => a + m.ci.profileMs, 0) / 1000)
  }
  return { alarms: alarms / pairs.length, unresolved: unresolved / pairs.length, measurements: median(counts), seconds: median(times) }
}

const aa: [Measurement, Measurement][] = []
for (const b of base) for (const c of base) if (b !== c) aa.push([b, c])
const ab = (variants: Measurement[]) => base.flatMap((b) => variants.map((c) => [b, c] as [Measurement, Measurement]))
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p50 = (ms: Measurement[], on: Rule['on']) => median(ms.map((m) => m[on].entry.metrics['latency.p50']!))
const slowdown = (ms: Measurement[]) => `+${((p50(ms, 'plain') / p50(base, 'plain') - 1) * 100).toFixed(1)}%`
const cpuP50 = (m: Measurement) => median(m.ci.entry.samples.cpu!)
const cpuSlowdown = (ms: Measurement[]) => `+${((median(ms.map(cpuP50)) / median(base.map(cpuP50)) - 1) * 100).toFixed(1)}%`
const spread = (xs: number[]) => `${(summarize(xs.map(Math.log)).sd * 100).toFixed(1)}%`
const disturbed = (ms: Measurement[]) => pct(median(ms.map((m) => m.ci.entry.disturbance?.share ?? 0)))

console.log(
  `gate quality: ${base.length / 2} rounds, plain profiles on intraOpNumThreads ${measuredThreads || 'default'}, ` +
    `busy load ${measuredBusy} CPU-bound process${measuredBusy === 1 ? '' : 'es'}, ${base.length} A + ${plus10.length} (+10%) + ${plus25.length} (+25%) measurements`,
)
console.log(
  `measured slowdown of the variants (median p50 ratio, plain): ${slowdown(plus10)}, ${slowdown(plus25)}; CPU time (gate defaults): ${cpuSlowdown(plus10)}, ${cpuSlowdown(plus25)}`,
)
console.log(
  `spread of A's median (sd of its log): plain ${spread(base.map((m) => m.plain.entry.metrics['latency.p50']!))}, ` +
    `gate defaults wall ${spread(base.map((m) => m.ci.entry.metrics['latency.p50']!))}, CPU time ${spread(base.map(cpuP50))}; ` +
    `median share of disturbed runs ${disturbed(base)}`,
)
console.log(
  `median time of one profile: plain ${(median(base.map((m) => m.plain.profileMs)) / 1000).toFixed(2)} s, gate defaults ${(median(base.map((m) => m.ci.profileMs)) / 1000).toFixed(2)} s`,
)
console.log(`pairs: ${aa.length} A/A, ${ab(plus10).length} A/+10%, ${ab(plus25).length} A/+25%\n`)
console.log(
  '| rule | false alarms (A/A) | unresolved A/A | detected +10% | unresolved +10% | detected +25% | unresolved +25% | measurements, time to a verdict (median, A/A) |',
)
console.log('|---|---|---|---|---|---|---|---|')
const scored = process.argv.includes('--all') ? { ...RULES, ...MORE_RULES } : RULES
for (const [name, rule] of Object.entries(scored)) {
  const [x, y, z] = [await score(aa, base, rule), await score(ab(plus10), plus10, rule), await score(ab(plus25), plus25, rule)]
  console.log(
    `| ${name} | ${pct(x.alarms)} | ${pct(x.unresolved)} | ${pct(y.alarms)} | ${pct(y.unresolved)} | ${pct(z.alarms)} | ${pct(z.unresolved)} | ${x.measurements}, ${x.seconds.toFixed(2)} s |`,
  )
}
