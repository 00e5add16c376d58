/**
 * The end of a run, in the main process: turns every assertion's record into
 * baseline writes (each file updated under its lock, never a file that failed
 * to validate), lists obsolete entries, writes the report files, and builds
 * the summary text. Any file it could not write, and two tests recording the
 * same entry key, fail the run.
 */
import { findKeyCollisions, type KeyClaim } from '../baseline/key-collisions.js'
import { planFileChanges, type TestInRun } from '../baseline/plan-changes.js'
import { workingTreeStore } from '../baseline/baseline-store.js'
import { baselinePathFor, displayPath } from '../baseline/store.js'
import { errorMessage } from '../errors.js'
import { ansi, colorEnabled, plain } from '../report/ansi.js'
import { runSummary } from '../report/run-summary.js'
import { terminalWidth } from '../report/terminal-width.js'
import type { GateRecord } from '../types/index.js'
import type { WorkerConfig } from './options.js'
import { RunReports, type ReportSettings } from './report-outputs.js'

/** One test file's outcome: its tests and the records of its assertions. */
export interface ModuleOutcome {
  moduleId: string
  /**
   * The file was collected without error and ran (not skipped as a whole, not interrupted). Only then can an
   * entry it did not assert be obsolete.
   */
  ranToEnd: boolean
  tests: TestInRun[]
  records: GateRecord[]
  /** Which test asserted each key, for the check that no two tests record the same entry. */
  claims?: KeyClaim[]
}

export interface SettledRun {
  /** The summary, or null when there is nothing to say. */
  text: string | null
  /** A file could not be written, or two tests recorded the same entry: the run must fail. */
  failed: boolean
}

/** What the run's baseline files gave so far: entries, obsolete keys, files written, problems, replaced entries. */
interface Settled {
  records: GateRecord[]
  obsolete: { file: string; key: string }[]
  written: string[]
  problems: string[]
  replaced: string[]
  failed: boolean
}

/** Writes one test file's baseline under its lock, adding what it gave to `acc`. */
function settleModule(config: WorkerConfig, store: ReturnType<typeof workingTreeStore>, mod: ModuleOutcome, acc: Settled): void {
  const { root, baselineDir, testbed, update } = config
  acc.records.push(...mod.records)
  const file = baselinePathFor(root, baselineDir, testbed, mod.moduleId)
  const shown = displayPath(root, file)
  const collisions = findKeyCollisions(mod.claims ?? [])
  for (const c of collisions) acc.problems.push(errorMessage('BASELINE_KEY_COLLISION', { ...c, file: shown }))
  if (collisions.length > 0) acc.failed = true
  // neither of two colliding assertions may write the entry: one would overwrite the other's baseline
  const colliding = new Set(collisions.map((c) => c.key))
  const own = mod.records.filter((r) => !colliding.has(r.key))
  let fileObsolete: string[] = []
  try {
    const result = store.save(file, shown, (existing) => {
      const plan = planFileChanges(existing, own, mod.tests, update, mod.ranToEnd)
      fileObsolete = plan.obsolete
      return plan
    })
    if (result.outcome === 'invalid') {
      // the matcher already failed the file's assertions with this message
      if (mod.records.length > 0) acc.problems.push(result.message)
      return
    }
    if (result.outcome === 'written') {
      acc.written.push(shown)
      acc.replaced.push(...result.replaced.map((key) => `  ${key}  (${shown})`))
    }
  } catch (err) {
    acc.failed = true
    acc.problems.push(`perfgate: ${(err as Error).message}`)
  }
  acc.obsolete.push(...fileObsolete.map((key) => ({ file: shown, key })))
}

/** Writes what the run recorded and returns the summary. */
export function settleRun(config: WorkerConfig, modules: readonly ModuleOutcome[], reportSettings?: ReportSettings): SettledRun {
  const acc: Settled = { records: [], obsolete: [], written: [], problems: [], replaced: [], failed: false }
  const { records, obsolete, written, problems, replaced } = acc
  const { root, baselineDir, update } = config
  // baselines are only written in the working tree: a baselineRef is where they are read from, never written to
  const store = workingTreeStore(root)
  // before any baseline is written: which baseline files the change itself edits
  const reports = reportSettings ? new RunReports(reportSettings, root, baselineDir, process.env).begin() : undefined
  for (const mod of modules) settleModule(config, store, mod, acc)
  let failed = acc.failed
  const out = reports?.finish(records, written)
  problems.push(...(out?.problems ?? []))
  if (out && out.failed.length > 0) failed = true
  if (records.length === 0 && obsolete.length === 0 && problems.length === 0) return { text: null, failed }
  const summary = runSummary({
    records,
    obsolete,
    written,
    problems,
    removedObsolete: update === 'all',
    changedBaselines: out?.changedBaselines,
    reports: out?.files,
    paint: colorEnabled(process.stdout.isTTY, process.env) ? ansi : plain,
    width: terminalWidth(process.stdout, process.env),
  })
  const text = replaced.length > 0 ? `${summary}\n\nReplaced invalid baseline entries with the re-recorded ones:\n${replaced.join('\n')}` : summary
  return { text, failed }
}
