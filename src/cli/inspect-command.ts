/** `perfgate inspect model.onnx [--json]` */
import { errorMessage } from '../errors.js'
import { inspectModel } from '../measure/model/model-info.js'
import { modelInfoText } from '../report/model-info-text.js'
import { INSPECT_FLAGS } from './command-flags.js'
import { runCommand } from './experiment-args.js'
import { EXIT, type CliIo } from './io.js'
import { parseFlags } from './parse-flags.js'
import { UsageError } from './usage.js'

export function inspectCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, INSPECT_FLAGS)
    if (positionals.length !== 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'inspect', given: positionals }))
    const info = await inspectModel(positionals[0]!, io.cwd)
    io.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : `${modelInfoText(info)}\n`)
    return EXIT.ok
  })
}
