/**
 * Reads onnxruntime's profiler output (Chrome trace JSON: an array of
 * complete events with `ts` and `dur` in microseconds) into an op table.
 *
 * - `model_run` events (cat `Session`) are the runs, in time order; the first
 *   `skipRuns` are the profiling session's warm-up and are left out, with
 *   every kernel that ran inside them. So are disturbed runs: those longer than
 *   `outlierFactor` x the median run (a preempted thread on a busy machine
 *   adds milliseconds to one kernel, enough to reorder a small model's table).
 * - Kernel events (cat `Node`, name `<node>_kernel_time`) carry the operator
 *   type (`args.op_name`) and the provider; their `dur` is the kernel time.
 * - share = kernel time / the measured runs' total time (a parallel executor
 *   can overlap kernels, so shares may then add up to more than 1).
 *
 * Pure: the I/O (running the profiled session, finding the file) is in op-profile.ts.
 */
import { percentile, sortSamples } from '../../stats/index.js'
import type { OpProfile, OpTime } from '../../types/index.js'

/** Nodes kept in `byNode`, unless the caller asks for another number. */
export const DEFAULT_TOP_NODES = 15

/** Runs longer than this many times the median run are left out as disturbed. */
export const DEFAULT_OUTLIER_FACTOR = 2

interface TraceEvent {
  cat?: unknown
  name?: unknown
  ts?: unknown
  dur?: unknown
  args?: { op_name?: unknown; provider?: unknown }
}

const KERNEL_SUFFIX = '_kernel_time'

function events(trace: unknown): TraceEvent[] {
  if (Array.isArray(trace)) return trace as TraceEvent[]
  if (trace && typeof trace === 'object' && Array.isArray((trace as { traceEvents?: unknown }).traceEvents)) {
    return (trace as { traceEvents: TraceEvent[] }).traceEvents
  }
  throw new TypeError('the profile is not a Chrome trace (a JSON array of events)')
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : NaN)

function byTotalDesc(a: OpTime, b: OpTime): number {
  return b.totalMs - a.totalMs || (a.node ?? a.opType).localeCompare(b.node ?? b.opType)
}

/**
 * @throws TypeError when the trace is not an array of events or holds no run after `skipRuns`
 */
export function parseOrtProfile(trace: unknown, opts: { skipRuns?: number; top?: number; outlierFactor?: number } = {}): OpProfile {
  const skip = opts.skipRuns ?? 0
  const top = opts.top ?? DEFAULT_TOP_NODES
  const outlierFactor = opts.outlierFactor ?? DEFAULT_OUTLIER_FACTOR
  const all = events(trace)
  const measured = all
    .filter((e) => e.cat === 'Session' && e.name === 'model_run' && Number.isFinite(num(e.ts)) && Number.isFinite(num(e.dur)))
    .map((e) => ({ start: num(e.ts), end: num(e.ts) + num(e.dur) }))
    .sort((a, b) => a.start - b.start)
    .slice(skip)
  if (measured.length === 0) throw new TypeError(`the profile holds no model_run event after the ${skip} warm-up runs`)
  const median = percentile(sortSamples(measured.map((x) => x.end - x.start)), 50)
  const runs = measured.filter((x) => x.end - x.start <= outlierFactor * median)
  const kernels = all
    .filter(
      (e) => e.cat === 'Node' && typeof e.name === 'string' && e.name.endsWith(KERNEL_SUFFIX) && Number.isFinite(num(e.ts)) && Number.isFinite(num(e.dur)),
    )
    .sort((a, b) => num(a.ts) - num(b.ts))

  const byType = new Map<string, { calls: number; us: number }>()
  const byNode = new Map<string, { opType: string; provider?: string; calls: number; us: number }>()
  let r = 0
  for (const k of kernels) {
    const ts = num(k.ts)
    while (r < runs.length && runs[r]!.end < ts) r++
    if (r === runs.length) break
    if (ts < runs[r]!.start) continue // inside a skipped warm-up run, or between runs
    const node = (k.name as string).slice(0, -KERNEL_SUFFIX.length)
    const opType = typeof k.args?.op_name === 'string' ? k.args.op_name : 'unknown'
    const dur = num(k.dur)
    const t = byType.get(opType) ?? { calls: 0, us: 0 }
    t.calls++
    t.us += dur
    byType.set(opType, t)
    const n = byNode.get(node) ?? { opType, ...(typeof k.args?.provider === 'string' ? { provider: k.args.provider } : {}), calls: 0, us: 0 }
    n.calls++
    n.us += dur
    byNode.set(node, n)
  }
  const runMs = runs.reduce((s, x) => s + (x.end - x.start), 0) / 1000
  const row = (calls: number, us: number) => ({
    calls,
    totalMs: us / 1000,
    meanMs: calls > 0 ? us / 1000 / calls : 0,
    share: runMs > 0 ? us / 1000 / runMs : 0,
  })
  return {
    runs: runs.length,
    ...(measured.length > runs.length ? { droppedRuns: measured.length - runs.length } : {}),
    runMs,
    byType: [...byType].map(([opType, t]): OpTime => ({ opType, ...row(t.calls, t.us) })).sort(byTotalDesc),
    byNode: [...byNode]
      .map(([node, n]): OpTime => ({ opType: n.opType, node, ...(n.provider ? { provider: n.provider } : {}), ...row(n.calls, n.us) }))
      .sort(byTotalDesc)
      .slice(0, top),
  }
}
