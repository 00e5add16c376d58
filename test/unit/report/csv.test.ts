import { describe, expect, it } from 'vitest'
import { profileCsv, resultsCsv } from '../../../src/report/results-csv.js'
import { profileResult } from '../entry-factory.js'
import { resultsFile } from './results-factory.js'

describe('resultsCsv', () => {
  it('has one row per gated metric with its comparison, then the other recorded metrics', () => {
    const lines = resultsCsv(resultsFile()).split('\r\n')
    expect(lines[0]).toBe(
      'file,key,test,status,metric,unit,better,gated,baseline,current,change,change_pct,ci_low_pct,ci_high_pct,ci_confidence,tolerance,verdict,p_value,note',
    )
    expect(lines).toContain('baselines/cls.perf.test.ts.json,p50 alone,classifier,new,value,,lower,false,,2.5,,,,,,,,,')
    expect(lines).toContain(
      'baselines/det.perf.test.ts.json,detector 640 1,detector 640,regressed,latency.p50,ms,lower,true,11,13,2,18.181818181818183,12.5,24.25,0.99,10%,regressed,0.0001,',
    )
    expect(lines).toContain(
      'baselines/det.perf.test.ts.json,detector 640 1,detector 640,regressed,latency.p95,ms,lower,true,11.8,13.8,2,16.94915254237288,,,,10%,regressed,0.0001,',
    )
    expect(lines).toContain(
      'baselines/det.perf.test.ts.json,<img src=x onerror=alert(1)> 1,<img src=x onerror=alert(1)>,pass,latency.p50,ms,lower,true,3,3,0,0,,,,10%,pass,,',
    )
    expect(lines.filter((l) => l.includes('detector 320 1') && l.includes('"beyond tolerance, not significant: p=0.200 >= 0.01"'))).toHaveLength(1)
    // the metrics a compared entry recorded but did not gate: baseline and current, no verdict
    expect(lines.filter((l) => l.includes(',classifier 1,'))).toEqual([
      'baselines/cls.perf.test.ts.json,classifier 1,classifier,pass,latency.p50,ms,lower,true,2,2.1,0.10000000000000009,5.000000000000004,,,,10%,pass,,',
      'baselines/cls.perf.test.ts.json,classifier 1,classifier,pass,latency.p95,ms,lower,false,2.8,2.8,,,,,,,,,',
      'baselines/cls.perf.test.ts.json,classifier 1,classifier,pass,throughput,runs/s,higher,false,500,500,,,,,,,,,',
      'baselines/cls.perf.test.ts.json,classifier 1,classifier,pass,memory.peakDeltaMB,MiB,lower,false,50,50,,,,,,,,,',
    ])
    expect(lines.at(-1)).toBe('')
  })

  it('writes names as data: a formula gets an apostrophe, an escape sequence shows as text', () => {
    const file = resultsFile()
    file.results[0]!.key = '=1+1'
    file.results[0]!.test = '\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1'
    const line = resultsCsv(file).split('\r\n')[1]!
    expect(line).toContain(",'=1+1,\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1,")
  })
})

describe('profileCsv', () => {
  it('lists every metric of a profile in catalogue order, keyed by the model path', () => {
    expect(profileCsv(profileResult()).split('\r\n').slice(0, 4)).toEqual([
      'file,key,test,status,metric,unit,better,gated,baseline,current,change,change_pct,ci_low_pct,ci_high_pct,ci_confidence,tolerance,verdict,p_value,note',
      ',models/det.onnx,,measured,latency.mean,ms,lower,false,,10.4,,,,,,,,,',
      ',models/det.onnx,,measured,latency.p50,ms,lower,false,,10,,,,,,,,,',
      ',models/det.onnx,,measured,latency.p90,ms,lower,false,,11.6,,,,,,,,,',
    ])
    expect(profileCsv(profileResult())).toContain(',models/det.onnx,,measured,throughput,runs/s,higher,false,,96.15384615384615,,,,,,,,,')
  })
})
