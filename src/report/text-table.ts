/** Plain-text tables with aligned columns (numbers right-aligned); cells are data (terminal-text.ts), measured after escaping. */
import { terminalText } from './terminal-text.js'

export type Align = 'left' | 'right'

export function textTable(rawHeader: readonly string[], rawRows: readonly (readonly string[])[], align: readonly Align[]): string {
  const header = rawHeader.map(terminalText)
  const rows = rawRows.map((r) => r.map(terminalText))
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
