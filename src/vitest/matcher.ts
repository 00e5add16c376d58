/**
 * `expect(result | number).toBeWithinBaseline(options?)`, run in the worker:
 * reads the test file's baseline (read only), decides, and leaves a record in
 * the test's task meta for the main process, which alone writes baselines.
 */
import { inject, TestRunner } from 'vitest'
import { entryFromGeneration, entryFromProfile, entryFromSamples, entryFromValue } from '../baseline/entry.js'
import { baselineReader } from '../baseline/baseline-store.js'
import { lookupEntry } from '../baseline/lookup-entry.js'
import { baselinePathFor, displayPath, otherTestbedsWithFile, type BaselineRead } from '../baseline/store.js'
import { decideEntry } from '../compare/decide-entry.js'
import { METRICS } from '../metrics/catalogue.js'
import { entryFromOrigin } from '../compare/origin-entry.js'
import { errorMessage, perfgateError, perfgateTypeError } from '../errors.js'
import { MATCHER_SPEC } from '../options/vitest-specs.js'
import { matcherMetrics } from './matcher-options.js'
import { validateOptions } from '../options/validate-options.js'
import { collectTestbed } from '../measure/run/testbed.js'
import { lookupOrigin, originLabel, setOriginScope, type MetricOrigin, type OriginLookup } from '../metrics/metric-origins.js'
import { ONNXRUNTIME_VERSION } from '../measure/run/onnxruntime-version.js'
import { decisionMessage } from '../report/decision-message.js'
import { originText } from '../report/diff-table.js'
import { terminalLines } from '../report/terminal-text.js'
import type { BaselineEntry, GateRecord, GenerationResult, ProfileResult } from '../types/index.js'
import { remeasureOf } from '../measure/remeasure.js'
import { confirmed, type Confirmed } from './confirm.js'
import { nextEntryKey } from './entry-key.js'
import { claimEntryKey } from './key-registry.js'
import type { BaselineMatcherOptions, WorkerConfig } from './options.js'
import { annotateTest } from './annotate.js'
import { opGrowthSection } from './op-growth-section.js'
import { gateSweep, isSweepResult } from './sweep-matcher.js'
import { isGenerationResult, isProfileResult, isVitestBenchResult } from './result-guards.js'
import './augment.js'

interface MatcherContext {
  isNot: boolean
  currentTestName?: string
  testPath?: string
}

const baselineCache = new Map<string, BaselineRead>()

// results created in a test register their metric values under its id (metric-origins.ts); none outside a test
setOriginScope(() => TestRunner.getCurrentTest()?.id)

function readCached(config: WorkerConfig, file: string, shown: string): BaselineRead {
  let read = baselineCache.get(file)
  if (!read) {
    read = baselineReader(config.root, config.baselineCommit).read(file, shown)
    baselineCache.set(file, read)
  }
  return read
}

function describe(x: unknown): string {
  if (x === null) return 'null'
  if (typeof x === 'number') return String(x)
  if (typeof x === 'object') return `an object with keys ${Object.keys(x).slice(0, 6).join(', ') || '(none)'}`
  return typeof x
}

type ReceivedKind = 'number' | 'generation' | 'bench' | 'profile'

/** What the matcher was given, checked: a finite number, a generation, a Vitest bench result (with samples) or a profile. */
function receivedKind(received: unknown): { kind: ReceivedKind; benchSamples?: number[] } {
  const isNumber = typeof received === 'number' && Number.isFinite(received)
  const isGeneration = !isNumber && isGenerationResult(received)
  const isBench = !isNumber && !isGeneration && isVitestBenchResult(received)
  if (!isNumber && !isGeneration && !isBench && !isProfileResult(received)) throw perfgateTypeError('MATCHER_RECEIVED', { received: describe(received) })
  const benchSamples = isBench ? received.latency.samples : undefined
  if (isBench && (!benchSamples || benchSamples.length === 0)) throw perfgateTypeError('BENCH_SAMPLES_MISSING')
  return { kind: isNumber ? 'number' : isGeneration ? 'generation' : isBench ? 'bench' : 'profile', ...(benchSamples ? { benchSamples } : {}) }
}

