/** The CLI's help texts, written from the commands' flag tables (command-flags.ts). */
import { COMMAND_TABLES, type CommandTable, type Flag } from './command-flags.js'

const INDENT = 2
/** Where descriptions start. */
const COLUMN = 26
const WIDTH = 80

/** `text` broken into lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width = WIDTH - COLUMN): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line]
}

/** `left` in the first column and `text` wrapped in the second; `left` takes its own line when it reaches the second column. */
function twoColumns(left: string, text: string): string {
  const [first = '', ...rest] = wrap(text)
  const head = `${' '.repeat(INDENT)}${left}`
  const pad = ' '.repeat(COLUMN)
  const lines = head.length < COLUMN - 1 ? [head.padEnd(COLUMN) + first] : [head, pad + first]
  return [...lines, ...rest.map((l) => pad + l)].join('\n')
}

/** `--runs N`, or `--calibrate` for a switch. */
export function flagUsage(flag: Flag): string {
  return flag.value === undefined ? `--${flag.name}` : `--${flag.name} ${flag.value}`
}

/** One help line per flag, its default in brackets. */
function flagLines(flags: readonly Flag[]): string {
  return flags.map((f) => twoColumns(flagUsage(f), f.default === undefined ? f.description : `${f.description} (default: ${f.default})`)).join('\n')
}

const EXIT_CODES = `Exit codes: 0 success; 1 failure (compare: a regression; load: no level meets --slo;
            a model, file or option value perfgate cannot use, with the message saying which);
            2 wrong usage (an unknown command or flag, a flag value of the wrong form).
`

function tableHelp(t: CommandTable): string {
  const options = t.flags.length === 0 ? '' : `\n\nOptions:\n${flagLines(t.flags)}`
  return `Usage: perfgate ${t.synopsis}${t.flags.length === 0 ? '' : ' [options]'}\n\n${wrap(t.about, WIDTH).join('\n')}${options}\n`
}

/** `perfgate <command> --help`: the command's usage and every flag with its default; undefined for an unknown command. */
export function commandHelp(command: string): string | undefined {
  const tables = Object.hasOwn(COMMAND_TABLES, command) ? COMMAND_TABLES[command] : undefined
  return tables ? `${tables.map(tableHelp).join('\n')}\n${EXIT_CODES}` : undefined
}

function overview(): string {
  const commands = Object.values(COMMAND_TABLES).flatMap((tables) => tables.map((t) => twoColumns(t.synopsis, t.about)))
  const options = Object.values(COMMAND_TABLES).flatMap((tables) =>
    tables.filter((t) => t.flags.length > 0).map((t) => `Options of ${t.heading ?? t.synopsis.split(' ')[0]!}:\n${flagLines(t.flags)}`),
  )
  return [
    'Usage: perfgate <command> [options]',
    '',
    'Commands:',
    ...commands,
    twoColumns('help [command]', "Show this help, or one command's flags and defaults (also `perfgate <command> --help`)."),
    '',
    options.join('\n\n'),
    '',
    EXIT_CODES,
  ].join('\n')
}

/** `perfgate help`: every command and every flag. */
export const USAGE = overview()
