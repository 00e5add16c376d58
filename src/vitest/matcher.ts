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
import { errorMessage } from '../errors.js'
import { MATCHER_SPEC } from '../options/vitest-specs.js'
import { matcherMetrics } from './matcher-options.js'
import { validateOptions } from '../options/validate-options.js'
import { collectTestbed } from '../measure/run/testbed.js'
import { ONNXRUNTIME_VERSION } from '../measure/run/onnxruntime-version.js'
import { decisionMessage } from '../report/decision-message.js'
import { terminalLines } from '../report/terminal-text.js'
import type { GateRecord, GenerationResult, ProfileResult } from '../types/index.js'
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

export function toBeWithinBaseline(this: MatcherContext, received: unknown, options: BaselineMatcherOptions = {}): { pass: boolean; message: () => string } {
  // every option is checked before anything is recorded: a bad one must not leave an entry behind
  validateOptions(MATCHER_SPEC, options, 'toBeWithinBaseline')
  if (isSweepResult(received)) return gateSweep.call(this, received, options, toBeWithinBaseline)
  const config = inject('perfgate') as WorkerConfig | undefined
  if (!config) throw new Error(errorMessage('PLUGIN_MISSING', undefined as never))
  if (this.isNot) throw new TypeError('perfgate: .not.toBeWithinBaseline() is not supported; gate with toBeWithinBaseline() and a tolerance.')
  const isNumber = typeof received === 'number' && Number.isFinite(received)
  const isGeneration = !isNumber && isGenerationResult(received)
  const isBench = !isNumber && !isGeneration && isVitestBenchResult(received)
  if (!isNumber && !isGeneration && !isBench && !isProfileResult(received)) throw new TypeError(errorMessage('MATCHER_RECEIVED', { received: describe(received) }))
  const benchSamples = isBench ? received.latency.samples : undefined
  if (isBench && (!benchSamples || benchSamples.length === 0)) throw new TypeError(errorMessage('BENCH_SAMPLES_MISSING', undefined as never))
  const metrics = matcherMetrics(isNumber ? 'number' : isGeneration ? 'generation' : isBench ? 'bench' : 'profile', options, config.metrics)

  const test = TestRunner.getCurrentTest()
  if (!test || !this.testPath) throw new Error(errorMessage('MATCHER_OUTSIDE_TEST', undefined as never))
  const fullName = this.currentTestName ?? test.name
  const key = options.name ?? nextEntryKey(test, test.result?.retryCount ?? 0, fullName)
  const collision = claimEntryKey(config.root, this.testPath, test, test.result?.retryCount ?? 0, fullName, key)
  const file = baselinePathFor(config.root, config.baselineDir, config.testbed, this.testPath)
  const shown = displayPath(config.root, file)

  if (collision) return { pass: false, message: () => errorMessage('BASELINE_KEY_COLLISION', { key, file: shown, ...collision }) }
  const read = readCached(config, file, shown)
  const found = lookupEntry(read, key, config.update)
  const stored = found.stored
  const better = options.better ?? stored?.better ?? 'lower'
  const current = isNumber
    ? entryFromValue(received as number, better, fullName, collectTestbed(ONNXRUNTIME_VERSION))
    : isGeneration
      ? entryFromGeneration(received as GenerationResult, fullName)
      : benchSamples
        ? entryFromSamples(benchSamples, fullName, collectTestbed('none'), { source: 'vitest bench' })
        : entryFromProfile(received as ProfileResult, fullName)
  const record: GateRecord = { file: shown, key, test: fullName, status: 'pass', current, ...(stored ? { baseline: stored } : {}) }
  const meta = test.meta as { perfgate?: GateRecord[] }

  if (found.invalid !== undefined) {
    record.status = 'invalid'
    ;(meta.perfgate ??= []).push(record)
    return { pass: false, message: () => terminalLines(found.invalid!) }
  }
  const testPath = this.testPath
  const decision = decideEntry({
    stored,
    current,
    update: config.update,
    compare: {
      metrics,
      tolerance: options.tolerance,
      configTolerance: config.tolerance,
      alpha: options.alpha ?? config.alpha,
      better,
    },
    missingTestbed: { policy: config.missingTestbed, otherTestbeds: () => otherTestbedsWithFile(config.root, config.baselineDir, config.testbed, testPath) },
  })
  // recorded only once decided: a comparison that cannot gate anything throws above and leaves no record
  Object.assign(record, decision.record)
  ;(meta.perfgate ??= []).push(record)
  if (decision.reason.kind === 'compared' && config.annotations !== false) annotateTest(test, record)
  const growth = () => (decision.reason.kind === 'compared' ? opGrowthSection(record.status, stored, current) : '')
  return { pass: decision.pass, message: () => decisionMessage(decision, { key, file: shown, testbed: config.testbed }) + growth() }
}