/** Refuses a `better` that contradicts the direction of the metric the number was traced to: it would be silently overruled. */
function checkOriginDirection(origin: OriginLookup, better: BaselineMatcherOptions['better']): void {
  if (origin.kind !== 'found' || better === undefined) return
  const own = METRICS.get(origin.origin.metric)?.better
  if (own && better !== own) {
    throw perfgateError('OPTION_INVALID', {
      option: 'toBeWithinBaseline({ better })',
      value: better,
      expected: `no better, or '${own}': the number is ${origin.origin.metric} of ${originLabel(origin.origin)}, where ${own} is better. Remove the option`,
    })
  }
}

/** The entry of what was received, as it will be compared and stored. */
function currentEntry(
  received: unknown,
  kind: ReceivedKind,
  benchSamples: number[] | undefined,
  fromResult: MetricOrigin | undefined,
  better: 'lower' | 'higher',
  fullName: string,
) {
  if (fromResult) return entryFromOrigin(fromResult, fullName)
  if (kind === 'number') return entryFromValue(received as number, better, fullName, collectTestbed(ONNXRUNTIME_VERSION))
  if (kind === 'generation') return entryFromGeneration(received as GenerationResult, fullName)
  if (benchSamples) return entryFromSamples(benchSamples, fullName, collectTestbed('none'), { source: 'vitest bench' })
  return entryFromProfile(received as ProfileResult, fullName)
}

/** The line that says where a gated number came from, or why it could not be traced. */
function originNote(received: unknown, origin: OriginLookup, fromResult: MetricOrigin | undefined, key: string, shown: string): string {
  if (fromResult) return `\n${originText(fromResult.metric, originLabel(fromResult))}`
  if (origin.kind === 'found')
    return `\n${errorMessage('METRIC_ORIGIN_BARE_BASELINE', { key, file: shown, metric: origin.origin.metric, result: originLabel(origin.origin) })}`
  if (origin.kind === 'ambiguous') {
    return `\n${errorMessage('METRIC_ORIGIN_AMBIGUOUS', { value: received as number, metrics: origin.origins.map((o) => `${o.metric} of ${originLabel(o)}`), suggest: origin.origins[0]!.metric })}`
  }
  return ''
}

type MatcherOutcome = { pass: boolean; message: () => string }

