/**
 * Busy load for the gate-quality benchmark: K CPU-bound Node processes
 * (an endless loop) beside the measurements, started before the first and
 * killed after the last, also when the benchmark fails or is interrupted
 * (SIGINT, SIGTERM). Each also exits by itself once its parent is gone, so
 * that a benchmark killed with SIGKILL leaves no spinning process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { perfgateError } from '../../src/errors.js'

// for(;;){} with a look every 2^24 turns (some ms) whether the benchmark still answers signal 0: still
// CPU-bound, and gone soon after the benchmark is
const SPIN = `const p=${process.pid};for(let i=1;;i++)if((i&0xffffff)===0)try{process.kill(p,0)}catch{process.exit(0)}`

export interface BusyLoad {
  readonly pids: readonly number[]
  /** Kills the processes (SIGKILL) and waits until they are gone. Safe to call twice. */
  stop(): Promise<void>
}

/**
 * Reads `--busy K` or `--busy=K` from the benchmark's arguments: 0 without it.
 *
 * @throws PerfgateError OPTION_INVALID for a value that is not a whole number from 0 to 64
 */
export function parseBusy(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--busy' || a.startsWith('--busy='))
  if (i < 0) return 0
  const raw = argv[i]!.startsWith('--busy=') ? argv[i]!.slice('--busy='.length) : argv[i + 1]
  const k = Number(raw)
  if (raw === undefined || raw.trim() === '' || !Number.isInteger(k) || k < 0 || k > 64) {
    throw perfgateError('OPTION_INVALID', {
      option: '--busy of bench/gate-quality/run.ts',
      value: raw,
      expected: 'the number of CPU-bound processes to run beside the measurements, a whole number from 0 to 64 (e.g. --busy 2)',
    })
  }
  return k
}

/** The benchmark's other arguments: `--busy K` and every other `--flag` left out. */
export function positionalArgs(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--busy') i++
    else if (!argv[i]!.startsWith('--')) out.push(argv[i]!)
  }
  return out
}

export function startBusyLoad(k: number): BusyLoad {
  const live = new Set<ChildProcess>()
  const ended: Promise<unknown>[] = []
  const killAll = () => {
    for (const c of live) c.kill('SIGKILL')
  }
  const onSignal = (signal: NodeJS.Signals) => {
    killAll()
    detach()
    // then end as the default handler would: by the signal
    process.kill(process.pid, signal)
  }
  const detach = () => {
    process.off('exit', killAll)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  process.on('exit', killAll)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const pids: number[] = []
  for (let i = 0; i < k; i++) {
    const c = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' })
    live.add(c)
    if (c.pid !== undefined) pids.push(c.pid)
    // a process that could not start ends with 'error' and no 'exit'
    ended.push(new Promise((resolve) => (c.once('exit', resolve), c.once('error', resolve))).then(() => live.delete(c)))
  }
  return {
    pids,
    async stop() {
      killAll()
      await Promise.all(ended)
      detach()
    },
  }
}
