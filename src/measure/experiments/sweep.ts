/**
 * `profile.sweep(target, { over: { axis: [values] } })`: one profile per value
 * of one axis (a symbolic input dimension, a session option, or an argument of
 * a measured function), in the given order, each holding the machine on its
 * own, then the scaling columns (speedup, efficiency, where it flattens).
 *
 * `runSweep` is the engine: it takes a "measure one point" function, so other
 * measures (a generation's prompt length or maxNewTokens) plug in with their
 * own throughput.
 */
import { perfgateError } from '../../errors.js'
import { SWEEP_SPEC } from '../../options/experiment-specs.js'
import { validateOptions } from '../../options/validate-options.js'
import { DEFAULT_FLAT_BELOW, scalingOf } from '../../compare/scaling.js'
import type { ProfileResult, SweepAxisKind, SweepPoint, SweepResult, SweepValue } from '../../types/index.js'
import { BATCH_DIM_NAMES } from '../inputs/feeds.js'
import type { ProfileOptions } from '../run/options.js'
import { profileFunction } from '../run/profile-function.js'
import { profileModel } from '../model/profile-model.js'

/** Session options a sweep can vary, with the values each accepts. */
export const SESSION_AXES: Readonly<Record<string, (v: unknown) => boolean>> = {
  intraOpNumThreads: (v) => Number.isInteger(v) && (v as number) >= 0,
  interOpNumThreads: (v) => Number.isInteger(v) && (v as number) >= 0,
  graphOptimizationLevel: (v) => ['disabled', 'basic', 'extended', 'layout', 'all'].includes(v as string),
  executionMode: (v) => v === 'sequential' || v === 'parallel',
  executionProviders: (v) => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')),
  enableCpuMemArena: (v) => typeof v === 'boolean',
  enableMemPattern: (v) => typeof v === 'boolean',
}

/** A function sweep's target: builds the function to measure for one point, e.g. `({ batch }) => () => pipeline(batch)`. */
export type SweepFunctionFactory = (point: Record<string, SweepValue>) => (() => unknown) | Promise<() => unknown>

export interface SweepOptions extends ProfileOptions {
  /** The axis and its values, one axis per sweep: `{ batch: [1, 4, 8, 16] }`, `{ intraOpNumThreads: [1, 2, 4] }`. */
  over: Record<string, readonly SweepValue[]>
  /**
   * Options that change with the point, merged over the others (`dims` and `session` key by key), e.g. for a
   * decoder: `pointOptions: (past) => ({ dims: { total_sequence_length: Number(past) + 1 } })`. @default none
   */
  pointOptions?: (value: SweepValue, axis: string) => ProfileOptions
  /**
   * Units of work one run does, for the throughput the scaling columns use (e.g. tokens per run for a
   * sequence-length sweep). @default the result's batch size (throughput in samples per second)
   */
  workPerRun?: (value: SweepValue, result: ProfileResult) => number
  /** A step that buys less than this share of the ideal gain is where scaling flattens. @default 0.2 */
  flatBelow?: number
}

/** `batch=4`, `executionProviders=cuda+cpu`. */
export function pointLabel(axis: string, value: SweepValue): string {
  return `${axis}=${Array.isArray(value) ? value.join('+') : String(value)}`
}

