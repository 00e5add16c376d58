import { describe, expect, it } from 'vitest'
import { errorMessage, PerfgateError, perfgateError } from '../../src/errors.js'

describe('errorMessage', () => {
  it('says what went wrong, where, and how to fix it', () => {
    expect(errorMessage('BASELINE_MISSING_IN_CI', { key: 'detector 1', file: 'baselines/det.perf.test.ts.json' })).toBe(
      'No baseline for "detector 1" in baselines/det.perf.test.ts.json, and missing baselines are not recorded in CI (CI=true). ' +
        'Record it locally with `npx vitest run -u` (or `npx perfgate update`) and commit baselines/det.perf.test.ts.json.',
    )
    expect(errorMessage('DIM_UNRESOLVED', { input: 'pixel_values', dim: 'batch', shape: '[batch,3,640,640]' })).toBe(
      "Input 'pixel_values' has the symbolic dimension 'batch' (shape [batch,3,640,640]) and no value for it. " +
        'Give one with the `dims` option, e.g. dims: { batch: 1 } (CLI: --dims batch=1).',
    )
    expect(errorMessage('FEED_MISSING', { input: 'mask', given: [] })).toBe(
      "The `feeds` option lacks input 'mask' (given: none). Give a tensor for every model input.",
    )
  })

  it('shows received values as code: strings quoted, everything else as JSON', () => {
    const expected = 'a positive integer'
    expect(errorMessage('OPTION_INVALID', { option: 'runs', value: 'ten', expected })).toBe(
      "Invalid option runs: got 'ten', expected a positive integer.",
    )
    expect(errorMessage('OPTION_INVALID', { option: 'runs', value: -1, expected })).toBe('Invalid option runs: got -1, expected a positive integer.')
    expect(errorMessage('OPTION_INVALID', { option: 'dims', value: { h: 'x' }, expected })).toBe(
      'Invalid option dims: got {"h":"x"}, expected a positive integer.',
    )
    expect(errorMessage('OPTION_INVALID', { option: 'dims.h', value: Number.NaN, expected })).toBe('Invalid option dims.h: got NaN, expected a positive integer.')
    expect(errorMessage('OPTION_INVALID', { option: 'dims.h', value: -Infinity, expected })).toBe('Invalid option dims.h: got -Infinity, expected a positive integer.')
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
    expect(err.message).toBe(
      'Model file not found: models/nope.onnx. Pass the path of an .onnx file (relative paths are resolved from the current directory).',
    )
    expect(err).not.toHaveProperty('cause')
  })

  it('keeps the underlying failure as the cause', () => {
    const cause = new Error('protobuf parsing failed')
    const err = perfgateError('MODEL_LOAD_FAILED', { path: 'models/bad.onnx', detail: cause.message }, cause)
    expect(err.message).toBe('onnxruntime could not load models/bad.onnx: protobuf parsing failed')
    expect(err.cause).toBe(cause)
  })
})
