import { describe, expect, it } from 'vitest'
import { entryFromProfile, entryFromValue, MAX_STORED_SAMPLES } from '../../src/baseline/entry.js'
import { profileResult, runs, sha, TESTBED } from './entry-factory.js'

describe('entryFromProfile', () => {
  it('stores the metrics (rounded to 6 digits), sorted samples, run count, model, options and testbed', () => {
    expect(entryFromProfile(profileResult(), 'detector, 1x3x640x640')).toStrictEqual({
      test: 'detector, 1x3x640x640',
      kind: 'profile',
      metrics: {
        'cpu.mean': 18.4,
        'cpu.p50': 18,
        firstRunMs: 14.25,
        'latency.mean': 10.4,
        'latency.p50': 10,
        'latency.p90': 11.6,
        'latency.p95': 11.8,
        'latency.p99': 11.96,
        loadMs: 35.5,
        'memory.peakDeltaMB': 50.5,
        'memory.peakRssMB': 150.5,
        throughput: 96.1538, // 1000 / 10.4 = 96.153846...
      },
      samples: { cpu: [17, 18, 18, 19, 20], latency: [9, 10, 10, 11, 12] },
      runs: 5,
      model: { bytes: 1234, path: 'models/det.onnx', sha256: sha('a') },
      options: { dims: { batch: 1, h: 640 }, runs: 5, warmup: 2 },
      testbed: TESTBED,
    })
  })

  it('sorts the keys like the file will (what is compared is what reads back)', () => {
    const entry = entryFromProfile(profileResult(), 't')
    expect(Object.keys(entry)).toEqual(['kind', 'metrics', 'model', 'options', 'runs', 'samples', 'test', 'testbed'])
  })

  it('leaves out the model and load time of a function profile', () => {
    const entry = entryFromProfile(profileResult({ kind: 'function', model: undefined, loadMs: undefined }), 't')
    expect(entry).not.toHaveProperty('model')
    expect(entry.metrics).not.toHaveProperty('loadMs')
  })

  it(`keeps at most ${MAX_STORED_SAMPLES} samples: the means of equal-count slices, whose mean is the runs' mean`, () => {
    // 401 runs of 0, 1, ..., 400 ms (given reversed), in 200 slices of 2.005 runs: the first holds 0, 1 and 0.005 of
    // 2: (0 + 1 + 0.01) / 2.005 = 0.503741...; the last 0.005 of 398, 399 and 400: (1.99 + 399 + 400) / 2.005 = 399.496...
    expect(MAX_STORED_SAMPLES).toBe(200)
    const latency = runs(400, 401, -1)
    const entry = entryFromProfile(profileResult({ samples: { latency, cpu: [1, 2] } }), 't')
    const kept = entry.samples.latency!
    expect(kept).toHaveLength(200)
    expect(kept[0]).toBe(0.503741)
    expect(kept[199]).toBe(399.496)
    expect(kept.reduce((a, x) => a + x, 0) / 200).toBeCloseTo(200, 4)
    expect(entry.samples.cpu).toEqual([1, 2])
  })
})

describe('entryFromValue', () => {
  it('stores one number with its direction and no samples', () => {
    expect(entryFromValue(0.123456789, 'higher', 'accuracy', TESTBED)).toStrictEqual({
      test: 'accuracy',
      kind: 'value',
      metrics: { value: 0.123457 },
      better: 'higher',
      samples: {},
      testbed: TESTBED,
    })
  })
})