/** The one axis of `over`, validated; throws SWEEP_AXIS_INVALID. */
export function parseOver(over: unknown, kindOf: (axis: string) => SweepAxisKind): { axis: string; kind: SweepAxisKind; values: SweepValue[] } {
  if (typeof over !== 'object' || over === null || Array.isArray(over)) {
    throw perfgateError('SWEEP_AXIS_INVALID', { detail: `\`over\` must be an object like { batch: [1, 4] }, got ${JSON.stringify(over) ?? String(over)}` })
  }
  const keys = Object.keys(over)
  if (keys.length !== 1) throw perfgateError('SWEEP_AXIS_INVALID', { detail: `\`over\` names ${keys.length} axes (${keys.join(', ') || 'none'})` })
  const axis = keys[0]!
  const values = (over as Record<string, unknown>)[axis]
  if (!Array.isArray(values) || values.length === 0) throw perfgateError('SWEEP_AXIS_INVALID', { detail: `over.${axis} must be a non-empty array of values` })
  const kind = kindOf(axis)
  const ok: (v: unknown) => boolean =
    kind === 'session'
      ? SESSION_AXES[axis]!
      : kind === 'dim'
        ? (v) => Number.isInteger(v) && (v as number) >= 0
        : kind === 'generation'
          ? (v) => Number.isInteger(v) && (v as number) >= 1
          : (v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
  for (const v of values) {
    if (!ok(v))
      throw perfgateError('SWEEP_AXIS_INVALID', {
        detail: `over.${axis} has the value ${JSON.stringify(v)}, which a ${kind === 'dim' ? 'dimension (an integer >= 0)' : kind === 'generation' ? 'generation axis (an integer >= 1)' : kind === 'session' ? `session option ${axis}` : 'function argument'} cannot take`,
      })
  }
  const labels = values.map((v: SweepValue) => pointLabel(axis, v))
  const dup = labels.find((l, i) => labels.indexOf(l) !== i)
  if (dup) throw perfgateError('SWEEP_AXIS_INVALID', { detail: `over.${axis} has ${dup.slice(axis.length + 1)} twice` })
  return { axis, kind, values: values as SweepValue[] }
}

/**
 * The sweep engine: measures each value in order with `measure`, then adds the
 * scaling columns from `throughputOf`. Stops at the first point that throws.
 */
export async function runSweep<R>(
  axis: string,
  axisKind: SweepAxisKind,
  values: readonly SweepValue[],
  measure: (value: SweepValue, index: number) => Promise<R>,
  throughputOf: (result: R, value: SweepValue) => number,
  flatBelow: number = DEFAULT_FLAT_BELOW,
): Promise<SweepResult<R>> {
  const measured: { value: SweepValue; result: R; throughput: number }[] = []
  for (const [i, value] of values.entries()) {
    const result = await measure(value, i)
    measured.push({ value, result, throughput: throughputOf(result, value) })
  }
  const scaling = scalingOf(
    measured.map((m) => m.value),
    measured.map((m) => m.throughput),
    flatBelow,
  )
  const points = measured.map((m, i): SweepPoint<R> => ({
    value: m.value,
    label: pointLabel(axis, m.value),
    result: m.result,
    throughput: m.throughput,
    ...scaling.rows[i]!,
  }))
  return { kind: 'sweep', axis, axisKind, points, best: scaling.best, flattensAt: scaling.flattensAt, flatBelow: scaling.flatBelow }
}

/** The profile options of one point: the base, the axis value, then `pointOptions`. */
export function pointProfileOptions(base: ProfileOptions, axis: string, kind: SweepAxisKind, value: SweepValue, extra: ProfileOptions = {}): ProfileOptions {
  const dims = { ...base.dims, ...(kind === 'dim' ? { [axis]: value as number } : {}), ...extra.dims }
  const axisSession = kind === 'session' ? { [axis]: axis === 'executionProviders' && typeof value === 'string' ? [value] : value } : {}
  const session = { ...base.session, ...axisSession, ...extra.session } as ProfileOptions['session']
  const out: ProfileOptions = { ...base, ...extra }
  if (Object.keys(dims).length > 0) out.dims = dims
  if (session && Object.keys(session).length > 0) out.session = session
  if (kind === 'argument' && out.batchSize === undefined && BATCH_DIM_NAMES.includes(axis) && typeof value === 'number' && value >= 1) out.batchSize = value
  return out
}

/** `profile.sweep(model | factory, options)`. */
export async function sweep(target: string | SweepFunctionFactory, options: SweepOptions): Promise<SweepResult> {
  if (typeof target !== 'string' && typeof target !== 'function') {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.sweep(target)',
      value: typeof target,
      expected: 'a path to an .onnx file or a function (point) => function to measure',
    })
  }
  validateOptions(SWEEP_SPEC, options, 'profile.sweep')
  const { over, pointOptions, workPerRun, flatBelow, ...base } = options ?? ({} as SweepOptions)
  const kindOf = (axis: string): SweepAxisKind => (typeof target === 'function' ? 'argument' : axis in SESSION_AXES ? 'session' : 'dim')
  const { axis, kind, values } = parseOver(over, kindOf)
  let firstInputs: string | undefined
  const measure = async (value: SweepValue, i: number): Promise<ProfileResult> => {
    const opts = pointProfileOptions(base, axis, kind, value, pointOptions?.(value, axis))
    base.onProgress?.(`sweep ${pointLabel(axis, value)} (${i + 1}/${values.length})`)
    if (typeof target === 'string') {
      const r = await profileModel(target, opts)
      const inputs = JSON.stringify(r.inputs)
      // a misspelt or foreign dimension name changes nothing: say so after the second point, not after the last
      if (kind === 'dim' && i === 0) firstInputs = inputs
      if (kind === 'dim' && i === 1 && inputs === firstInputs) {
        const shown = Object.entries(r.inputs ?? {})
          .map(([k, v]) => `${k} ${v.type}[${v.dims.join(',')}]`)
          .join(', ')
        throw perfgateError('SWEEP_AXIS_UNUSED', { axis, model: target, inputs: shown })
      }
      return r
    }
    const fn = await target({ [axis]: value })
    if (typeof fn !== 'function') {
      throw perfgateError('OPTION_INVALID', {
        option: `profile.sweep(factory) at ${pointLabel(axis, value)}`,
        value: typeof fn,
        expected: 'the factory to return the function to measure',
      })
    }
    return profileFunction(fn, opts)
  }
  const throughputOf = (r: ProfileResult, value: SweepValue) => (workPerRun ? r.throughput.runsPerSecond * workPerRun(value, r) : r.throughput.samplesPerSecond)
  return runSweep(axis, kind, values, measure, throughputOf, flatBelow)
}
