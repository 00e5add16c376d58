/**
 * Runs one of perfgate's own modules in a worker thread or a child process.
 * Installed, perfgate runs from dist/ and the module is the compiled `.js`
 * next to the caller. Run from its TypeScript sources (its own tests), the
 * module is a `.ts` file that Node cannot load by itself: it is then loaded
 * through tsx's `tsImport` (a dev dependency), from a small bootstrap.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { perfgateError } from '../../errors.js'

/** The module `name` next to the module at `callerUrl`, with the caller's extension (.ts in sources, .js in dist). */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl)
}

function tsxApiUrl(from: URL): string {
  let pkg: string
  try {
    pkg = createRequire(from).resolve('tsx/package.json')
  } catch {
    throw perfgateError('TSX_MISSING', { from: fileURLToPath(from) })
  }
  const api = join(dirname(pkg), 'dist/esm/api/index.mjs')
  if (!existsSync(api)) throw perfgateError('TSX_API_MISSING', { api })
  return pathToFileURL(api).href
}

/** Code that loads the .ts module `url` through tsx; one expression, for `-e` and eval workers alike. */
function tsBootstrap(url: URL): string {
  const module = JSON.stringify(url.href)
  return `import(${JSON.stringify(tsxApiUrl(url))}).then((m) => m.tsImport(${module}, ${module}))`
}

/** This process's Node options minus those a worker refuses (the parent may be a `node --input-type=module -e` script). */
function workerExecArgv(): string[] {
  return process.execArgv.filter((a) => !a.startsWith('--input-type'))
}

/** Starts `module` in a worker thread with `workerData`. */
export function startModuleWorker(module: URL, workerData: unknown): Worker {
  const execArgv = workerExecArgv()
  if (module.pathname.endsWith('.ts')) return new Worker(tsBootstrap(module), { eval: true, workerData, execArgv })
  return new Worker(module, { workerData, execArgv })
}

/** Starts `module` in a fresh Node process; `arg` is its last command-line argument. */
export function spawnModule(module: URL, arg: string, env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const argv = module.pathname.endsWith('.ts') ? ['--input-type=module', '-e', tsBootstrap(module), arg] : [fileURLToPath(module), arg]
  return spawn(process.execPath, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] })
}
