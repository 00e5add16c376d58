/**
 * The one CSV writer behind every CSV perfgate writes (results, per-prompt
 * generation figures, sweeps, load tests, model comparisons). RFC 4180:
 * comma separated, CRLF between records, a field quoted when it holds a
 * comma, quote or line break. Text is data, never a formula or a terminal
 * command: a text cell starting with = + - @, tab or CR gets a leading
 * apostrophe (spreadsheets would run it), and control characters other than
 * tab and line breaks are written in the visible form the terminal output
 * uses. Numbers are written as numbers, so a negative change stays a number.
 * Pure.
 */
import { visibleControl } from './terminal-text.js'

/** A cell: text, a number (non-finite ones are left empty), a flag, or nothing. */
export type CsvCell = string | number | boolean | null | undefined

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** One field. */
export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return String(value)
  const text = (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(UNSAFE, visibleControl)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole file: the header line, one line per row, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('')
}
