/** Number formatting for reports: about three significant figures, fixed per magnitude. */

/** 0.0123 -> "0.0123", 1.234 -> "1.23", 12.34 -> "12.3", 1234.5 -> "1235". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x)
  const a = Math.abs(x)
  if (a === 0) return '0'
  if (a >= 100) return x.toFixed(0)
  if (a >= 10) return x.toFixed(1)
  if (a >= 1) return x.toFixed(2)
  return x.toPrecision(3)
}

/** A value with its unit: "12.3 ms". */
export function formatWithUnit(x: number, unit: string): string {
  return unit ? `${formatNumber(x)} ${unit}` : formatNumber(x)
}

/** A signed change: "+1.23", "-0.5". */
export function formatSigned(x: number): string {
  return x > 0 ? `+${formatNumber(x)}` : formatNumber(x)
}

/** A signed percentage with one decimal: "+12.3%"; "n/a" when null. */
export function formatPercent(x: number | null): string {
  if (x === null) return 'n/a'
  return `${x > 0 ? '+' : ''}${x.toFixed(1)}%`
}
