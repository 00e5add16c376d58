/**
 * A tiny model with dimensions that have no name, as Silero VAD declares them:
 * `input` float32[?, ?] (axis 0 declared as dim_param "", axis 1 with neither a
 * name nor a size) and `state` float32[2, ?, 8]. Relu and Identity: real
 * onnxruntime inference of whatever shape is fed.
 */
import { DataType, encodePerfgateModel, GraphBuilder } from '../../bench/models/generator/onnx-schema.js'

type Dim = { dim_value: number } | { dim_param: string } | Record<string, never>

function tensor(name: string, dims: Dim[]) {
  return { name, type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: dims } } } }
}

export function buildUnnamedDimsModel(): Uint8Array {
  const g = new GraphBuilder()
  g.reserve('input', 'state', 'output', 'state_out')
  g.opExact('Relu', ['input'], 'output')
  g.opExact('Identity', ['state'], 'state_out')
  return encodePerfgateModel(
    'unnamed dims, like Silero VAD',
    {
      name: 'unnamed_dims',
      node: g.nodes,
      initializer: [],
      input: [tensor('input', [{ dim_param: '' }, {}]), tensor('state', [{ dim_value: 2 }, {}, { dim_value: 8 }])],
      output: [tensor('output', [{}, {}]), tensor('state_out', [{ dim_value: 2 }, {}, { dim_value: 8 }])],
    } as never,
    {},
  )
}
