/**
 * `perfgate <command> --help` and `perfgate help`: written from the commands'
 * flag tables, so the tests walk the tables; the parser is built from the same
 * tables, so a flag cannot be accepted without being documented, or the reverse.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_TABLES, COMPARE_MODELS_FLAGS, GENERATE_FLAGS, LOAD_FLAGS, PROFILE_FLAGS, type Flag } from '../../src/cli/command-flags.js'
import { flagUsage } from '../../src/cli/help-text.js'
import { parseFlags } from '../../src/cli/parse-flags.js'
import { UsageError } from '../../src/cli/usage.js'
import { COMPARE_DEFAULTS } from '../../src/measure/experiments/compare-models.js'
import { GENERATE_DEFAULTS } from '../../src/measure/generation/generate-options.js'
import { LOAD_DEFAULTS } from '../../src/measure/load/load.js'
import { PROFILE_DEFAULTS } from '../../src/measure/run/options.js'
import { runCli as cli } from './run-cli.js'

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-help-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const commands = Object.keys(COMMAND_TABLES)
const flagsOf = (command: string): Flag[] => COMMAND_TABLES[command]!.flatMap((t) => [...t.flags])
/** Help lines joined where the description wraps, so a default split over two lines is still found. */
const unwrapped = (text: string) => text.replace(/\n {26}/g, ' ')

describe('perfgate <command> --help', () => {
  it('covers every command', () => {
    expect(commands.sort()).toEqual(['compare', 'compare-models', 'init', 'inspect', 'load', 'profile', 'report', 'serve', 'sweep', 'update'])
  })

  it.each(
    commands.flatMap((c) => [
      [c, '--help'],
      [c, '-h'],
    ]),
  )('%s %s exits 0 and lists every flag of its table with its default', async (command, flag) => {
    const r = await cli([command, flag], tmp)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Usage: perfgate ${command}`)
    const text = unwrapped(r.stdout)
    for (const f of flagsOf(command)) {
      expect(text).toContain(`  ${flagUsage(f)} `)
      if (f.default !== undefined) expect(text).toContain(`(default: ${f.default})`)
    }
  })

  it('profile --help does not profile, even with other flags', async () => {
    const r = await cli(['profile', '--runs', '3', '--help'], tmp)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--min-time MS')
    expect(r.stdout).toContain('--max-new-tokens N')
  })

  it("update --help prints perfgate's help (no vitest is run, none is installed here) and says filters go to vitest", async () => {
    const r = await cli(['update', '--help'], tmp)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: perfgate update [filter...]')
    expect(r.stdout).toContain('forwarding the filters')
    expect(r.stdout).toContain('vitest run -u')
  })
})

describe('an unknown command', () => {
  it('exits 2 and suggests the command meant', async () => {
    const r = await cli(['profil'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("unknown command 'profil': did you mean 'profile'?")
  })
})

describe('perfgate help', () => {
  it('lists every command and every flag of every table', async () => {
    const r = await cli(['help'])
    const text = unwrapped(r.stdout)
    for (const tables of Object.values(COMMAND_TABLES)) {
      for (const t of tables) {
        expect(r.stdout).toContain(`  ${t.synopsis}`)
        for (const f of t.flags) expect(text).toContain(`  ${flagUsage(f)} `)
      }
    }
  })
})

describe('perfgate help --help', () => {
  it('is the general help, exit 0 (like every other command with --help)', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await cli(['help', flag])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toBe((await cli(['help'])).stdout)
    }
  })
})

describe('perfgate help <command>', () => {
  it.each(commands)('help %s prints what `%s --help` prints, and exits 0', async (command) => {
    const viaHelp = await cli(['help', command], tmp)
    const viaFlag = await cli([command, '--help'], tmp)
    expect(viaHelp.code).toBe(0)
    expect(viaHelp.stderr).toBe('')
    expect(viaHelp.stdout).toContain(`Usage: perfgate ${command}`)
    expect(viaHelp.stdout).toBe(viaFlag.stdout)
  })

  it('help for an unknown command exits 2 and suggests the command meant', async () => {
    const r = await cli(['help', 'sweeep'], tmp)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain("perfgate: unknown command 'sweeep': did you mean 'sweep'?")
  })
})

describe('the flag tables', () => {
  it('take their defaults from the constants the code uses', () => {
    const def = (flags: readonly Flag[], name: string) => flags.find((f) => f.name === name)?.default
    expect(def(PROFILE_FLAGS, 'runs')).toBe(String(PROFILE_DEFAULTS.runs))
    expect(def(PROFILE_FLAGS, 'min-time')).toBe(String(PROFILE_DEFAULTS.minTime))
    expect(def(GENERATE_FLAGS, 'max-new-tokens')).toBe(String(GENERATE_DEFAULTS.maxNewTokens))
    expect(def(LOAD_FLAGS, 'concurrency')).toBe(LOAD_DEFAULTS.concurrency.join(','))
    expect(def(COMPARE_MODELS_FLAGS, 'process-rounds')).toBe(String(COMPARE_DEFAULTS.processRounds))
  })

  it.each(commands)('%s: the parser accepts every flag of the table, and no other', (command) => {
    for (const f of flagsOf(command)) {
      const args = f.value === undefined ? [`--${f.name}`] : [`--${f.name}`, 'x']
      expect(parseFlags(args, flagsOf(command)).values).toEqual({ [f.name]: f.value === undefined ? true : 'x' })
    }
    expect(() => parseFlags(['--not-a-flag'], flagsOf(command))).toThrow(UsageError)
  })

  it('a flag names each of its table once', () => {
    for (const tables of Object.values(COMMAND_TABLES)) {
      for (const t of tables) expect(new Set(t.flags.map((f) => f.name)).size).toBe(t.flags.length)
    }
  })
})
