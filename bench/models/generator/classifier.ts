/**
 * A small convolutional image classifier:
 *
 *   pixel_values [batch, 3, height, width]
 *   -> Conv(3->C, 3x3, pad 1) -> Relu
 *   -> Conv(C->2C, 3x3, stride 2, pad 1) -> Relu
 *   -> GlobalAveragePool -> Flatten -> Gemm(2C->classes)
 *   -> logits [batch, classes]
 *
 * opset 17, IR version 8. Weights are seeded (PyTorch-style uniform init).
 */
import { checkPositiveInt, DataType, encodePerfgateModel, GraphBuilder, valueInfo } from './onnx-schema.js'
import { weightsFor } from './rng.js'

export interface ClassifierOptions {
  /** Weight seed (default 1). */
  seed?: number
  /** Channels of the first conv; the second has twice as many (default 16). */
  channels?: number
  /** Number of output classes (default 10). */
  classes?: number
}

export const CLASSIFIER_DEFAULTS = { seed: 1, channels: 16, classes: 10 } as const

export function buildClassifier(opts: ClassifierOptions = {}): Uint8Array {
  const seed = opts.seed ?? CLASSIFIER_DEFAULTS.seed
  const c = opts.channels ?? CLASSIFIER_DEFAULTS.channels
  const classes = opts.classes ?? CLASSIFIER_DEFAULTS.classes
  checkPositiveInt('channels', c)
  checkPositiveInt('classes', classes)

  const g = new GraphBuilder()
  g.reserve('pixel_values', 'logits')
  const w = (label: string, dims: number[], fanIn: number): string =>
    g.float(
      label,
      dims,
      weightsFor(
        seed,
        label,
        dims.reduce((a, b) => a * b, 1),
        fanIn,
      ),
    )

  const w1 = w('conv1.weight', [c, 3, 3, 3], 3 * 9)
  const b1 = w('conv1.bias', [c], 3 * 9)
  const w2 = w('conv2.weight', [2 * c, c, 3, 3], c * 9)
  const b2 = w('conv2.bias', [2 * c], c * 9)
  const wfc = w('fc.weight', [classes, 2 * c], 2 * c)
  const bfc = w('fc.bias', [classes], 2 * c)

  let x = g.op('Conv', ['pixel_values', w1, b1], 'conv1', {
    kernel_shape: [3, 3],
    pads: [1, 1, 1, 1],
    strides: [1, 1],
  })
  x = g.op('Relu', [x], 'relu1')
  x = g.op('Conv', [x, w2, b2], 'conv2', { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] })
  x = g.op('Relu', [x], 'relu2')
  x = g.op('GlobalAveragePool', [x], 'pool')
  x = g.op('Flatten', [x], 'flat', { axis: 1 })
  g.opExact('Gemm', [x, wfc, bfc], 'logits', { transB: 1 })

  return encodePerfgateModel(
    'perfgate synthetic conv classifier (random weights; for performance tests only)',
    {
      name: 'perfgate_classifier',
      node: g.nodes,
      initializer: g.initializers,
      input: [valueInfo('pixel_values', DataType.FLOAT, ['batch', 3, 'height', 'width'])],
      output: [valueInfo('logits', DataType.FLOAT, ['batch', classes])],
    },
    { model: 'classifier', seed: String(seed), channels: String(c), classes: String(classes) },
  )
}
