/** The specs of the plugin's options, `toBeWithinBaseline()`'s and `toBeFasterThan()`'s, and the PERFGATE_UPDATE variable. */
import { isValidTestbedId } from '../baseline/testbed-id.js'
import { perfgateError } from '../errors.js'
import type { UpdateMode } from '../types/index.js'
import { checkMetricList, checkToleranceOption } from './metric-options.js'
import type { OptionDef } from './option-spec.js'
import { closestName } from './suggest.js'

const ALPHA: OptionDef = {
  check: { kind: 'number', above: 0, below: 1 },
  doc: 'Significance level of the rank test a regression must also pass.',
  default: '0.01',
}
const TOLERANCE: OptionDef = {
  check: { kind: 'delegate', check: checkToleranceOption },
  doc: "Tolerance per metric id (or one for all), e.g. '10%' or { abs: 2 }.",
  default: "'10%'",
}
const METRICS: OptionDef = {
  check: { kind: 'delegate', check: checkMetricList },
  doc: 'Metrics to gate (a non-empty list of metric ids).',
  default: "the kind's default list",
}
const CONFIRM: OptionDef = {
  check: { kind: 'integer', min: 0, max: 10 },
  doc: 'Measurements that may follow the first to confirm a regression, resolve an unresolved change or settle a borderline one; a new entry is recorded from 1 + confirm measurements, pooled (0: none, one measurement).',
  default: '2',
}
const UNRESOLVED: OptionDef = {
  check: { kind: 'enum', values: ['fail', 'warn'] },
  doc: 'What an entry still unresolved after confirmation does.',
  default: "'warn'",
}
const FILE: OptionDef = { check: { kind: 'string', nonEmpty: true }, doc: 'A file path.', default: 'undefined (none)' }
const UPDATE_MODES: readonly UpdateMode[] = ['all', 'new', 'none']

export const PLUGIN_SPEC = {
  tolerance: TOLERANCE,
  metrics: METRICS,
  baselineDir: { check: { kind: 'string', nonEmpty: true }, doc: 'Folder of baseline files, relative to the project root.', default: "'baselines'" },
  alpha: ALPHA,
  update: { check: { kind: 'enum', values: UPDATE_MODES }, doc: 'Update policy, like snapshots.', default: "'all' with -u, 'none' in CI, else 'new'" },
  testbed: {
    check: { kind: 'custom', expected: 'a folder name of letters, digits, ".", "_" or "-"', test: (v) => typeof v === 'string' && isValidTestbedId(v) },
    doc: "Name of the machine's testbed.",
    default: 'derived from OS, CPU and cores',
  },
  missingTestbed: { check: { kind: 'enum', values: ['fail', 'warn'] }, doc: 'What CI does on a testbed without baselines.', default: "'fail'" },
  baselineRef: {
    check: { kind: 'string', nonEmpty: true },
    doc: "Judge against the baselines at a git commit ('merge-base' or a ref).",
    default: 'the working tree',
  },
  markdown: FILE,
  stepSummary: { check: { kind: 'boolean' }, doc: 'Append the summary to $GITHUB_STEP_SUMMARY.', default: 'true' },
  html: FILE,
  json: FILE,
  csv: FILE,
  history: FILE,
  baseRef: {
    check: { kind: 'string', nonEmpty: true },
    doc: 'Base the change is judged against, a git ref such as origin/main.',
    default: 'PERFGATE_BASE_REF, else GITHUB_BASE_REF',
  },
  annotations: { check: { kind: 'boolean' }, doc: 'Regressions also become test annotations.', default: 'true' },
  confirm: CONFIRM,
  unresolved: UNRESOLVED,
  profileDefaults: {
    check: { kind: 'enum', values: ['gate', 'plain'] },
    doc: "Defaults of profile(model) in the tests: 'gate' (1 intra-op thread, 6 sessions, calibrate) or 'plain'.",
    default: "'gate'",
  },
} as const satisfies Record<string, OptionDef>

export const MATCHER_SPEC = {
  name: { check: { kind: 'string', nonEmpty: true }, doc: 'Entry key.', default: "the test's full name and a counter" },
  tolerance: TOLERANCE,
  metrics: METRICS,
  better: { check: { kind: 'enum', values: ['lower', 'higher'] }, doc: 'For a single number: which direction is better.', default: "'lower'" },
  alpha: ALPHA,
  confirm: { ...CONFIRM, default: "the plugin's confirm, 2" },
  unresolved: { ...UNRESOLVED, default: "the plugin's unresolved, 'warn'" },
} as const satisfies Record<string, OptionDef>

export const FASTER_SPEC = {
  by: {
    check: { kind: 'custom', expected: "a percentage like '20%'", test: (v) => typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*%\s*$/.test(v) },
    doc: 'How much faster.',
    default: "'0%'",
  },
  confidence: { check: { kind: 'number', above: 0, below: 1 }, doc: 'Coverage of the interval.', default: '0.95' },
} as const satisfies Record<string, OptionDef>

/** PERFGATE_UPDATE: unset or empty means "not set"; anything but all, new or none is an error. */
export function updateModeFromEnv(env: NodeJS.ProcessEnv): UpdateMode | undefined {
  const v = env.PERFGATE_UPDATE
  if (v === undefined || v === '') return undefined
  if ((UPDATE_MODES as readonly string[]).includes(v)) return v as UpdateMode
  const suggestion = closestName(v, UPDATE_MODES)
  throw perfgateError('OPTION_INVALID', {
    option: 'PERFGATE_UPDATE',
    value: v,
    expected: `'all', 'new' or 'none'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; unset it for the default`,
  })
}
