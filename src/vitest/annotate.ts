/**
 * Test annotations for the gate's findings (Vitest's `context.annotate`), so
 * reporters show them next to the test and Vitest's github-actions reporter
 * turns them into annotations on the pull request's diff: a regression is an
 * error, a change beyond tolerance that was not significant or a baseline from
 * another testbed is a warning, an improvement is a notice.
 */
import type { GateRecord, MetricComparison } from '../types/index.js'
import { formatPercent, formatWithUnit } from '../report/format-number.js'
import { terminalText } from '../report/terminal-text.js'
import { MACHINE_FIELDS } from '../report/machine-fields.js'

export interface Annotation {
  type: 'error' | 'warning' | 'notice'
  message: string
}

function change(r: MetricComparison): string {
  return `${r.metric} ${formatWithUnit(r.baseline, r.unit)} -> ${formatWithUnit(r.current, r.unit)} (${formatPercent(r.changePct)}, tolerance ${r.tolerance})`
}

/** What to annotate for one gate record; pure. Names, files and notes are shown as data (reporters print annotations on the terminal). */
export function annotationsFor(record: GateRecord): Annotation[] {
  const out: Annotation[] = []
  const rows = record.rows ?? []
  const name = `perfgate: "${terminalText(record.key)}"`
  const regressed = rows.filter((r) => r.verdict === 'regressed')
  if (regressed.length > 0) out.push({ type: 'error', message: `${name} regressed against ${terminalText(record.file)}: ${regressed.map(change).join('; ')}` })
  for (const r of rows) {
    if (r.verdict !== 'regressed' && r.verdict !== 'improved' && r.verdict !== 'pass') {
      out.push({ type: 'warning', message: `${name}: ${change(r)} is ${r.verdict}${r.note ? `: ${terminalText(r.note)}` : ''}` })
    } else if (r.note) {
      out.push({ type: 'warning', message: `${name}: ${change(r)}: ${terminalText(r.note)}` })
    }
  }
  const machine = (record.differences ?? []).filter((d) => MACHINE_FIELDS.has(d.field))
  if (machine.length > 0) {
    out.push({
      type: 'warning',
      message: `${name} was compared with a baseline measured on a different testbed (the change may be the machine, not the code): ${terminalText(machine.map((d) => `${d.field} ${d.baseline} -> ${d.current}`).join('; '))}`,
    })
  }
  const improved = rows.filter((r) => r.verdict === 'improved')
  if (improved.length > 0) {
    out.push({ type: 'notice', message: `${name} improved beyond tolerance: ${improved.map(change).join('; ')}. Lock it in with \`npx vitest run -u\`.` })
  }
  return out
}

interface AnnotatableTest {
  context?: { annotate?: (message: string, type?: string) => Promise<unknown> }
}

/** Adds the annotations to the running test; does nothing where the runner has no annotations (before Vitest 3.2). */
export function annotateTest(test: AnnotatableTest, record: GateRecord): void {
  const annotate = test.context?.annotate
  if (typeof annotate !== 'function') return
  for (const a of annotationsFor(record)) {
    try {
      void annotate.call(test.context, a.message, a.type)
    } catch {
      // an annotation is a courtesy: never fail the assertion because of it
    }
  }
}
