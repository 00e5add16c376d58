/** "Did you mean ...?": the closest known name to a misspelt one, by edit distance. */

/** Edit distance with adjacent transpositions (optimal string alignment): insert, delete, substitute or swap two neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The known name closest to `word` (case-insensitively), when it is close enough to be a
 * plausible typo: at most a third of the word's length away (and at least 2 edits allowed).
 * Ties go to the earlier name in `known`. Failing that, a name that contains the word or is
 * contained in it (`batch` for `batch_size`, `sequence_length` for `seq`).
 */
export function closestName(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase()
  const limit = Math.max(2, Math.floor(w.length / 3))
  let best: { name: string; distance: number } | undefined
  for (const name of known) {
    const distance = editDistance(w, name.toLowerCase())
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance }
  }
  if (best) return best.name
  return known.find((name) => name.toLowerCase().includes(w) || w.includes(name.toLowerCase()))
}
