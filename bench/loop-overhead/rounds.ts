/**
 * Interleaved rounds for the loop-overhead benchmarks: A B A B ... in one
 * process, so that machine load and clock drift hit both loops alike; the
 * verdict is the ratio of the medians over rounds.
 */
import { percentile, sortSamples } from '../../src/stats/index.js'

export interface RoundsResult {
  a: number[]
  b: number[]
  /** median(a) / median(b): the verdict. */
  ratio: number
  /** The median of the rounds' own a/b ratios: steadier when the machine's load drifts between rounds. */
  pairedRatio: number
}

export const median = (xs: readonly number[]): number => percentile(sortSamples(xs), 50)

/** The ratios as the benchmarks print them. */
export const showRatios = (r: RoundsResult): string => `${r.ratio.toFixed(3)}x (median of the rounds' own ratios ${r.pairedRatio.toFixed(3)}x)`

/** Runs `rounds` rounds of a then b (b first on odd rounds, so neither always goes first); each returns one figure. */
export async function interleave(rounds: number, a: () => Promise<number>, b: () => Promise<number>): Promise<RoundsResult> {
  const as: number[] = []
  const bs: number[] = []
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      as.push(await a())
      bs.push(await b())
    } else {
      bs.push(await b())
      as.push(await a())
    }
  }
  return { a: as, b: bs, ratio: median(as) / median(bs), pairedRatio: median(as.map((x, i) => x / bs[i]!)) }
}
