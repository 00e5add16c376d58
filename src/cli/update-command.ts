/** `perfgate update [filter...]`: re-records baselines by running `vitest run [filter...] -u` in the project (`-u` last: Vitest reads a word right after `-u` as the update type). */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { errorMessage } from '../errors.js'
import { terminalText } from '../report/terminal-text.js'
import { EXIT, type CliIo } from './io.js'

export async function updateCommand(args: readonly string[], io: CliIo): Promise<number> {
  let vitestBin: string
  try {
    const pkg = createRequire(join(io.cwd, 'package.json')).resolve('vitest/package.json')
    vitestBin = join(dirname(pkg), 'vitest.mjs')
  } catch {
    io.stderr.write(`perfgate: ${errorMessage('CLI_VITEST_MISSING', { cwd: terminalText(io.cwd) })}\n`)
    return EXIT.failure
  }
  return new Promise<number>((resolveExit) => {
    const child = spawn(process.execPath, [vitestBin, 'run', ...args, '-u'], {
      cwd: io.cwd,
      env: { ...io.env, PERFGATE_UPDATE: 'all' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (d: Buffer) => io.stdout.write(d.toString()))
    child.stderr.on('data', (d: Buffer) => io.stderr.write(d.toString()))
    child.on('close', (code) => resolveExit(code ?? EXIT.failure))
  })
}
