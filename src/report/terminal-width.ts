/**
 * The width the end-of-run summary fits: COLUMNS when it is set (as `shutil.get_terminal_size` and
 * most tools read it), else the terminal's own width when the output is one, else 120 columns (a CI
 * log or a file, where nothing wraps the lines and 80 would cut them for nothing). Never under 40,
 * where the tables would be all ellipses. Pure: the caller hands in the stream and the environment.
 */

/** Width when the output is not a terminal and COLUMNS is not set. */
export const DEFAULT_LOG_WIDTH = 120
/** The narrowest width the summary is laid out for. */
export const MIN_WIDTH = 40

export function terminalWidth(out: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = Number(env.COLUMNS)
  const columns =
    env.COLUMNS && Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : out.isTTY && out.columns && out.columns > 0 ? out.columns : DEFAULT_LOG_WIDTH
  return Math.max(MIN_WIDTH, columns)
}
