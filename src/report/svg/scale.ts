/** Linear scales and "nice" axis ticks for the SVG charts. Pure. */

export interface Scale {
  (value: number): number
  domain: [number, number]
  ticks: number[]
}

/** 1, 2 or 5 times a power of ten, the step for about `count` ticks over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const span = hi - lo
  if (!(span > 0)) return 1
  const raw = span / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const f = raw / power
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power
}

/** Ticks at multiples of a nice step that cover [lo, hi]; the domain widens to the outer ticks. */
export function niceTicks(lo: number, hi: number, count = 5): { ticks: number[]; domain: [number, number] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { ticks: [0, 1], domain: [0, 1] }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1
    lo -= pad
    hi += pad
  }
  const step = niceStep(lo, hi, count)
  const start = Number((Math.floor(lo / step) * step).toPrecision(12))
  const end = Number((Math.ceil(hi / step) * step).toPrecision(12))
  const ticks: number[] = []
  for (let i = 0, t = start; t <= end + step / 2 && i < 50; i++, t = start + i * step) ticks.push(Number(t.toPrecision(12)))
  return { ticks, domain: [start, end] }
}

/** Maps [d0, d1] onto [r0, r1] with nice ticks (the domain is widened to them). */
export function linearScale(lo: number, hi: number, r0: number, r1: number, tickCount = 5): Scale {
  const { ticks, domain } = niceTicks(lo, hi, tickCount)
  const [d0, d1] = domain
  const f = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) as Scale
  f.domain = domain
  f.ticks = ticks
  return f
}

/** Coordinates with two decimals: short, stable output. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100)
}

/** An axis tick as written: 10, 2.5, 0.001 (ticks are round numbers already). */
export function formatTick(t: number): string {
  return String(Number(t.toPrecision(6)))
}

/** Maps [lo, hi] (both > 0) onto [r0, r1] logarithmically, with ticks at 1, 2 and 5 times powers of ten. */
export function logScale(lo: number, hi: number, r0: number, r1: number): Scale {
  const l0 = Math.log10(lo)
  const l1 = Math.log10(hi)
  const start = Math.floor(l0)
  const end = Math.ceil(l1)
  const candidates: number[] = []
  for (let e = start; e <= end; e++) for (const m of [1, 2, 5]) candidates.push(Number((m * 10 ** e).toPrecision(12)))
  const lowTick = [...candidates].reverse().find((t) => t <= lo) ?? candidates[0]!
  const highTick = candidates.find((t) => t >= hi) ?? candidates.at(-1)!
  const ticks = candidates.filter((t) => t >= lowTick && t <= highTick)
  const a = Math.log10(lowTick)
  const b = Math.log10(highTick)
  const f = ((v: number) => r0 + ((Math.log10(Math.max(v, lowTick)) - a) / (b - a || 1)) * (r1 - r0)) as Scale
  f.domain = [lowTick, highTick]
  f.ticks = ticks
  return f
}
