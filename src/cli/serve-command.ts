/**
 * `perfgate serve [model folder] [--port N] [--host ADDR] [--queue N] [--delay-per-token-ms MS] ...`:
 * serves the model as an OpenAI-compatible streaming API until SIGINT or SIGTERM, then stops cleanly
 * (the request in flight ended, the waiting ones answered 503) and exits 0.
 */
import { resolve } from 'node:path'
import { errorMessage, perfgateError } from '../errors.js'
import { startServer, type RunningServer } from '../serve/completion-server.js'
import { SERVE_DEFAULTS } from '../serve/serve-options.js'
import { loadServedModel } from '../serve/served-model.js'
import { SERVE_FLAGS } from './serving-flags.js'
import { DEFAULT_LANGUAGE_MODEL_DIR } from './default-model.js'
import { intArg, numberArg, runCommand } from './experiment-args.js'
import { EXIT, type CliIo } from './io.js'
import { parseFlags } from './parse-flags.js'
import { UsageError } from './usage.js'

/** Resolves with the signal's name at the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolvePromise) => {
    const on = (name: NodeJS.Signals) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      resolvePromise(name)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}

export function serveCommand(args: readonly string[], io: CliIo, stop: () => Promise<string> = stopSignal): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, SERVE_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'serve', given: positionals }))
    const port = intArg('port', values.port, 0, 65535)
    const queue = intArg('queue', values.queue, 0)
    const threads = intArg('threads', values.threads, 1)
    const delayPerTokenMs = values['delay-per-token-ms'] === '0' ? 0 : numberArg('delay-per-token-ms', values['delay-per-token-ms'])
    const folder = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_LANGUAGE_MODEL_DIR

    const model = await loadServedModel(folder, { name: values['model-name'], threads })
    let server: RunningServer
    try {
      server = await startServer(model, { host: values.host, port, queue, delayPerTokenMs })
    } catch (err) {
      await model.close()
      const address = `${values.host ?? SERVE_DEFAULTS.host}:${port ?? SERVE_DEFAULTS.port}`
      throw perfgateError('SERVE_LISTEN_FAILED', { address, detail: (err as Error).message }, err)
    }
    // listened for from here on: a signal during the model's load ends the process as usual
    const stopped = stop()
    io.stdout.write(`Serving ${model.name} at ${server.url} (POST /chat/completions, /completions; GET /models). Ctrl+C stops.\n`)
    const signal = await stopped
    io.stderr.write(`perfgate: ${signal}: stopping the server\n`)
    await server.close()
    await model.close()
    return EXIT.ok
  })
}
