/** `perfgate init [--model model.onnx] [--dry-run]`: sets up perf tests in the npm project of the current folder. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { errorMessage, perfgateError } from '../errors.js'
import { inspectModel } from '../measure/model/model-info.js'
import { INIT_FLAGS } from './command-flags.js'
import { runCommand } from './experiment-args.js'
import { filesToRead, type InitModel, type InitStep, planInit, type ProjectFiles } from './init-plan.js'
import { PERF_COMMAND } from './init-templates.js'
import { EXIT, type CliIo } from './io.js'
import { parseFlags } from './parse-flags.js'
import { UsageError } from './usage.js'

function readProject(cwd: string, files: readonly string[]): ProjectFiles {
  const out: Record<string, string | undefined> = {}
  for (const f of files) out[f] = existsSync(join(cwd, f)) ? readFileSync(join(cwd, f), 'utf8') : undefined
  const pkg = out['package.json']
  if (pkg === undefined) throw perfgateError('INIT_NO_PACKAGE_JSON', { cwd })
  try {
    JSON.parse(pkg)
  } catch (err) {
    throw perfgateError('INIT_PACKAGE_JSON_INVALID', { file: join(cwd, 'package.json'), detail: (err as Error).message }, err)
  }
  return out
}

async function initModel(cwd: string, path: string): Promise<InitModel> {
  const info = await inspectModel(path, cwd)
  const rel = relative(cwd, resolve(cwd, path))
  const inputs = info.inputs.map((i) => `${i.name} ${i.type}[${i.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`)
  return { path: (isAbsolute(rel) ? rel : rel.split(sep).join('/')) || path, dims: info.freeDims, inputs }
}

function write(cwd: string, file: string, content: string): void {
  try {
    mkdirSync(dirname(join(cwd, file)), { recursive: true })
    writeFileSync(join(cwd, file), content, { flag: 'wx' })
  } catch (err) {
    throw perfgateError('INIT_WRITE_FAILED', { file, detail: (err as Error).message }, err)
  }
}

/** One line per step, and the lines to add under a file that lacks them. */
function stepLines(step: InitStep, dryRun: boolean): string {
  switch (step.kind) {
    case 'create':
      return `  ${dryRun ? 'would create' : 'created     '}  ${step.file}: ${step.why}\n`
    case 'present':
      return `  ok            ${step.file}: ${step.why}\n`
    case 'suggest':
      return `  add by hand   ${step.file}: ${step.why}. perfgate init leaves the existing file as it is; add:\n                  ${step.add}\n`
  }
}

function nextSteps(model: InitModel | undefined, outsideProject: boolean): string {
  const lines = ['', 'Next:']
  if (!model) lines.push('  - name the model to profile: npx perfgate init --model path/to/model.onnx writes an example perf test for it')
  if (outsideProject) lines.push('  - the model lies outside the project: copy it into the project so that CI finds it, and run perfgate init again')
  lines.push(`  - npx vitest run   (or ${PERF_COMMAND} for the perf tests alone): the first run records the baselines, commit them; the next runs compare`)
  return `${lines.join('\n')}\n`
}

export function initCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, INIT_FLAGS)
    if (positionals.length > 0)
      throw new UsageError(
        errorMessage('USAGE_ARGS', { detail: `init takes no arguments (the model is given with --model PATH), got ${positionals.join(' ')}` }),
      )
    const model = values.model === undefined ? undefined : await initModel(io.cwd, values.model)
    const steps = planInit(readProject(io.cwd, filesToRead(model?.path)), model)
    const dryRun = values['dry-run'] === true
    const created = steps.filter((s) => s.kind === 'create')
    if (!dryRun) for (const s of created) if (s.kind === 'create') write(io.cwd, s.file, s.content)
    io.stdout.write(`perfgate init${dryRun ? ' (dry run: nothing written)' : ''}:\n${steps.map((s) => stepLines(s, dryRun)).join('')}`)
    if (created.length === 0) io.stdout.write('No file written: every file perfgate init creates exists already.\n')
    io.stdout.write(nextSteps(model, model !== undefined && model.path.startsWith('..')))
    return EXIT.ok
  })
}
