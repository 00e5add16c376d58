/** Flag values of the CLI commands (each a UsageError when malformed), and the one way a command body ends. */
import { errorMessage, PerfgateError } from '../errors.js'
import type { LoadSlo, SweepValue } from '../types/index.js'
import { EXIT, type CliIo } from './io.js'
import { usageError, UsageError } from './usage.js'

/** An integer flag in [min, max]; pass the option's own bounds (its spec) as `max` where it has one. */
export function intArg(name: string, v: string | undefined, min: number, max?: number): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || (max !== undefined && Number(v) > max)) {
    throw new UsageError(errorMessage('USAGE_INTEGER', { flag: name, min, max, got: v }))
  }
  return Number(v)
}

export function numberArg(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(errorMessage('USAGE_NUMBER', { flag: name, got: v }))
  return Number(v)
}

export function intListArg(name: string, v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined
  const parts = v.split(',').map((s) => s.trim())
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) throw new UsageError(errorMessage('USAGE_INTEGER_LIST', { flag: name, got: v }))
  return parts.map(Number)
}

/** `--over batch=1,4,8` -> { batch: [1, 4, 8] }; `executionProviders=cpu,cuda+cpu` -> [['cpu'], ['cuda', 'cpu']]. */
export function overArg(v: string | undefined): Record<string, SweepValue[]> {
  const m = v === undefined ? null : /^\s*([A-Za-z_][\w.]*)\s*=\s*(.+)$/.exec(v)
  if (!m) throw new UsageError(errorMessage('USAGE_OVER', { got: v ?? '' }))
  const axis = m[1]!
  const values = m[2]!.split(',').map((s) => s.trim())
  if (values.some((s) => s === '')) throw new UsageError(errorMessage('USAGE_OVER_EMPTY', { got: v ?? '' }))
  return {
    [axis]: values.map((s): SweepValue =>
      /^\d+$/.test(s) ? Number(s) : axis === 'executionProviders' ? s.split('+') : s === 'true' ? (true as never) : s === 'false' ? (false as never) : s,
    ),
  }
}

/** `--slo p95=50,p99=80,errorRate=0.01` */
export function sloArg(v: string | undefined): LoadSlo | undefined {
  if (v === undefined) return undefined
  const slo: Record<string, number> = {}
  for (const part of v.split(',')) {
    const m = /^\s*(p50|p90|p95|p99|errorRate)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part)
    if (!m) throw new UsageError(errorMessage('USAGE_SLO', { got: v }))
    slo[m[1]!] = Number(m[2])
  }
  return slo
}

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
