/** The plugin's options, their defaults, and what the plugin hands to workers. */
import type { ToleranceInput } from '../compare/tolerance.js'
import { updateModeFromEnv } from '../options/vitest-specs.js'
import type { Better, MetricId, UpdateMode } from '../types/index.js'

export interface PerfgateOptions {
  /**
   * Tolerance per metric id (or one for all), e.g. `{ 'latency.p95': '10%', 'memory.peakDeltaMB': { abs: 20 } }`.
   * Metrics not named here get the general tolerance raised to their noise floor (memory 32 MiB, loadMs 10 ms, firstRunMs 5 ms).
   * @default `'10%'`
   */
  tolerance?: ToleranceInput
  /**
   * Metrics `expect(result).toBeWithinBaseline()` gates. Each kind of result gates the ids of this list it has
   * (a kind the list names nothing of keeps its default).
   * @default ['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB'] for profile results;
   *   ['ttft.p95', 'tpot.p50', 'tokensPerSecond', 'memory.peakDeltaMB'] for generation results
   */
  metrics?: MetricId[]
  /** Folder of baseline files, relative to the project root. @default 'baselines' */
  baselineDir?: string
  /** Significance level of the rank test a regression must also pass. @default 0.01 */
  alpha?: number
  /**
   * Update policy, like snapshots. `all` rewrites the entries of the tests that ran (and removes obsolete
   * ones), `new` records missing entries only, `none` fails on missing entries.
   * @default 'all' with `vitest -u` or PERFGATE_UPDATE=all; 'none' when CI is set; otherwise 'new'
   */
  update?: UpdateMode
  /**
   * Name of the machine's testbed: baselines live in `<baselineDir>/<testbed>/` and are never compared
   * across testbeds. PERFGATE_TESTBED overrides it.
   * @default derived from OS, CPU architecture, CPU model and cores, e.g. 'linux-x64-intel-xeon-processor-2c'
   */
  testbed?: string
  /**
   * What a CI run does on a testbed that has no baseline yet (locally, missing baselines are recorded):
   * 'fail' fails the assertion, 'warn' passes it with a warning in the summary.
   * @default 'fail'
   */
  missingTestbed?: 'fail' | 'warn'
  /**
   * Judge against the baselines as they are at a git commit instead of the working tree: `'merge-base'` (with
   * PERFGATE_BASE_REF, else origin/$GITHUB_BASE_REF, else origin/main) or any git ref. The summary says which
   * baseline files the working tree changed since then. Writes (-u) still go to the working tree.
   * @default undefined (the working tree)
   */
  baselineRef?: string
  /**
   * Markdown summary of the run, written to this path (relative to the project root).
   * It is also appended to `$GITHUB_STEP_SUMMARY` when that is set, unless `stepSummary` is false.
   * @default undefined (no file)
   */
  markdown?: string
  /** Append the Markdown summary to `$GITHUB_STEP_SUMMARY` when it is set (GitHub Actions). @default true */
  stepSummary?: boolean
  /** Self-contained HTML report (charts, metrics, testbed), written to this path. @default undefined (none) */
  html?: string
  /** Every result as JSON (schema/results.schema.json), for `perfgate compare` and `perfgate report`. @default undefined (none) */
  json?: string
  /** Every result as CSV, one row per metric. @default undefined (none) */
  csv?: string
  /**
   * JSON Lines file that each run appends its gated metrics to (commit, time, baseline changes), for
   * `perfgate report --history`. Meant for runs on the default branch, e.g.
   * `history: process.env.GITHUB_REF === 'refs/heads/main' ? 'perf-history.jsonl' : undefined`.
   * @default undefined (none)
   */
  history?: string
  /**
   * Base the change is judged against; baseline files that differ from its merge base are flagged
   * ("this change edits the baseline it is judged against").
   * @default PERFGATE_BASE_REF, else GITHUB_BASE_REF (set on pull requests), else none
   */
  baseRef?: string
  /** Regressions and warnings also become test annotations (shown on the pull request by Vitest's github-actions reporter). @default true */
  annotations?: boolean
  /**
   * Measurements that may follow the first when it says regressed or unresolved: the result is measured
   * again (same call, fresh sessions) and the entry decided on all measurements pooled. A regression
   * fails only once a second measurement confirms it; an unresolved change is measured until it resolves
   * or the budget is spent, a borderline one (real, within the tolerance, its interval reaching past it)
   * until the budget is spent. A new or re-recorded entry is recorded from 1 + confirm measurements,
   * pooled. Needs `await expect(result).toBeWithinBaseline()`. 0 turns it off (one measurement).
   * @default 2
   */
  confirm?: number
  /**
   * What an entry still unresolved after confirmation does (its noise is wider than its tolerance):
   * 'warn' passes it and the summary counts and lists it; 'fail' fails it.
   * @default 'warn'
   */
  unresolved?: 'fail' | 'warn'
  /**
   * Defaults of `profile(model)` in the tests: 'gate' fills in what the options leave out with the settings
   * measured to hold on busy and drifting machines: `session: { intraOpNumThreads: 1 }` (CPU provider),
   * `sessions: 6`, `calibrate: true` (the result's `gateDefaults` says which); 'plain' keeps onnxruntime's
   * and perfgate's plain defaults, as `perfgate profile` does.
   * @default 'gate'
   */
  profileDefaults?: 'gate' | 'plain'
}

