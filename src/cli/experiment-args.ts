/** Argument parsing and output files shared by `perfgate sweep`, `load` and `compare-models`. */
import { parseArgs } from 'node:util'
import { PerfgateError } from '../errors.js'
import type { LoadSlo, SweepValue } from '../types/index.js'
import { EXIT, type CliIo } from './io.js'
import { parseDims } from './parse-dims.js'
import { usageError } from './usage.js'

/** Thrown for wrong usage; turned into exit code 2 with the usage text. */
export class UsageError extends Error {}


/** node:util parseArgs with strict string options; UsageError on an unknown flag or a missing value. */
export function parseCommand<K extends string>(args: readonly string[], options: Record<K, { type: 'string' }>): { values: Partial<Record<K, string>>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options })
    return { values: values as Partial<Record<K, string>>, positionals }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** An integer flag in [min, max]; pass the option's own bounds (its spec) as `max` where it has one. */
export function intArg(name: string, v: string | undefined, min: number, max?: number): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || (max !== undefined && Number(v) > max)) {
    throw new UsageError(`--${name} expects ${max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`}, got '${v}'`)
  }
  return Number(v)
}

export function numberArg(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(`--${name} expects a number > 0, got '${v}'`)
  return Number(v)
}

export function intListArg(name: string, v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined
  const parts = v.split(',').map((s) => s.trim())
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) throw new UsageError(`--${name} expects integers >= 1 separated by commas, e.g. 1,2,4; got '${v}'`)
  return parts.map(Number)
}

export function dimsArg(v: string | undefined): Record<string, number> | undefined {
  if (v === undefined) return undefined
  const d = parseDims(v)
  if (!d) throw new UsageError(`--dims expects name=value pairs separated by commas, e.g. --dims batch=1,height=224; got '${v}'`)
  return d
}

/** `--over batch=1,4,8` -> { batch: [1, 4, 8] }; `executionProviders=cpu,cuda+cpu` -> [['cpu'], ['cuda', 'cpu']]. */
export function overArg(v: string | undefined): Record<string, SweepValue[]> {
  const m = v === undefined ? null : /^\s*([A-Za-z_][\w.]*)\s*=\s*(.+)$/.exec(v)
  if (!m) throw new UsageError(`--over expects axis=value,value,..., e.g. --over batch=1,4,8,16 or --over intraOpNumThreads=1,2; got '${v ?? ''}'`)
  const axis = m[1]!
  const values = m[2]!.split(',').map((s) => s.trim())
  if (values.some((s) => s === '')) throw new UsageError(`--over has an empty value: '${v}'`)
  return {
    [axis]: values.map((s): SweepValue => (/^\d+$/.test(s) ? Number(s) : axis === 'executionProviders' ? s.split('+') : s === 'true' ? (true as never) : s === 'false' ? (false as never) : s)),
  }
}

/** `--slo p95=50,p99=80,errorRate=0.01` */
export function sloArg(v: string | undefined): LoadSlo | undefined {
  if (v === undefined) return undefined
  const slo: Record<string, number> = {}
  for (const part of v.split(',')) {
    const m = /^\s*(p50|p90|p95|p99|errorRate)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part)
    if (!m) throw new UsageError(`--slo expects bounds like p95=50,p99=80 (ms) and errorRate=0.01; got '${v}'`)
    slo[m[1]!] = Number(m[2])
  }
  return slo
}

/** Writes --json and --csv files (paths from cwd); false (after saying why) when one cannot be written. */

/** Runs a command body: usage errors exit 2, PerfgateErrors 1 with their message, anything else is a bug and throws. */
export async function runCommand(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body()
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message)
    if (err instanceof PerfgateError) {
      io.stderr.write(`perfgate: ${err.message}\n`)
      return EXIT.failure
    }
    throw err
  }
}

/** Progress of an experiment on stderr: its own messages (points, levels, rounds), not each profile's. */
export function progressTo(io: CliIo): (message: string) => void {
  return (m) => {
    if (/^(sweep|load|compare)[ :]/.test(m)) io.stderr.write(`perfgate: ${m}\n`)
  }
}
