/** The one way a command reports wrong usage: a UsageError, printed with the usage text and exit code 2. */
import { USAGE } from './help-text.js'
import { EXIT, type CliIo } from './io.js'

export { USAGE } from './help-text.js'

/** Thrown for wrong usage; runCommand turns it into exit code 2 with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Prints what was wrong and the usage text on stderr; returns the exit code for wrong usage. */
export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`perfgate: ${message}\n\n${USAGE}`)
  return EXIT.usage
}
