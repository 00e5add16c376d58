/**
 * Process memory: RSS now, and the peak over a window. On Linux the kernel
 * keeps a high-water mark (VmHWM) that can be reset by writing 5 to
 * /proc/self/clear_refs; elsewhere (or if the reset is refused) the peak is the
 * largest RSS sampled between runs.
 */
import { readFileSync, writeFileSync } from 'node:fs'

const MIB = 1024 * 1024

/** Resident set size now, MiB. */
export function rssMB(): number {
  return process.memoryUsage.rss() / MIB
}

function readVmHwmMB(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    return m ? Number(m[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

function resetVmHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

/** Tracks peak RSS from construction to `peak()`; call `sample()` between runs (it only works where the kernel keeps no high-water mark). */
export class PeakMemory {
  readonly source: 'vmhwm' | 'sampled'
  private sampled = 0

  constructor() {
    this.source = process.platform === 'linux' && resetVmHwm() && readVmHwmMB() !== undefined ? 'vmhwm' : 'sampled'
    this.sampled = rssMB()
  }

  /** Records the current RSS (the fallback's only source; cheap enough to call between runs). */
  sample(): void {
    // the kernel keeps the high-water mark itself: nothing to do between runs
    if (this.source === 'vmhwm') return
    const now = rssMB()
    if (now > this.sampled) this.sampled = now
  }

  /** Peak RSS since construction, MiB. */
  peak(): number {
    if (this.source === 'vmhwm') return Math.max(readVmHwmMB() ?? 0, this.sampled, rssMB())
    this.sample()
    return this.sampled
  }
}
