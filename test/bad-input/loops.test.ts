/**
 * Bad input of the loop-overhead and gate-quality benchmarks (the measuring
 * loops themselves take no user input beyond the options others validate):
 * `--busy K` of bench/gate-quality/run.ts. The benchmark prints the message
 * and exits 2; the rows check the parser it uses.
 */
import { describe } from 'vitest'
import { parseBusy } from '../../bench/gate-quality/busy-load.js'
import { apiRows } from './catalogue.js'

const expected = ['--busy', 'bench/gate-quality/run.ts', 'a whole number from 0 to 64', 'e.g. --busy 2']

describe('bench/gate-quality --busy', () => {
  apiRows([
    { name: '--busy without a value', run: () => parseBusy(['20', '--busy']), code: 'OPTION_INVALID', words: [...expected, 'got undefined'] },
    { name: '--busy with a word', run: () => parseBusy(['--busy', 'two']), code: 'OPTION_INVALID', words: [...expected, "got 'two'"] },
    { name: '--busy=-1', run: () => parseBusy(['--busy=-1']), code: 'OPTION_INVALID', words: [...expected, "got '-1'"] },
    { name: '--busy 1.5', run: () => parseBusy(['--busy', '1.5']), code: 'OPTION_INVALID', words: [...expected, "got '1.5'"] },
    { name: '--busy 65 (more than it will start)', run: () => parseBusy(['--busy', '65']), code: 'OPTION_INVALID', words: [...expected, "got '65'"] },
    { name: '--busy= (empty)', run: () => parseBusy(['--busy=']), code: 'OPTION_INVALID', words: [...expected, "got ''"] },
  ])
})
