import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage, PerfgateError, perfgateError, PerfgateTypeError, perfgateTypeError } from '../../src/errors.js'

describe('errorMessage', () => {
  it('says what went wrong, where, and how to fix it', () => {
    expect(errorMessage('BASELINE_MISSING_IN_CI', { key: 'detector 1', file: 'baselines/det.perf.test.ts.json' })).toBe(
      'No baseline for "detector 1" in baselines/det.perf.test.ts.json, and missing baselines are not recorded in CI (CI=true). ' +
        'Record it locally with `npx vitest run -u` (or `npx perfgate update`) and commit baselines/det.perf.test.ts.json.',
    )
    expect(
      errorMessage('DIM_UNRESOLVED', {
        model: 'det.onnx',
        missing: [{ key: 'p2o.DynamicDimension.1', input: 'x', axis: 2, shape: 'float32[1, 3, p2o.DynamicDimension.1, 640]', advice: 'an image side' }],
        literal: "{ 'p2o.DynamicDimension.1': 640 }",
        flag: 'p2o.DynamicDimension.1=640',
        placeholders: ['p2o.DynamicDimension.1'],
      }),
    ).toBe(
      'det.onnx has a dimension without a value in `dims` (all are listed):\n' +
        "  - 'p2o.DynamicDimension.1': axis 2 of input 'x' float32[1, 3, p2o.DynamicDimension.1, 640]: an image side\n" +
        "Give it with the `dims` option, e.g. dims: { 'p2o.DynamicDimension.1': 640 } (CLI: --dims p2o.DynamicDimension.1=640), " +
        "after replacing the placeholder value of 'p2o.DynamicDimension.1' with your production size. " +
        '`npx perfgate inspect <model.onnx>` prints every input and dimension.',
    )
    expect(errorMessage('FEED_MISSING', { input: 'mask', given: [] })).toBe(
      "The `feeds` option lacks input 'mask' (given: none). Give a tensor for every model input.",
    )
  })

  it('shows received values as code: strings quoted, everything else as JSON', () => {
    const expected = 'a positive integer'
    expect(errorMessage('OPTION_INVALID', { option: 'runs', value: 'ten', expected })).toBe("Invalid option runs: got 'ten', expected a positive integer.")
    expect(errorMessage('OPTION_INVALID', { option: 'runs', value: -1, expected })).toBe('Invalid option runs: got -1, expected a positive integer.')
    expect(errorMessage('OPTION_INVALID', { option: 'dims', value: { h: 'x' }, expected })).toBe(
      'Invalid option dims: got {"h":"x"}, expected a positive integer.',
    )
    expect(errorMessage('OPTION_INVALID', { option: 'dims.h', value: Number.NaN, expected })).toBe(
      'Invalid option dims.h: got NaN, expected a positive integer.',
    )
    expect(errorMessage('OPTION_INVALID', { option: 'dims.h', value: -Infinity, expected })).toBe(
      'Invalid option dims.h: got -Infinity, expected a positive integer.',
    )
    expect(errorMessage('OPTION_INVALID', { option: 'runs', value: undefined, expected })).toBe(
      'Invalid option runs: got undefined, expected a positive integer.',
    )
  })

  it('still shows a value JSON cannot serialise', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(errorMessage('OPTION_INVALID', { option: 'x', value: circular, expected: 'y' })).toBe('Invalid option x: got [object Object], expected y.')
    expect(errorMessage('OPTION_INVALID', { option: 'x', value: 2n, expected: 'y' })).toBe('Invalid option x: got 2n, expected y.')
  })
})

describe('perfgateError', () => {
  it('builds a PerfgateError with the code and its message', () => {
    const err = perfgateError('MODEL_NOT_FOUND', { path: 'models/nope.onnx' })
    expect(err).toBeInstanceOf(PerfgateError)
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe('PerfgateError')
    expect(err.code).toBe('MODEL_NOT_FOUND')
    expect(err.message).toBe('Model file not found: models/nope.onnx. Pass the path of an .onnx file (relative paths are resolved from the current directory).')
    expect(err).not.toHaveProperty('cause')
  })

  it('keeps the underlying failure as the cause', () => {
    const cause = new Error('protobuf parsing failed')
    const err = perfgateError('MODEL_LOAD_FAILED', { path: 'models/bad.onnx', detail: cause.message }, cause)
    expect(err.message).toBe('onnxruntime could not load models/bad.onnx: protobuf parsing failed')
    expect(err.cause).toBe(cause)
  })
})

describe('codes without parameters', () => {
  it('are called with the code alone', () => {
    expect(errorMessage('PLUGIN_MISSING')).toContain('plugins: [perfgate()]')
    expect(perfgateError('MATCHER_OUTSIDE_TEST').code).toBe('MATCHER_OUTSIDE_TEST')
    // @ts-expect-error a code with parameters needs them
    expect(() => errorMessage('MODEL_NOT_FOUND')).toThrow(TypeError)
  })
})

describe('the wrapped failure', () => {
  it("keeps the cause's own stack reachable, while the error's stack is its message", () => {
    const cause = new Error('ENOENT: no such file')
    const stack = cause.stack
    const err = perfgateError('BASELINE_UNREADABLE', { file: 'b.json', detail: 'no such file' }, cause)
    expect(err.stack).toBe(`PerfgateError: ${err.message}`)
    expect((err.cause as Error).stack).toBe(stack)
    expect(stack).toMatch(/^\s+at /m)
  })
})

describe('perfgateTypeError', () => {
  it('is a TypeError, as Vitest matchers throw, with a dictionary message and its code', () => {
    const err = perfgateTypeError('MATCHER_NEGATION_UNSUPPORTED', { matcher: 'toBeWithinBaseline' })
    expect(err).toBeInstanceOf(TypeError)
    expect(err).toBeInstanceOf(PerfgateTypeError)
    expect(err.name).toBe('TypeError')
    expect(err.code).toBe('MATCHER_NEGATION_UNSUPPORTED')
    expect(err.message).toBe('perfgate: .not.toBeWithinBaseline() is not supported; gate with toBeWithinBaseline() and a tolerance.')
  })
})

describe('the matchers', () => {
  const dir = join(import.meta.dirname, '../../src/vitest')
  const files = readdirSync(dir).filter((f) => f.endsWith('matcher.ts'))

  it.each(files)('%s throws only dictionary messages', (file) => {
    const text = readFileSync(join(dir, file), 'utf8')
    expect(text).not.toMatch(/new (Type)?Error\(\s*['"`]/)
    expect(text).not.toContain('undefined as never')
  })
})

describe('the CLI', () => {
  const dir = join(import.meta.dirname, '../../src/cli')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))

  it.each(files)('%s reports wrong usage only with dictionary messages', (file) => {
    const text = readFileSync(join(dir, file), 'utf8')
    expect(text).not.toMatch(/new UsageError\(\s*['"`]/)
    expect(text).not.toMatch(/usageError\(io, ['"`]/)
    // its own lines on stderr are dictionary messages, or say which file it wrote
    expect(text).not.toMatch(/stderr\.write\(\s*['"`]perfgate: (?!\$\{|wrote )/)
  })
})
