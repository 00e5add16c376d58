/**
 * What a failing gate adds about operators: the ones whose time grew most
 * when both the baseline and the current entry carry an op table, or how to
 * get one when they do not.
 */
import { opGrowth } from '../compare/op-growth.js'
import { opGrowthReport } from '../report/op-table.js'
import type { BaselineEntry } from '../types/index.js'

export function opGrowthSection(status: string, stored: BaselineEntry | undefined, current: BaselineEntry): string {
  if (status !== 'regressed' || current.kind !== 'profile') return ''
  if (stored?.opProfile && current.opProfile) return `\n\n${opGrowthReport(opGrowth(stored.opProfile, current.opProfile))}`
  if (current.opProfile)
    return '\n\nThe baseline has no operator table to compare with: re-record it with `opProfile: true` to see which operators grow next time.'
  return '\n\nTo see which operators got slower, profile with `opProfile: true` and re-record the baseline.'
}
