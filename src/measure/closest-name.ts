/** The known name a mistyped one most likely meant, for "did you mean ...?" hints. */

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}

/**
 * The closest of `known` to `name` (case-insensitive edit distance at most a
 * third of the longer name, at least 2), or one that contains it or is
 * contained in it (`batch_size` for `batch`); undefined when none is close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  let best: { name: string; d: number } | undefined
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase())
    if (d <= Math.max(2, Math.floor(Math.max(lower.length, k.length) / 3)) && (!best || d < best.d)) best = { name: k, d }
  }
  if (best) return best.name
  return known.find((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()))
}
