/** The CLI's help text, and the one way a command reports wrong usage. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { EXIT, type CliIo } from './io.js'

export const USAGE = `Usage: perfgate <command> [options]

Commands:
  profile [model.onnx]    Profile a model and print its figures. Without a model,
                          profiles the embedded default (a tiny GPT-style decoder,
                          one decode step with 15 cached tokens).
  profile --prompts FILE [model]
                          Profile text generation: TTFT, TPOT, E2E and tokens/s
                          per prompt. The model is a folder with an .onnx decoder
                          and its tokenizer.json; without one, generates with the
                          embedded default language model (bench/models/tiny-gpt).
  update [filter...]      Re-record baselines: runs \`vitest run -u [filter...]\`.
  compare A.json B.json   Judge B against A with the gate's rule. A and B are
                          results files (the plugin's json option) or profile
                          results (profile --json). Exit 1 on a regression.
  report results.json     Render a results file: Markdown on stdout, or
                          --md FILE / --html FILE.
  report --history FILE --html OUT
                          Draw the trend of every gated metric over the commits
                          of a history file (the plugin's history option).
  sweep [model.onnx] --over axis=v1,v2,...
                          Profile one point per value of a symbolic dimension or a
                          session option; speedup, efficiency, where it flattens.
  load [model.onnx]       Load test in worker threads at several concurrency levels;
                          requests/s, latency percentiles, errors, goodput under --slo.
  compare-models [name=]a.onnx [name=]b.onnx ...
                          Run variants interleaved; ratios with confidence intervals.
  help                    Show this help.

Options of profile:
  --runs N                Minimum measured runs (default 30)
  --warmup N              Warm-up runs after the first run (default 5)
  --min-time MS           Minimum measured time in ms (default 1000)
  --dims a=1,b=2          Values of symbolic input dimensions
  --threads N             onnxruntime intra-op threads (default: onnxruntime's)
  --sessions N            Spread the runs over N sessions, pooled (default 1)
  --calibrate             Also measure the machine-speed reference workload
  --json FILE             Also write the full result as JSON
  --csv FILE              Also write every metric as CSV

Options of profile --prompts FILE (generation):
  --prompts FILE          Prompts: one per line (blank lines skipped), or a JSON
                          array of strings
  --max-new-tokens N      Tokens to generate per prompt (default 32)
  --runs N                Measured passes over the prompts (default 10)
  --warmup N              Warm-up passes over the prompts (default 1)
  --batch-size N          Prompts generated together, left-padded (default 1)
  --stop-at-eos           Stop at the end-of-sequence token (default: always
                          generate N tokens, for comparable runs)
  --threads N             onnxruntime intra-op threads (default: onnxruntime's)
  --csv FILE              Also write the per-prompt figures as CSV
  --json FILE             Also write the full result as JSON

Options of compare:
  --tolerance 10%         Tolerance of every metric (default 10%, raised to the
                          noise floors of memory and load times)
  --metrics a,b           Metrics to compare (default: those the gate compared)
  --alpha P               Significance level (default 0.01)
  --md FILE, --html FILE, --json FILE
                          Also write the comparison as Markdown, HTML or JSON

Options of sweep (also --dims, --runs, --warmup, --min-time, --threads, --json):
  --over axis=v1,v2       The axis and its values: a symbolic dimension (batch=1,4,8),
                          intraOpNumThreads=1,2, graphOptimizationLevel=basic,all,
                          executionProviders=cpu,cuda+cpu
  --csv FILE              Also write one row per point as CSV
  --prompts FILE          Generation sweep of a language model folder (default: the
                          embedded tiny-gpt) over maxNewTokens=4,8, batchSize=1,2 or
                          promptTokens=8,32 (prompts cut or repeated to that length);
                          TTFT, TPOT, E2E and output tokens/s per point
  --max-new-tokens N      With --prompts: tokens per prompt where the axis does not set it (default 32)

Options of load (also --dims, --threads, --json, --csv):
  --concurrency 1,2,4     Concurrency levels: worker threads, each with its own
                          session (default 1,2,4)
  --duration MS           How long each level sends requests (default 2000)
  --rate N                Offer N requests/s (open loop) instead of back-to-back
  --slo p95=50,...        Latency bounds (p50, p90, p95, p99 in ms; errorRate);
                          exits 1 when no level meets them
  --max-requests N        Most requests per level (default 100000)
  --prompts FILE          Each request generates from one prompt with a language model
                          folder (default: the embedded tiny-gpt); adds output tokens/s,
                          TTFT and TPOT p50/p95 per level
  --max-new-tokens N      With --prompts: tokens per request (default 32)

Options of compare-models (also --dims, --threads, --json, --csv):
  --reference NAME        The variant the others are compared with (default: first)
  --rounds N              Rounds of interleaved runs (default 10)
  --runs-per-round N      Measured runs of each variant per round (default 10)
  --warmup N              Unmeasured runs per variant per round (default 2)
  --process-rounds N      Fresh processes per variant, for load time and memory
                          (default 3)

Exit codes: 0 success, 1 failure (compare: a regression; load: no level meets --slo),
            2 wrong usage or bad input.
`

/** Prints what was wrong and the usage text on stderr; returns the exit code for wrong usage. */
export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`perfgate: ${message}\n\n${USAGE}`)
  return EXIT.usage
}

/**
 * Parses a command's flags strictly (unknown flags and missing values are wrong usage); on wrong usage
 * prints it with the usage text and returns null.
 */
type Strict<O> = { args: string[]; allowPositionals: true; strict: true; options: O }

export function parseOrUsage<const O extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIo,
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<Strict<O>>> | null {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options })
  } catch (err) {
    usageError(io, (err as Error).message)
    return null
  }
}
