/** The CLI's help text. */
export const USAGE = `Usage: perfgate <command> [options]

Commands:
  profile [model.onnx]    Profile a model and print its figures. Without a model,
                          profiles the embedded default (a tiny GPT-style decoder,
                          one decode step with 15 cached tokens).
  update [filter...]      Re-record baselines: runs \`vitest run -u [filter...]\`.
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
  --json FILE             Also write the full result as JSON

Options of sweep (also --dims, --runs, --warmup, --min-time, --threads, --json):
  --over axis=v1,v2       The axis and its values: a symbolic dimension (batch=1,4,8),
                          intraOpNumThreads=1,2, graphOptimizationLevel=basic,all,
                          executionProviders=cpu,cuda+cpu
  --csv FILE              Also write one row per point as CSV

Options of load (also --dims, --threads, --json, --csv):
  --concurrency 1,2,4     Concurrency levels: worker threads, each with its own
                          session (default 1,2,4)
  --duration MS           How long each level sends requests (default 2000)
  --rate N                Offer N requests/s (open loop) instead of back-to-back
  --slo p95=50,...        Latency bounds (p50, p90, p95, p99 in ms; errorRate);
                          exits 1 when no level meets them
  --max-requests N        Most requests per level (default 100000)

Options of compare-models (also --dims, --threads, --json, --csv):
  --reference NAME        The variant the others are compared with (default: first)
  --rounds N              Rounds of interleaved runs (default 10)
  --runs-per-round N      Measured runs of each variant per round (default 10)
  --warmup N              Unmeasured runs per variant per round (default 2)
  --process-rounds N      Fresh processes per variant, for load time and memory
                          (default 3)

Exit codes: 0 success, 1 failure, 2 wrong usage.
`
