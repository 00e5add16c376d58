/**
 * Real mini-projects for e2e tests: a fixture folder copied to a temp dir with
 * perfgate installed in its node_modules the way npm would (a copy of the built
 * package; its dependencies linked from this repo's node_modules), and Vitest
 * itself run on it as a child process.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))

/** The testbed name fixture runs use unless a test sets PERFGATE_TESTBED itself. */
export const E2E_TESTBED = 'e2e'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  /** stdout and stderr together. */
  output: string
}

export interface RunOptions {
  /** true: CI=true; false: CI removed from the environment. */
  ci: boolean
  env?: Record<string, string>
}

export class FixtureProject {
  /** @param nodeBin the Node.js binary that runs Vitest and the CLI in this project */
  constructor(
    readonly dir: string,
    readonly nodeBin: string = process.execPath,
  ) {}

  path(rel: string): string {
    return join(this.dir, rel)
  }
  exists(rel: string): boolean {
    return existsSync(this.path(rel))
  }
  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8')
  }
  write(rel: string, content: string | Uint8Array): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true })
    writeFileSync(this.path(rel), content)
  }

  /** Runs `vitest run ...args` in the project. */
  vitest(args: readonly string[], opts: RunOptions): Promise<RunResult> {
    return this.spawn([join(this.dir, 'node_modules/vitest/vitest.mjs'), 'run', ...args], opts)
  }

  /** Runs `vitest bench --run ...args` in the project. */
  vitestBench(opts: RunOptions, args: readonly string[] = []): Promise<RunResult> {
    return this.spawn([join(this.dir, 'node_modules/vitest/vitest.mjs'), 'bench', '--run', ...args], opts)
  }

  /** Runs the installed `perfgate` bin in the project. */
  perfgate(args: readonly string[], opts: RunOptions): Promise<RunResult> {
    return this.spawn([join(this.dir, 'node_modules/perfgate/bin/perfgate.js'), ...args], opts)
  }

  /** Runs `node ...argv` in the project. */
  node(argv: readonly string[], opts: RunOptions): Promise<RunResult> {
    return this.spawn(
      argv.map((a) => (a.startsWith('node_modules/') ? join(this.dir, a) : a)),
      opts,
    )
  }

  private spawn(argv: string[], opts: RunOptions): Promise<RunResult> {
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) {
      // the outer Vitest's own variables would change how the inner one behaves
      // (and GITHUB_*: a step summary, base ref or commit of the outer CI job would leak into the fixture's reports)
      if (!k.startsWith('VITEST') && !k.startsWith('GITHUB_') && k !== 'CI' && k !== 'NODE_OPTIONS') env[k] = v
    }
    // a fixed testbed name keeps the baseline paths the same on every machine
    Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0', PERFGATE_TESTBED: E2E_TESTBED }, opts.ci ? { CI: 'true' } : {}, opts.env)
    return new Promise((resolve, reject) => {
      const child = spawn(this.nodeBin, argv, { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      let output = ''
      child.stdout.on('data', (d: Buffer) => ((stdout += d), (output += d)))
      child.stderr.on('data', (d: Buffer) => ((stderr += d), (output += d)))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, output }))
    })
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export interface FixtureInstall {
  /** A node_modules folder that already holds perfgate and its dependencies (e.g. a Vitest 5 install); default: this repo's build */
  modules?: string
  /** The Node.js binary to run it with. */
  nodeBin?: string
}

/** Copies test/fixtures/<name> into a fresh temp project with perfgate installed. */
export function createFixtureProject(name: string, install: FixtureInstall = {}): FixtureProject {
  const dir = mkdtempSync(join(tmpdir(), `perfgate-e2e-${name}-`))
  cpSync(join(REPO, 'test/fixtures', name), dir, { recursive: true })
  const modules = join(dir, 'node_modules')
  mkdirSync(modules)
  if (install.modules) {
    for (const entry of readdirSync(install.modules)) {
      if (entry !== '.bin' && !entry.startsWith('.')) symlinkSync(join(install.modules, entry), join(modules, entry))
    }
    return new FixtureProject(dir, install.nodeBin)
  }
  if (!existsSync(join(REPO, 'dist/vitest/index.js'))) {
    throw new Error('perfgate is not built: run `npm run build` (npm test does it first).')
  }
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === '.bin' || entry === 'perfgate' || entry.startsWith('.')) continue
    symlinkSync(join(REPO, 'node_modules', entry), join(modules, entry))
  }
  const pkg = join(modules, 'perfgate')
  mkdirSync(pkg)
  for (const part of ['package.json', 'dist', 'bin', 'schema']) cpSync(join(REPO, part), join(pkg, part), { recursive: true })
  mkdirSync(join(pkg, 'bench'))
  symlinkSync(join(REPO, 'bench/models'), join(pkg, 'bench/models'))
  return new FixtureProject(dir)
}
