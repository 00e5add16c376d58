/**
 * The timeout of a perf test: perfgate sets Vitest's `testTimeout` and `hookTimeout` for the project it is
 * a plugin of, so that a profile never meets Vitest's default 5 s (10 s for hooks). A timeout the user set
 * wins: `test.testTimeout` / `test.hookTimeout` in the config, the CLI flags, or a test's own timeout argument.
 *
 * A test may take as long as the slowest thing perfgate lets it do: wait for the machine lock (bounded by
 * PERFGATE_LOCK_TIMEOUT, after which perfgate fails the test with an error that names the lock's holder),
 * then profile. The timeout covers both, so that perfgate's own errors come before Vitest's.
 */
import { lockTimeoutMs } from '../measure/run/machine-lock.js'
import { ADAPTIVE_DEFAULTS } from '../measure/run/options.js'
import { DEFAULT_CONFIRM } from '../compare/confirm-policy.js'

/** The parts of a perf test's time budget, ms. */
export interface PerfTestBudget {
  /** The longest wait for the machine lock before perfgate fails with its own error (PERFGATE_LOCK_TIMEOUT). */
  lockWaitMs: number
  /** One profile: its measured runs at adaptive sampling's cap, and as long again for loading, first runs, warm-up, sessions and calibration. */
  profileMs: number
  /** Measurements that may follow the first to confirm a verdict (option `confirm`): each is another profile. */
  confirm: number
}

/** One profile's share of the budget: 2 minutes. */
export const PROFILE_BUDGET_MS = 2 * ADAPTIVE_DEFAULTS.maxTimeCapMs

/** The budget on this machine (PERFGATE_LOCK_TIMEOUT read from `env`) with `confirm` measurements allowed after the first. */
export function perfTestBudget(env: Readonly<Record<string, string | undefined>> = process.env, confirm = DEFAULT_CONFIRM): PerfTestBudget {
  return { lockWaitMs: lockTimeoutMs(env), profileMs: PROFILE_BUDGET_MS, confirm }
}

/** The one derivation of a perf test's timeout from its budget, ms: the lock wait and one profile per measurement, 16 minutes with the defaults. */
export function perfTestTimeoutMs(budget: PerfTestBudget): number {
  return budget.lockWaitMs + budget.profileMs * (1 + budget.confirm)
}

interface TimeoutSettings {
  testTimeout?: number
  hookTimeout?: number
}

/** The timeouts the plugin adds to a project's test config: only those the user has not set. */
export function perfTimeouts(userTest: TimeoutSettings | undefined, timeoutMs: number): TimeoutSettings {
  return {
    ...(userTest?.testTimeout === undefined ? { testTimeout: timeoutMs } : {}),
    ...(userTest?.hookTimeout === undefined ? { hookTimeout: timeoutMs } : {}),
  }
}

/** Vitest's own defaults: a project timeout still at one of them was not set by the user. */
export const VITEST_DEFAULT_TIMEOUTS = { testTimeout: 5_000, hookTimeout: 10_000 } as const

/**
 * Puts the plugin's timeouts on a project whose config did not receive them (Vitest 5 does not carry the
 * root config's plugin settings into a `test.projects` entry that extends it): only where the project's
 * timeout is still Vitest's default.
 */
export function applyProjectTimeouts(project: TimeoutSettings, timeouts: TimeoutSettings): void {
  for (const key of ['testTimeout', 'hookTimeout'] as const) {
    if (timeouts[key] !== undefined && project[key] === VITEST_DEFAULT_TIMEOUTS[key]) project[key] = timeouts[key]
  }
}
