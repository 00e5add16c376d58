/**
 * The defaults of a model profile made in a test that perfgate gates: one
 * intra-op thread, the measured runs spread over GATE_SESSIONS sessions, and
 * the machine-speed reference measured alongside (calibrate). Measured with
 * bench/gate-quality (README / docs: "Gate quality, measured"): they are what
 * keeps an unchanged model from failing on a busy or drifting machine; one
 * thread is also what lets the gate compare CPU time per run (compare/basis.ts).
 *
 * The Vitest setup turns them on (option `profileDefaults`, default 'gate');
 * `perfgate profile` and scripts keep onnxruntime's own defaults. Only options
 * the user left out are filled in, and the result says which were, so that a
 * figure measured on one thread is never mistaken for production's.
 */
import { availableParallelism } from 'node:os'
import type { ProfileOptions } from './options.js'

/** Sessions the measured runs are spread over by default in a gated test. */
export const GATE_SESSIONS = 6

let active = false

/** Turns the gate defaults on or off for the profiles this process makes (the Vitest setup calls it). */
export function useGateDefaults(on: boolean): void {
  active = on
}

export type GateDefault = 'intraOpNumThreads' | 'sessions' | 'calibrate'

/** What the gate defaults filled in, for the result. */
export interface AppliedGateDefaults {
  applied: GateDefault[]
  note: string
}

/** `options` with the gate defaults filled in where left out (model profiles); unchanged when they are off. */
export function withGateDefaults(options: ProfileOptions): { options: ProfileOptions; applied?: AppliedGateDefaults } {
  if (!active) return { options }
  const applied: GateDefault[] = []
  const out: ProfileOptions = { ...options }
  const session = options.session ?? {}
  const cpuOnly = (session.executionProviders ?? ['cpu']).every((p) => (typeof p === 'string' ? p : p.name) === 'cpu')
  if (session.intraOpNumThreads === undefined && cpuOnly) {
    out.session = { ...session, intraOpNumThreads: 1 }
    applied.push('intraOpNumThreads')
  }
  if (options.sessions === undefined) {
    out.sessions = GATE_SESSIONS
    applied.push('sessions')
  }
  if (options.calibrate === undefined) {
    out.calibrate = true
    applied.push('calibrate')
  }
  if (applied.length === 0) return { options }
  const threads = applied.includes('intraOpNumThreads')
    ? ` Measured on 1 intra-op thread; onnxruntime would use up to ${availableParallelism()} on this machine (set session.intraOpNumThreads to measure that).`
    : ''
  const note = `perfgate's defaults for gated tests filled in ${applied.join(', ')} (option profileDefaults: 'gate').${threads}`
  return { options: out, applied: { applied, note } }
}