export function toBeWithinBaseline(this: MatcherContext, received: unknown, options: BaselineMatcherOptions = {}): MatcherOutcome | Promise<MatcherOutcome> {
  // every option is checked before anything is recorded: a bad one must not leave an entry behind
  validateOptions(MATCHER_SPEC, options, 'toBeWithinBaseline')
  if (isSweepResult(received)) return gateSweep.call(this, received, options, toBeWithinBaseline)
  const config = inject('perfgate') as WorkerConfig | undefined
  if (!config) throw new Error(errorMessage('PLUGIN_MISSING'))
  if (this.isNot) throw perfgateTypeError('MATCHER_NEGATION_UNSUPPORTED', { matcher: 'toBeWithinBaseline' })
  const { kind, benchSamples } = receivedKind(received)
  const kindMetrics = matcherMetrics(kind, options, config.metrics)

  const test = TestRunner.getCurrentTest()
  if (!test || !this.testPath) throw new Error(errorMessage('MATCHER_OUTSIDE_TEST'))
  // a number that is exactly one metric of a result created in this test is gated with that result's samples;
  // a number of unknown origin, or one several metrics share, keeps the bare-number rule
  const origin: OriginLookup = kind === 'number' ? lookupOrigin(received as number, test.id) : { kind: 'unknown' }
  checkOriginDirection(origin, options.better)
  const fullName = this.currentTestName ?? test.name
  const key = options.name ?? nextEntryKey(test, test.result?.retryCount ?? 0, fullName)
  const collision = claimEntryKey(config.root, this.testPath, test, test.result?.retryCount ?? 0, fullName, key)
  const file = baselinePathFor(config.root, config.baselineDir, config.testbed, this.testPath)
  const shown = displayPath(config.root, file)

  if (collision) return { pass: false, message: () => errorMessage('BASELINE_KEY_COLLISION', { key, file: shown, ...collision }) }
  const read = readCached(config, file, shown)
  const found = lookupEntry(read, key, config.update)
  const stored = found.stored
  // an entry recorded as a bare number (before numbers were traced to their result) stays one until re-recorded
  // with -u: an unchanged test must not fail on the kind of its entry
  const keptBare = origin.kind === 'found' && stored?.kind === 'value' && config.update !== 'all'
  const fromResult = origin.kind === 'found' && !keptBare ? origin.origin : undefined
  const metrics = fromResult ? [fromResult.metric] : kindMetrics
  const better = options.better ?? stored?.better ?? 'lower'
  const current = currentEntry(received, kind, benchSamples, fromResult, better, fullName)
  const record: GateRecord = { file: shown, key, test: fullName, status: 'pass', current, ...(stored ? { baseline: stored } : {}) }
  const meta = test.meta as { perfgate?: GateRecord[] }

  if (found.invalid !== undefined) {
    record.status = 'invalid'
    ;(meta.perfgate ??= []).push(record)
    return { pass: false, message: () => terminalLines(found.invalid!) }
  }
  const testPath = this.testPath
  const decide = (cur: BaselineEntry) =>
    decideEntry({
      stored,
      current: cur,
      update: config.update,
      compare: { metrics, tolerance: options.tolerance, configTolerance: config.tolerance, alpha: options.alpha ?? config.alpha, better },
      missingTestbed: { policy: config.missingTestbed, otherTestbeds: () => otherTestbedsWithFile(config.root, config.baselineDir, config.testbed, testPath) },
      unresolved: options.unresolved ?? config.unresolved,
    })
  const first = decide(current)
  const settle = settler({ record, meta, test, config, stored, key, shown, note: () => originNote(received, origin, fromResult, key, shown) })
  // a regression is confirmed, and an unresolved change resolved, by measuring again (confirm.ts)
  const again = remeasureEntry(received, kind, fromResult, better, fullName)
  const out = confirmed(first, current, again, decide, options.confirm ?? config.confirm)
  return out instanceof Promise ? out.then(settle) : settle(out)
}

interface SettleContext {
  record: GateRecord
  meta: { perfgate?: GateRecord[] }
  test: Parameters<typeof annotateTest>[0]
  config: WorkerConfig
  stored: BaselineEntry | undefined
  key: string
  shown: string
  /** Where a gated number came from, for the message. */
  note: () => string
}

/** What settles an assertion once decided (at once, or after measuring again): its record, annotation and message. */
function settler(c: SettleContext): (confirmed: Confirmed) => MatcherOutcome {
  return ({ decision, current, confirmation, recordedFrom }) => {
    const { record } = c
    // recorded only once decided: a comparison that cannot gate anything throws above and leaves no record
    Object.assign(record, decision.record, { current }, confirmation ? { confirmation } : {})
    ;(c.meta.perfgate ??= []).push(record)
    if (decision.reason.kind === 'compared' && c.config.annotations !== false) annotateTest(c.test, record)
    const growth = () => (decision.reason.kind === 'compared' ? opGrowthSection(record.status, c.stored, current) : '')
    return {
      pass: decision.pass,
      message: () => decisionMessage(decision, { key: c.key, file: c.shown, testbed: c.config.testbed, confirmation, recordedFrom }) + c.note() + growth(),
    }
  }
}

/** How to measure what was received again, as an entry: undefined for what perfgate did not measure in this process. */
function remeasureEntry(
  received: unknown,
  kind: ReceivedKind,
  fromResult: MetricOrigin | undefined,
  better: 'lower' | 'higher',
  fullName: string,
): (() => Promise<BaselineEntry>) | undefined {
  if (fromResult) {
    const again = remeasureOf(fromResult.source.result)
    if (!again) return undefined
    return async () => entryFromOrigin({ ...fromResult, source: { ...fromResult.source, result: await again() } as MetricOrigin['source'] }, fullName)
  }
  if (kind !== 'profile' && kind !== 'generation') return undefined
  const again = remeasureOf(received as object)
  return again && (async () => currentEntry(await again(), kind, undefined, undefined, better, fullName))
}
