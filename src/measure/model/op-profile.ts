/**
 * The `opProfile` option: onnxruntime's own profiler, run in a separate
 * session after the measured runs, so its per-kernel bookkeeping (several
 * times the run time of a small model) never touches the reported latency.
 *
 * onnxruntime writes `<profileFilePrefix>_<date>.json` and endProfiling()
 * does not say which file: the prefix points into a fresh temp folder, every
 * JSON file found there is this session's, and the folder is removed afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import type { OpProfile } from '../../types/index.js'
import { DEFAULT_TOP_NODES, parseOrtProfile } from './ort-profile-parse.js'

export interface OpProfileOptions {
  /** Profiled runs. @default 20 */
  runs?: number
  /** Runs before them in the profiling session, left out of the table. @default 3 */
  warmup?: number
  /** Nodes kept in `byNode` (every operator type is kept in `byType`). @default 15 */
  top?: number
}

export const OP_PROFILE_DEFAULTS = { runs: 20, warmup: 3, top: DEFAULT_TOP_NODES } as const

/** Resolves `opProfile: true | { ... }`; throws OPTION_INVALID on a bad value. */
export function resolveOpProfileOptions(o: boolean | OpProfileOptions | undefined): Required<OpProfileOptions> | undefined {
  if (o === undefined || o === false) return undefined
  if (o === true) return { ...OP_PROFILE_DEFAULTS }
  if (typeof o !== 'object' || o === null) throw perfgateError('OPTION_INVALID', { option: 'opProfile', value: o, expected: 'true, or { runs, warmup, top }' })
  const int = (name: keyof OpProfileOptions, min: number): number => {
    const v = o[name]
    if (v === undefined) return OP_PROFILE_DEFAULTS[name]
    if (!Number.isInteger(v) || v < min) throw perfgateError('OPTION_INVALID', { option: `opProfile.${name}`, value: v, expected: `an integer >= ${min}` })
    return v
  }
  return { runs: int('runs', 1), warmup: int('warmup', 0), top: int('top', 1) }
}

/** Runs `warmup + runs` profiled runs of the model in a session of its own and returns the op table. */
export async function measureOpProfile(
  modelPath: string,
  shownAs: string,
  sessionOptions: ort.InferenceSession.SessionOptions,
  feeds: Record<string, ort.Tensor>,
  opts: Required<OpProfileOptions>,
): Promise<OpProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-ort-profile-'))
  let session: ort.InferenceSession | undefined
  try {
    session = await ort.InferenceSession.create(modelPath, { ...sessionOptions, enableProfiling: true, profileFilePrefix: join(dir, 'ort') })
    for (let i = 0; i < opts.warmup + opts.runs; i++) await session.run(feeds)
    session.endProfiling()
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
    if (files.length !== 1) throw new Error(`expected one profile file in ${dir}, found ${files.length}`)
    return parseOrtProfile(JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')), { skipRuns: opts.warmup, top: opts.top })
  } catch (err) {
    throw perfgateError('OP_PROFILE_FAILED', { model: shownAs, detail: (err as Error).message }, err)
  } finally {
    await session?.release().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}
