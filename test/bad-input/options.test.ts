/**
 * Bad-input rows for options: every public options object refuses unknown
 * names (with a suggestion) and bad values (naming the option, the value and
 * what is allowed), before anything is measured or recorded.
 */
import { describe } from 'vitest'
import { profile } from '../../dist/index.js'
import { perfgate } from '../../dist/vitest/index.js'
import { apiRows, cliRows } from './catalogue.js'

const MODEL = 'bench/models/classifier.onnx'
const LM = 'bench/models/tiny-gpt'
const dims = { batch: 1, height: 32, width: 32 }

/** Runs `fn` with PERFGATE_UPDATE set to `value`, restoring it afterwards. */
function withUpdateEnv(value: string, fn: () => unknown): unknown {
  const before = process.env.PERFGATE_UPDATE
  process.env.PERFGATE_UPDATE = value
  try {
    return fn()
  } finally {
    if (before === undefined) delete process.env.PERFGATE_UPDATE
    else process.env.PERFGATE_UPDATE = before
  }
}

describe('options of profile()', () => {
  apiRows([
    {
      name: 'profile({ runz }) is a typo of runs',
      run: () => profile(MODEL, { dims, runz: 3 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile({ runz })', "did you mean 'runs'?"],
    },
    {
      name: 'opProfile: { runz } is a typo of opProfile.runs',
      run: () => profile(MODEL, { dims, opProfile: { runz: 3 } } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile({ opProfile.runz })', "did you mean 'runs'?"],
    },
    {
      name: 'runs: 1e9 is beyond any cap',
      run: () => profile(MODEL, { dims, runs: 1e9 }),
      code: 'OPTION_INVALID',
      words: ['profile({ runs })', '1000000000', 'an integer from 1 to 1000000'],
    },
    {
      name: 'runs above maxRuns would be cut short by the cap',
      run: () => profile(MODEL, { dims, runs: 20_000 }),
      code: 'OPTION_INVALID',
      words: ['profile({ runs })', '20000', 'at most maxRuns (10000)', 'raise maxRuns'],
    },
    { name: 'runs: NaN', run: () => profile(MODEL, { dims, runs: Number.NaN }), code: 'OPTION_INVALID', words: ['profile({ runs })', 'got NaN'] },
    {
      name: 'warmupTime: 1e12 would never end',
      run: () => profile(MODEL, { dims, warmupTime: 1e12 }),
      code: 'OPTION_INVALID',
      words: ['profile({ warmupTime })', '1000000000000', '<= 600000 (10 minutes)'],
    },
    {
      name: 'minTime: Infinity',
      run: () => profile(MODEL, { dims, minTime: Number.POSITIVE_INFINITY }),
      code: 'OPTION_INVALID',
      words: ['profile({ minTime })', 'got Infinity'],
    },
    {
      name: 'minTime beyond 10 minutes',
      run: () => profile(MODEL, { dims, minTime: 700_000 }),
      code: 'OPTION_INVALID',
      words: ['profile({ minTime })', '10 minutes'],
    },
    {
      name: 'maxRuns: 1.5',
      run: () => profile(MODEL, { dims, maxRuns: 1.5 }),
      code: 'OPTION_INVALID',
      words: ['profile({ maxRuns })', 'got 1.5', 'an integer'],
    },
    { name: 'seed: -1', run: () => profile(MODEL, { dims, seed: -1 }), code: 'OPTION_INVALID', words: ['profile({ seed })', 'got -1', 'an integer >= 0'] },
    {
      name: 'a dimension that is not an integer',
      run: () => profile(MODEL, { dims: { batch: 1.5 } }),
      code: 'OPTION_INVALID',
      words: ['profile({ dims.batch })', 'got 1.5'],
    },
    {
      name: 'a function profile with a typo',
      run: () => profile(() => 1, { warmpu: 1 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile({ warmpu })', "did you mean 'warmup'?"],
    },
  ])
})

describe('options of profile.generate, sweep, load and compare', () => {
  apiRows([
    {
      name: 'generate({ maxTokens }) is a typo of maxNewTokens',
      run: () => profile.generate(LM, { prompts: ['Hi'], maxTokens: 2 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.generate({ maxTokens })', "did you mean 'maxNewTokens'?"],
    },
    {
      name: 'generate({ runs: Infinity })',
      run: () => profile.generate(LM, { prompts: ['Hi'], runs: Number.POSITIVE_INFINITY }),
      code: 'OPTION_INVALID',
      words: ['profile.generate({ runs })', 'got Infinity'],
    },
    {
      name: 'sweep({ runz })',
      run: () => profile.sweep(MODEL, { over: { batch: [1, 2] }, dims, runz: 3 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.sweep({ runz })', "did you mean 'runs'?"],
    },
    {
      name: 'sweep({ flatBelow: NaN })',
      run: () => profile.sweep(MODEL, { over: { batch: [1, 2] }, dims, flatBelow: Number.NaN }),
      code: 'OPTION_INVALID',
      words: ['profile.sweep({ flatBelow })', 'got NaN'],
    },
    {
      name: 'generation sweep({ generate: { maxTokens } })',
      run: () => profile.sweep(LM, { generate: { prompts: ['Hi'], maxTokens: 2 } as never, over: { maxNewTokens: [2, 4] } }),
      code: 'OPTION_UNKNOWN',
      words: ['profile.sweep({ generate.maxTokens })', "did you mean 'maxNewTokens'?"],
    },
    {
      name: 'load({ duration })',
      run: () => profile.load(MODEL, { duration: 100 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.load({ duration })', "did you mean 'durationMs'?"],
    },
    {
      name: 'load({ durationMs: 1e12 })',
      run: () => profile.load(MODEL, { durationMs: 1e12 }),
      code: 'OPTION_INVALID',
      words: ['profile.load({ durationMs })', '10 minutes'],
    },
    {
      name: 'load({ stopGraceMs: 1e12 })',
      run: () => profile.load(MODEL, { stopGraceMs: 1e12 }),
      code: 'OPTION_INVALID',
      words: ['profile.load({ stopGraceMs })', '10 minutes'],
    },
    {
      name: 'load({ generate: { maxTokens } })',
      run: () => profile.load(LM, { generate: { prompts: ['Hi'], maxTokens: 2 } as never }),
      code: 'OPTION_UNKNOWN',
      words: ['profile.load({ generate.maxTokens })', "did you mean 'maxNewTokens'?"],
    },
    {
      name: 'compare({ round })',
      run: () => profile.compare({ a: MODEL, b: MODEL }, { round: 3 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.compare({ round })', "did you mean 'rounds'?"],
    },
    {
      name: 'compare({ reference: 7 })',
      run: () => profile.compare({ a: MODEL, b: MODEL }, { reference: 7 } as never),
      code: 'OPTION_INVALID',
      words: ['profile.compare({ reference })', 'got 7', 'a non-empty string'],
    },
  ])
})

describe('options of the plugin and PERFGATE_UPDATE', () => {
  apiRows([
    {
      name: 'perfgate({ tolerence })',
      run: () => perfgate({ tolerence: '5%' } as never),
      code: 'OPTION_UNKNOWN',
      words: ['perfgate({ tolerence })', "did you mean 'tolerance'?"],
    },
    {
      name: 'perfgate({ tolerance: {} }) tolerates nothing it names',
      run: () => perfgate({ tolerance: {} }),
      code: 'TOLERANCE_INVALID',
      words: ['perfgate({ tolerance })', 'got {}', "'10%'"],
    },
    {
      name: 'perfgate({ metrics: string })',
      run: () => perfgate({ metrics: 'latency.p95' as never }),
      code: 'OPTION_INVALID',
      words: ['perfgate({ metrics })', "got 'latency.p95'", 'an array of metric ids'],
    },
    {
      name: 'perfgate({ metrics: [] })',
      run: () => perfgate({ metrics: [] }),
      code: 'METRICS_EMPTY',
      words: ['perfgate({ metrics })', 'empty list', 'Name at least one metric'],
    },
    {
      name: 'perfgate({ metrics: [typo] })',
      run: () => perfgate({ metrics: ['latency.p50x' as never] }),
      code: 'METRIC_UNKNOWN',
      words: ["'latency.p50x'", "Did you mean 'latency.p50'?"],
    },
    { name: 'perfgate({ alpha: 5 })', run: () => perfgate({ alpha: 5 }), code: 'OPTION_INVALID', words: ['perfgate({ alpha })', 'got 5', 'between 0 and 1'] },
    { name: 'perfgate({ alpha: NaN })', run: () => perfgate({ alpha: Number.NaN }), code: 'OPTION_INVALID', words: ['perfgate({ alpha })', 'got NaN'] },
    {
      name: 'perfgate({ stepSummary: "no" })',
      run: () => perfgate({ stepSummary: 'no' as never }),
      code: 'OPTION_INVALID',
      words: ['perfgate({ stepSummary })', "got 'no'", 'true or false'],
    },
    {
      name: 'PERFGATE_UPDATE=al',
      run: () => withUpdateEnv('al', () => perfgate({})),
      code: 'OPTION_INVALID',
      words: ['PERFGATE_UPDATE', "got 'al'", "did you mean 'all'?"],
    },
  ])
})

describe('CLI flags that map to these options', () => {
  cliRows([
    { name: 'profile --runs 0', argv: ['profile', MODEL, '--dims', 'batch=1,height=32,width=32', '--runs', '0'], exit: 2, words: ['--runs', "'0'"] },
    { name: 'profile --runs abc', argv: ['profile', MODEL, '--runs', 'abc'], exit: 2, words: ['--runs', "'abc'"] },
    {
      name: 'profile --runs 1e9',
      argv: ['profile', MODEL, '--runs', '1000000000'],
      exit: 2,
      words: ['--runs expects an integer from 1 to 1000000', "'1000000000'"],
    },
    {
      name: 'profile --min-time beyond 10 minutes',
      argv: ['profile', MODEL, '--min-time', '1000000000000'],
      exit: 2,
      words: ['--min-time expects an integer from 0 to 600000'],
    },
    {
      name: 'profile --runs above the default maxRuns',
      argv: ['profile', MODEL, '--runs', '20000'],
      exit: 1,
      words: ['profile({ runs })', 'at most maxRuns (10000)'],
    },
    { name: 'profile --warmup-time 1e12', argv: ['profile', MODEL, '--warmup-time', '1e12'], exit: 2, words: ['--warmup-time'] },
    {
      name: 'load --duration beyond 10 minutes',
      argv: ['load', MODEL, '--duration', '1000000000'],
      exit: 2,
      words: ['--duration expects an integer from 1 to 600000', "'1000000000'"],
    },
    {
      name: 'sweep --runs 1e9',
      argv: ['sweep', MODEL, '--over', 'batch=1,2', '--runs', '1000000000'],
      exit: 2,
      words: ['--runs expects an integer from 1 to 1000000'],
    },
    {
      name: 'compare --metrics with a typo',
      argv: ['compare', 'a.json', 'b.json', '--metrics', 'latency.p50x'],
      exit: 2,
      words: ["unknown metric 'latency.p50x'", "Did you mean 'latency.p50'?"],
    },
    { name: 'profile --sessions 5000', argv: ['profile', MODEL, '--sessions', '5000'], exit: 2, words: ['--sessions expects an integer from 1 to 1000'] },
  ])
})
