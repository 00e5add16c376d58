import { describe, it, expect } from 'vitest'
import * as stats from '../../../src/stats/index.js'

describe('stats barrel', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(stats).sort()).toEqual([
      'Z_99',
      'assertFiniteSamples',
      'bootstrapRatioCI',
      'isSorted',
      'linearFit',
      'mannWhitneyU',
      'mean',
      'medianInterval',
      'mulberry32',
      'normalQuantile',
      'percentile',
      'quantileSubsample',
      'relativeHalfWidth',
      'sliceMeans',
      'sortSamples',
      'summarize',
    ])
  })
})
