/**
 * What the main process learns about one test file from Vitest's reporter
 * API: whether it ran to the end, its tests' states, the records of their
 * assertions (from the task meta) and which test asserted which key.
 */
import type { TestModule } from 'vitest/node'
import type { GateRecord } from '../types/index.js'
import { describeTestLocation } from './test-location.js'
import type { ModuleOutcome } from './settle-run.js'

/**
 * A file ran to the end when it was collected and run without a module-level error (an import that
 * threw, an error in a hook outside tests) and was neither skipped as a whole nor interrupted.
 */
export function moduleRanToEnd(mod: TestModule): boolean {
  const state = mod.state()
  return (state === 'passed' || state === 'failed') && mod.errors().length === 0
}

export function moduleOutcome(mod: TestModule, root: string): ModuleOutcome {
  const outcome: ModuleOutcome = { moduleId: mod.moduleId, ranToEnd: moduleRanToEnd(mod), tests: [], records: [], claims: [] }
  for (const test of mod.children.allTests()) {
    outcome.tests.push({ fullName: test.fullName, state: test.result().state })
    const meta = test.meta() as { perfgate?: GateRecord[] }
    if (!meta.perfgate) continue
    outcome.records.push(...meta.perfgate)
    const where = describeTestLocation(root, mod.moduleId, test.fullName, test.location)
    for (const r of meta.perfgate) outcome.claims!.push({ key: r.key, testId: test.id, where })
  }
  return outcome
}
