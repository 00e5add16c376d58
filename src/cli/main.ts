/** The `perfgate` command: dispatches to the subcommands; testable in-process. */
import { readFileSync } from 'node:fs'
import { errorMessage } from '../errors.js'
import { closestName } from '../options/suggest.js'
import { COMMAND_TABLES } from './command-flags.js'
import { terminalLines } from '../report/terminal-text.js'
import { PACKAGE_ROOT } from './default-model.js'
import { EXIT, type CliIo } from './io.js'
import { generateCommand, wantsGeneration } from './generate-command.js'
import { profileCommand } from './profile-command.js'
import { endpointCommand, wantsEndpoint } from './endpoint-command.js'
import { compareCommand } from './compare-command.js'
import { reportCommand } from './report-command.js'
import { compareModelsCommand } from './compare-models-command.js'
import { loadCommand } from './load-command.js'
import { endpointLoadCommand } from './endpoint-load-command.js'
import { serveCommand } from './serve-command.js'
import { inspectCommand } from './inspect-command.js'
import { initCommand } from './init-command.js'
import { sweepCommand } from './sweep-command.js'
import { updateCommand } from './update-command.js'
import { commandHelp, USAGE } from './help-text.js'
import { wantsHelp } from './parse-flags.js'

export type { CliIo } from './io.js'

/**
 * perfgate's own lines on stderr (errors, progress, files written) echo file names, model paths and
 * server messages: all shown as data. Colours are only ever painted on stdout.
 */
function dataOnStderr(io: CliIo): CliIo {
  return { ...io, stderr: { write: (s: string) => io.stderr.write(terminalLines(s)) } }
}

export async function main(rawIo: CliIo): Promise<number> {
  const io = dataOnStderr(rawIo)
  const [command, ...rest] = io.argv
  // `perfgate <command> --help` is perfgate's own help, for update too (whose other arguments go to vitest)
  const help = command === undefined ? undefined : commandHelp(command)
  if (help !== undefined && wantsHelp(rest)) {
    io.stdout.write(help)
    return EXIT.ok
  }
  switch (command) {
    case 'profile':
      if (wantsEndpoint(rest)) return endpointCommand(rest, io)
      return wantsGeneration(rest) ? generateCommand(rest, io) : profileCommand(rest, io)
    case 'inspect':
      return inspectCommand(rest, io)
    case 'init':
      return initCommand(rest, io)
    case 'update':
      // Vitest's own (coloured) output passes through as it is
      return updateCommand(rest, rawIo)
    case 'compare':
      return compareCommand(rest, io)
    case 'report':
      return reportCommand(rest, io)
    case 'sweep':
      return sweepCommand(rest, io)
    case 'load':
      return wantsEndpoint(rest) ? endpointLoadCommand(rest, io) : loadCommand(rest, io)
    case 'serve':
      return serveCommand(rest, io)
    case 'compare-models':
      return compareModelsCommand(rest, io)
    case 'help':
    case '--help':
    case '-h':
      return helpCommand(rest[0], io)
    case '--version':
    case '-v': {
      const pkg = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }
      io.stdout.write(`${pkg.version}\n`)
      return EXIT.ok
    }
    case undefined:
      io.stderr.write(`perfgate: ${errorMessage('CLI_NO_COMMAND')}\n\n${USAGE}`)
      return EXIT.usage
    default:
      return unknownCommand(command, io)
  }
}

function unknownCommand(command: string, io: CliIo): number {
  io.stderr.write(
    `perfgate: ${errorMessage('CLI_UNKNOWN_COMMAND', { command, suggestion: closestName(command, [...Object.keys(COMMAND_TABLES), 'help']) })}\n\n${USAGE}`,
  )
  return EXIT.usage
}

/** `perfgate help`: every command; `perfgate help <command>`: that command's help, as `perfgate <command> --help`. */
function helpCommand(command: string | undefined, io: CliIo): number {
  // `perfgate help --help` (and `-h`) is the general help, like `perfgate help`
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout.write(USAGE)
    return EXIT.ok
  }
  const help = commandHelp(command)
  if (help === undefined) return unknownCommand(command, io)
  io.stdout.write(help)
  return EXIT.ok
}