/** What workers receive through `inject('perfgate')`. */
export interface WorkerConfig {
  root: string
  baselineDir: string
  testbed: string
  missingTestbed: 'fail' | 'warn'
  /** Commit the baselines are read from; undefined: the working tree. */
  baselineCommit?: string
  update: UpdateMode
  tolerance?: ToleranceInput
  metrics?: MetricId[]
  alpha?: number
  /** false: no test annotations. */
  annotations?: boolean
  /** Measurements that may follow the first to confirm a verdict. */
  confirm: number
  /** What an entry still unresolved after confirmation does. */
  unresolved: 'fail' | 'warn'
  /** Defaults of profile(model) in the tests. */
  profileDefaults: 'gate' | 'plain'
}

/** Options of `expect(x).toBeWithinBaseline(options)`. */
export interface BaselineMatcherOptions {
  /** Entry key, a non-empty string. @default the test's full name and a counter, like snapshots */
  name?: string
  /** Tolerance for this assertion (one for all metrics, or per metric); overrides the plugin's. @default the plugin's, else '10%' */
  tolerance?: ToleranceInput
  /**
   * Metrics to gate for a result (not for a single number): a non-empty list of metrics the result's kind
   * has; overrides the plugin's list. @default the plugin's list, else the kind's default
   */
  metrics?: MetricId[]
  /** For a single number only: which direction is better. @default 'lower' */
  better?: Better
  /** Significance level for this assertion. @default the plugin's alpha, 0.01 */
  alpha?: number
  /** Measurements that may follow the first to confirm a regression, resolve an unresolved change or settle a borderline one; a new entry is recorded from 1 + confirm. @default the plugin's confirm, 2 */
  confirm?: number
  /** What this entry does when still unresolved after confirmation. @default the plugin's unresolved, 'warn' */
  unresolved?: 'fail' | 'warn'
}

/**
 * Update policy, resolved once in the main process (the rules of Vitest's snapshots):
 * an explicit option wins; `-u` gives all; then PERFGATE_UPDATE (all, new or none; any other value is an error);
 * CI gives none; otherwise new.
 */
export function resolveUpdateMode(explicit: UpdateMode | undefined, vitestUpdate: boolean, env: Readonly<Record<string, string | undefined>>): UpdateMode {
  // a misspelt PERFGATE_UPDATE is an error even where it would not decide
  const fromEnv = updateModeFromEnv(env)
  if (explicit) return explicit
  if (vitestUpdate) return 'all'
  if (fromEnv) return fromEnv
  const ci = env.CI
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return 'none'
  return 'new'
}
