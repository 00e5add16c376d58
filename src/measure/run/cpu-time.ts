/** Process CPU time (user + system, every thread, onnxruntime's included), ms. */
export function cpuTimeMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
