/* Generated from the definitions of schema/results.schema.json that gate records use, by `npm run gen:types`. Do not edit. */

/**
 * Any of the result parts.
 */
export type ResultParts =
  ChangeInterval | CalibrationApplied | ResultExtras | GenerationReport | PromptChartPoint | SweepReport

/**
 * Confidence interval of the change, in percent of the baseline.
 */
export interface ChangeInterval {
  lowPct: number
  highPct: number
  confidence: number
}
export interface CalibrationApplied {
  /**
   * (baselineScoreMs / currentScoreMs) ^ 0.8.
   */
  factor: number
  baselineScoreMs: number
  currentScoreMs: number
  /**
   * Which scores made the factor: the reference's wall times, or its CPU times (when the rows compare CPU time). Absent in results written before the CPU basis: wall.
   */
  basis?: 'wall' | 'cpu'
}
/**
 * Data for the HTML report's extra charts, filled by the kinds of profile that have them.
 */
export interface ResultExtras {
  generation?: GenerationReport
  sweeps?: SweepReport[]
}
/**
 * Per-prompt figures of a generation profile: drawn as TTFT and TPOT per prompt, and TTFT against input tokens.
 */
export interface GenerationReport {
  prompts: PromptChartPoint[]
}
/**
 * One prompt in the HTML report's generation charts: medians of a generation profile's per-prompt figures (PromptFigures), with the baseline's for comparison.
 */
export interface PromptChartPoint {
  /**
   * The prompt, or a short name for it.
   */
  label: string
  inputTokens: number
  outputTokens?: number
  ttftMs: number
  tpotMs?: number
  baselineTtftMs?: number
  baselineTpotMs?: number
}
/**
 * A metric measured over a swept parameter (batch size, sequence length, threads): one line per series.
 */
export interface SweepReport {
  title?: string
  /**
   * The swept parameter, the x axis.
   */
  parameter: string
  /**
   * The measured metric, the y axis.
   */
  metric: string
  unit?: string
  series: {
    name: string
    points: {
      x: number
      y: number
    }[]
  }[]
}
