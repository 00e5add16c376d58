/** The CLI's help text. */
export const USAGE = `Usage: perfgate <command> [options]

Commands:
  profile [model.onnx]    Profile a model and print its figures. Without a model,
                          profiles the embedded default (a tiny GPT-style decoder,
                          one decode step with 15 cached tokens).
  update [filter...]      Re-record baselines: runs \`vitest run -u [filter...]\`.
  help                    Show this help.

Options of profile:
  --runs N                Minimum measured runs (default 30)
  --warmup N              Warm-up runs after the first run (default 5)
  --min-time MS           Minimum measured time in ms (default 1000)
  --dims a=1,b=2          Values of symbolic input dimensions
  --threads N             onnxruntime intra-op threads (default: onnxruntime's)
  --json FILE             Also write the full result as JSON

Exit codes: 0 success, 1 failure, 2 wrong usage.
`
