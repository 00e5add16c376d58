/**
 * Testbed ids: the name of the folder that keeps one machine's baselines
 * apart from another's. Derived from what makes timings comparable (OS, CPU
 * architecture and model, cores), readable in a file tree, e.g.
 * `linux-x64-intel-xeon-processor-2c`; or named by the user.
 */
import type { Testbed } from '../types/index.js'

export function deriveTestbedId(t: Pick<Testbed, 'os' | 'arch' | 'cpuModel' | 'cores'>): string {
  const platform = t.os.split(' ')[0] ?? 'unknown'
  const cpu = t.cpuModel
    .toLowerCase()
    .replace(/\((r|tm)\)/g, '')
    .replace(/\b(cpu|with radeon graphics)\b/g, '')
    .replace(/@.*$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return [platform, t.arch, cpu || 'cpu', `${t.cores}c`].join('-')
}

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** A user-given testbed name must be usable as one folder name. */
export function isValidTestbedId(id: string): boolean {
  return VALID_ID.test(id) && id !== '..'
}
