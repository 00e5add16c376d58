/** `--dims batch=4,height=224` -> { batch: 4, height: 224 }; null when malformed. */
export function parseDims(text: string): Record<string, number> | null {
  const out: Record<string, number> = {}
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part)
    if (!m) return null
    out[m[1]!] = Number(m[2])
  }
  return out
}
