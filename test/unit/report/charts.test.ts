import { describe, expect, it } from 'vitest'
import { distributionChart } from '../../../src/report/svg/distribution-chart.js'
import { lineChart } from '../../../src/report/svg/line-chart.js'
import { formatTick, linearScale, logScale, niceTicks } from '../../../src/report/svg/scale.js'
import { HOSTILE } from './results-factory.js'

describe('niceTicks and linearScale', () => {
  it('covers the range with ticks at 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0.43, 0.97, 5)).toEqual({ ticks: [0.4, 0.6, 0.8, 1], domain: [0.4, 1] })
    expect(niceTicks(0.43, 0.97, 10)).toEqual({ ticks: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], domain: [0.4, 1] })
    expect(niceTicks(3, 1234, 4)).toEqual({ ticks: [0, 500, 1000, 1500], domain: [0, 1500] })
    expect(niceTicks(5, 5).domain).toEqual([4.4, 5.6])
    const x = linearScale(0, 10, 100, 200)
    expect([x(0), x(5), x(10)]).toEqual([100, 150, 200])
    expect(formatTick(0.30000000000000004)).toBe('0.3')
  })
})

describe('distributionChart', () => {
  const base = Array.from({ length: 100 }, (_, i) => 0.4 + (i % 10) * 0.01)
  const cur = [...Array.from({ length: 100 }, (_, i) => 5 + (i % 17) * 0.3), 83]

  it('ends the axis at the 99th percentile and counts the stalls beyond it in the last bin', () => {
    const svg = distributionChart(
      [
        { label: 'baseline', samples: base, tone: 'base' },
        { label: 'current', samples: cur, tone: 'cur' },
      ],
      { title: 'Latency per run', unit: 'ms' },
    )
    expect(svg).toContain('1 sample above 10 (max 83.0) in the last bin')
    expect(svg).toContain('aria-label="Latency per run: baseline median 0.445 ms, current median 7.40 ms"')
    expect(svg.match(/<g class="hist (base|cur)">/g)).toHaveLength(2)
  })

  it('draws nothing without samples', () => {
    expect(distributionChart([{ label: 'current', samples: [], tone: 'cur' }], { title: 't', unit: 'ms' })).toBe('')
  })
})

describe('lineChart', () => {
  it('draws lines, dashed steps and markers, with every label escaped', () => {
    const svg = lineChart(
      [
        {
          name: HOSTILE,
          tone: 'current',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 2 },
          ],
        },
        {
          name: 'baseline',
          tone: 'baseline',
          style: 'step',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 1.5 },
          ],
        },
      ],
      { title: HOSTILE, xLabel: 'commit', yLabel: 'ms', categories: ['abc', HOSTILE], markers: [{ x: 1, label: HOSTILE }] },
    )
    expect(svg).not.toContain(HOSTILE)
    expect(svg).toContain('<g class="series s0 line"><path d="M')
    expect(svg).toContain('<g class="series s1 step"><path d="M')
    expect(svg).toContain('<g class="marker"><title>&lt;img src=x onerror=alert(1)&gt;</title>')
  })

  it('draws nothing without points', () => {
    expect(lineChart([{ name: 'a', points: [] }], { title: 't', xLabel: 'x', yLabel: 'y' })).toBe('')
  })
})

describe('logScale', () => {
  it('spans whole 1-2-5 ticks around the range and maps them evenly in log space', () => {
    const x = logScale(0.25, 8.3, 0, 300)
    expect(x.domain).toEqual([0.2, 10])
    expect(x.ticks).toEqual([0.2, 0.5, 1, 2, 5, 10])
    expect(x(0.2)).toBe(0)
    expect(x(10)).toBe(300)
    expect(x(2) - x(1)).toBeCloseTo(x(1) - x(0.5), 10)
  })

  it('is used by the distribution chart when the range spans more than a factor of 8', () => {
    const svg = distributionChart([{ label: 'current', samples: [0.3, 0.31, 0.32, 5], tone: 'cur' }], { title: 't', unit: 'ms' })
    expect(svg).toContain('ms (log scale)')
    expect(distributionChart([{ label: 'current', samples: [1, 2, 3], tone: 'cur' }], { title: 't', unit: 'ms' })).not.toContain('log scale')
  })
})
