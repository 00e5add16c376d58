/** `perfgate serve` as a real child process: started, its URL read from its first line, stopped by a signal. */
import { spawn, type ChildProcess } from 'node:child_process'

export interface ServeProcess {
  /** The API's base URL it printed, e.g. `http://127.0.0.1:41234/v1`. */
  url: string
  child: ChildProcess
  /** Sends `signal` and resolves with the exit code and everything printed. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>
}

/**
 * Runs `node <bin> serve ...args` in `cwd` and resolves once it prints its URL; rejects with what it
 * printed if it exits first.
 */
export function startServeProcess(bin: string, args: readonly string[], cwd: string, nodeBin: string = process.execPath): Promise<ServeProcess> {
  const child = spawn(nodeBin, [bin, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const onData = () => {
      const url = /(http:\/\/\S+\/v1)\b/.exec(stdout)?.[1]
      if (!url) return
      child.stdout.off('data', onData)
      resolve({
        url,
        child,
        stop: async (signal = 'SIGINT') => {
          child.kill(signal)
          const code = await exited
          return { code, stdout, stderr }
        },
      })
    }
    child.stdout.on('data', onData)
    void exited.then((code) => reject(new Error(`perfgate serve exited with ${code} before printing its URL:\n${stdout}${stderr}`)))
  })
}
