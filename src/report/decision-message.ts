/**
 * The message of one gate decision (compare/decide-entry.ts), as the matcher
 * shows it: recorded, missing in CI (with the testbeds that do have this test
 * file's baseline), a change of kind, or the comparison's diff table. Names
 * are shown as data. Pure.
 */
import type { EntryDecision } from '../compare/decide-entry.js'
import { errorMessage } from '../errors.js'
import type { Confirmation } from '../types/index.js'
import { comparisonReport } from './diff-table.js'
import { terminalLines, terminalText } from './terminal-text.js'

export interface DecisionContext {
  /** The entry's key. */
  key: string
  /** The baseline file, as shown to users. */
  file: string
  /** This machine's testbed name. */
  testbed: string
  /** When perfgate measured again to confirm the verdict: measurements pooled and the verdict after each. */
  confirmation?: Confirmation
  /** When a new or updated entry was recorded from several measurements, pooled: how many. */
  recordedFrom?: number
}

export function decisionMessage(decision: EntryDecision, at: DecisionContext): string {
  // a line break in a name must not start a line of the message
  const key = terminalText(at.key)
  const file = terminalText(at.file)
  const testbed = at.testbed
  const reason = decision.reason
  switch (reason.kind) {
    case 'recorded':
      return terminalLines(`perfgate: recorded "${key}" in ${file}${(at.recordedFrom ?? 1) > 1 ? ` from ${at.recordedFrom} measurements, pooled` : ''}`)
    case 'missing':
      return terminalLines(
        reason.otherTestbeds.length > 0
          ? errorMessage('TESTBED_MISSING_IN_CI', { key, file, testbed, others: reason.otherTestbeds })
          : errorMessage('BASELINE_MISSING_IN_CI', { key, file }),
      )
    case 'kind-changed':
      return terminalLines(errorMessage('ENTRY_KIND_CHANGED', { key, file, stored: reason.stored, current: reason.current }))
    case 'endpoint-changed':
      return terminalLines(errorMessage('ENDPOINT_CHANGED', { key, file, stored: terminalText(reason.stored), current: terminalText(reason.current) }))
    case 'compared':
      return comparisonReport(key, file, reason.comparison, at.confirmation, decision.record.unresolvedPolicy)
  }
}
