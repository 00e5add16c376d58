import { describe, expect, it } from 'vitest'
import { deriveTestbedId, isValidTestbedId } from '../../src/baseline/testbed-id.js'

describe('deriveTestbedId: a readable folder name from what makes timings comparable', () => {
  it('joins platform, arch, a slug of the CPU model and the cores', () => {
    expect(deriveTestbedId({ os: 'linux 6.1.0', arch: 'x64', cpuModel: 'Intel(R) Xeon(R) Processor', cores: 2 })).toBe('linux-x64-intel-xeon-processor-2c')
    expect(deriveTestbedId({ os: 'darwin 23.0.0', arch: 'arm64', cpuModel: 'Apple M2 Pro', cores: 12 })).toBe('darwin-arm64-apple-m2-pro-12c')
  })

  it('drops the clock speed and trademark signs, and caps the CPU part at 40 characters', () => {
    expect(deriveTestbedId({ os: 'linux 5', arch: 'x64', cpuModel: 'Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz', cores: 12 })).toBe(
      'linux-x64-intel-core-i7-8700-12c',
    )
    const long = deriveTestbedId({ os: 'linux 5', arch: 'x64', cpuModel: 'A'.repeat(60), cores: 1 })
    expect(long).toBe(`linux-x64-${'a'.repeat(40)}-1c`)
  })

  it('ignores the kernel release and thread settings (they show as differences instead)', () => {
    const a = deriveTestbedId({ os: 'linux 6.1.0', arch: 'x64', cpuModel: 'X', cores: 4 })
    expect(deriveTestbedId({ os: 'linux 6.8.0', arch: 'x64', cpuModel: 'X', cores: 4 })).toBe(a)
  })
})

describe('isValidTestbedId', () => {
  it('accepts one folder name and refuses paths', () => {
    expect(isValidTestbedId('gha-ubuntu-2c')).toBe(true)
    expect(isValidTestbedId('a.b_c')).toBe(true)
    for (const bad of ['', '..', '../x', 'a/b', '.hidden', 'a b']) expect(isValidTestbedId(bad)).toBe(false)
  })
})
