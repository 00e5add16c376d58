/** Progress lines on stderr for commands that may take more than about two seconds. */
import type { CliIo } from './io.js'

/** Progress lines start after this long, then repeat at this interval. */
export const PROGRESS_AFTER_MS = 2000

/** Runs `body`, printing `perfgate: <doing>... N s` every PROGRESS_AFTER_MS while it lasts. */
export async function withProgress<T>(io: CliIo, doing: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const ticker = setInterval(() => {
    io.stderr.write(`perfgate: ${doing}... ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
  }, PROGRESS_AFTER_MS)
  try {
    return await body()
  } finally {
    clearInterval(ticker)
  }
}
