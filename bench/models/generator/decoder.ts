/**
 * A tiny GPT-style decoder-only language model with a KV cache, laid out like
 * a Hugging Face Optimum text-generation-with-past export:
 *
 *   inputs   input_ids                 int64   [batch_size, sequence_length]
 *            attention_mask            int64   [batch_size, total_sequence_length]
 *            position_ids              int64   [batch_size, sequence_length]
 *            past_key_values.{i}.key   float32 [batch_size, heads, past_sequence_length, head_dim]
 *            past_key_values.{i}.value float32 [batch_size, heads, past_sequence_length, head_dim]
 *   outputs  logits                    float32 [batch_size, sequence_length, vocab]
 *            present.{i}.key           float32 [batch_size, heads, total_sequence_length, head_dim]
 *            present.{i}.value         float32 [batch_size, heads, total_sequence_length, head_dim]
 *
 * `layout: 'legacy'` builds the same network in the older GPT-2 export style
 * instead (onnxruntime's gpt2 tooling, early transformers exports): one stacked
 * key/value tensor per layer,
 *
 *   inputs   past_{i}     float32 [2, batch_size, heads, past_sequence_length, head_dim]
 *   outputs  present_{i}  float32 [2, batch_size, heads, total_sequence_length, head_dim]
 *
 * (index 0 of the first axis is the key, 1 the value). `idsType: 'int32'`
 * declares input_ids, attention_mask and position_ids as int32.
 *
 * Architecture (GPT-2 like): token + learned position embeddings; per layer
 * pre-LN multi-head self-attention with a causal + padding mask built in-graph,
 * residual, pre-LN MLP with tanh-approximated GELU, residual; final LN; lm_head
 * tied to the token embedding. opset 17 (LayerNormalization is native; GELU is
 * composed of Mul/Add/Tanh because the Gelu op only arrives in opset 20).
 */
import { checkPositiveInt, DataType, encodePerfgateModel, GraphBuilder, valueInfo, type ValueInfoMsg } from './onnx-schema.js'
import { int8Dense } from './quantize.js'
import { deriveSeed, Rng, weightsFor } from './rng.js'

export interface DecoderOptions {
  /** Weight seed (default 7). */
  seed?: number
  /** Transformer blocks (default 2). */
  layers?: number
  /** Model width (default 128). */
  hidden?: number
  /** Attention heads; must divide `hidden` (default 4). */
  heads?: number
  /** MLP inner width (default 512). */
  ffn?: number
  /** Vocabulary size (required: comes from the tokenizer). */
  vocabSize: number
  /** Learned position embeddings, i.e. the longest supported total sequence (default 256). */
  maxPositions?: number
  /** KV-cache convention: `optimum` (past_key_values.{i}.key|value, default) or `legacy` (stacked past_{i}/present_{i}). */
  layout?: DecoderLayout
  /** Element type of input_ids, attention_mask and position_ids (default int64). */
  idsType?: 'int64' | 'int32'
  /**
   * Weights of the linear layers (attention projections and MLP): `float32`, or `int8` quantized the way
   * onnxruntime's dynamic quantization writes them (MatMulInteger; embeddings and lm_head stay float32).
   * Default float32.
   */
  weights?: 'float32' | 'int8'
}

export type DecoderLayout = 'optimum' | 'legacy'

export const DECODER_DEFAULTS = { seed: 7, layers: 2, hidden: 128, heads: 4, ffn: 512, maxPositions: 256 } as const

/** Value written where attention is not allowed: large but finite, so fully masked rows stay finite. */
export const MASK_VALUE = -1e9
export const LAYER_NORM_EPSILON = 1e-5

export type ResolvedDecoderOptions = Required<DecoderOptions> & { headDim: number }

export function resolveDecoderOptions(opts: DecoderOptions): ResolvedDecoderOptions {
  const r = {
    seed: opts.seed ?? DECODER_DEFAULTS.seed,
    layers: opts.layers ?? DECODER_DEFAULTS.layers,
    hidden: opts.hidden ?? DECODER_DEFAULTS.hidden,
    heads: opts.heads ?? DECODER_DEFAULTS.heads,
    ffn: opts.ffn ?? DECODER_DEFAULTS.ffn,
    vocabSize: opts.vocabSize,
    maxPositions: opts.maxPositions ?? DECODER_DEFAULTS.maxPositions,
    layout: opts.layout ?? 'optimum',
    idsType: opts.idsType ?? 'int64',
    weights: opts.weights ?? 'float32',
  }
  for (const k of ['layers', 'hidden', 'heads', 'ffn', 'vocabSize', 'maxPositions'] as const) checkPositiveInt(k, r[k])
  if (r.hidden % r.heads !== 0) throw new Error(`hidden (${r.hidden}) must be divisible by heads (${r.heads})`)
  return { ...r, headDim: r.hidden / r.heads }
}

export function buildDecoder(opts: DecoderOptions): Uint8Array {
  const o = resolveDecoderOptions(opts)
  const { seed, layers: L, hidden: D, heads: H, headDim: Dh, ffn: F, vocabSize: V, maxPositions: P } = o
  const legacy = o.layout === 'legacy'

  const g = new GraphBuilder()
  const pastKey = (i: number): string => `past_key_values.${i}.key`
  const pastValue = (i: number): string => `past_key_values.${i}.value`
  const presentKey = (i: number): string => `present.${i}.key`
  const presentValue = (i: number): string => `present.${i}.value`
  const pastStacked = (i: number): string => `past_${i}`
  const presentStacked = (i: number): string => `present_${i}`
  g.reserve('input_ids', 'attention_mask', 'position_ids', 'logits')
  if (legacy) for (let i = 0; i < L; i++) g.reserve(pastStacked(i), presentStacked(i))
  else for (let i = 0; i < L; i++) g.reserve(pastKey(i), pastValue(i), presentKey(i), presentValue(i))

  // --- parameters ---------------------------------------------------------
  const size = (dims: number[]): number => dims.reduce((a, b) => a * b, 1)
  /** Linear-layer style weight: uniform in ±1/sqrt(fan_in). */
  const linear = (label: string, dims: number[], fanIn: number): string => g.float(label, dims, weightsFor(seed, label, size(dims), fanIn))
  /** Embedding style weight: normal-ish with the given std. */
  const embedding = (label: string, dims: number[], std: number): string =>
    g.float(label, dims, new Rng(deriveSeed(seed, label)).normalishArray(size(dims), std))
  const constant = (label: string, dims: number[], value: number): string => g.float(label, dims, new Float32Array(size(dims)).fill(value))

  const wte = embedding('wte.weight', [V, D], 0.05)
  const wpe = embedding('wpe.weight', [P, D], 0.02)

  // scalar / shape constants
  const cScale = g.float('attn_scale', [], [1 / Math.sqrt(Dh)])
  const cMask = g.float('mask_value', [], [MASK_VALUE])
  const cHalf = g.float('const_0_5', [], [0.5])
  const cOne = g.float('const_1', [], [1])
  const cGeluCubic = g.float('gelu_cubic', [], [0.044715])
  const cGeluScale = g.float('gelu_sqrt_2_over_pi', [], [Math.sqrt(2 / Math.PI)])
  const iZero = g.int64('int_0', [], [0])
  const iOne = g.int64('int_1', [], [1])
  const axes0 = g.int64('axes_0', [1], [0])
  const axes1 = g.int64('axes_1', [1], [1])
  const axes12 = g.int64('axes_1_2', [2], [1, 2])
  const headsShape = g.int64('shape_heads', [4], [0, 0, H, Dh])
  const mergedShape = g.int64('shape_merged', [3], [0, 0, D])

  // --- embeddings -----------------------------------------------------------
  const tok = g.op('Gather', [wte, 'input_ids'], 'tok_emb', { axis: 0 })
  const pos = g.op('Gather', [wpe, 'position_ids'], 'pos_emb', { axis: 0 })
  let h = g.op('Add', [tok, pos], 'h0')

  // --- attention mask, shared by all layers -----------------------------------
  // Query i (0-based within this call) sits at absolute position past_len + i and
  // may attend key j iff j <= past_len + i and attention_mask[b, j] == 1.
  const pastLen1d = legacy
    ? g.op('Shape', [pastStacked(0)], 'past_len_1d', { start: 3, end: 4 })
    : g.op('Shape', [pastKey(0)], 'past_len_1d', { start: 2, end: 3 })
  const seqLen1d = g.op('Shape', ['input_ids'], 'seq_len_1d', { start: 1, end: 2 })
  const pastLen = g.op('Squeeze', [pastLen1d, axes0], 'past_len')
  const seqLen = g.op('Squeeze', [seqLen1d, axes0], 'seq_len')
  const totalLen = g.op('Add', [pastLen, seqLen], 'total_len')
  const qPos = g.op('Range', [pastLen, totalLen, iOne], 'query_pos') // [S]
  const kPos = g.op('Range', [iZero, totalLen, iOne], 'key_pos') // [T]
  const qCol = g.op('Unsqueeze', [qPos, axes1], 'query_pos_col') // [S, 1]
  const kRow = g.op('Unsqueeze', [kPos, axes0], 'key_pos_row') // [1, T]
  const causal = g.op('LessOrEqual', [kRow, qCol], 'causal') // [S, T]
  // an int32 mask is widened first: Equal needs both sides of one type
  const mask64 = o.idsType === 'int32' ? g.op('Cast', ['attention_mask'], 'attention_mask_int64', { to: DataType.INT64 }) : 'attention_mask'
  const notPad = g.op('Equal', [mask64, iOne], 'not_pad') // [B, T]
  const notPad4 = g.op('Unsqueeze', [notPad, axes12], 'not_pad_4d') // [B, 1, 1, T]
  const allowed = g.op('And', [causal, notPad4], 'attn_allowed') // [B, 1, S, T]

  const layerNorm = (x: string, prefix: string): string => {
    const gamma = constant(`${prefix}.weight`, [D], 1)
    const beta = constant(`${prefix}.bias`, [D], 0)
    return g.op('LayerNormalization', [x, gamma, beta], prefix, { axis: -1, epsilon: { float: LAYER_NORM_EPSILON } })
  }
  const dense = (x: string, prefix: string, fanIn: number, fanOut: number): string => {
    if (o.weights === 'int8') {
      // the float32 model's weights (same seed and label), quantized
      const values = weightsFor(seed, `${prefix}.weight`, fanIn * fanOut, fanIn)
      return int8Dense(g, x, prefix, values, [fanIn, fanOut], linear(`${prefix}.bias`, [fanOut], fanIn))
    }
    const w = linear(`${prefix}.weight`, [fanIn, fanOut], fanIn)
    const b = linear(`${prefix}.bias`, [fanOut], fanIn)
    return g.op('Add', [g.op('MatMul', [x, w], `${prefix}.matmul`), b], prefix)
  }
  /** [B, S, D] -> [B, H, S, Dh] */
  const splitHeads = (x: string, name: string): string =>
    g.op('Transpose', [g.op('Reshape', [x, headsShape], `${name}.reshaped`)], name, { perm: [0, 2, 1, 3] })

  for (let i = 0; i < L; i++) {
    const p = `h.${i}`
    // self-attention
    const a = layerNorm(h, `${p}.ln_1`)
    const q = splitHeads(dense(a, `${p}.attn.q_proj`, D, D), `${p}.attn.q`)
    const k = splitHeads(dense(a, `${p}.attn.k_proj`, D, D), `${p}.attn.k`)
    const v = splitHeads(dense(a, `${p}.attn.v_proj`, D, D), `${p}.attn.v`)
    let kAll: string
    let vAll: string
    if (legacy) {
      // past_{i}[0] is the key cache, past_{i}[1] the value cache; present_{i} stacks them again
      const pastK = g.op('Gather', [pastStacked(i), iZero], `${p}.attn.past_k`, { axis: 0 })
      const pastV = g.op('Gather', [pastStacked(i), iOne], `${p}.attn.past_v`, { axis: 0 })
      kAll = g.op('Concat', [pastK, k], `${p}.attn.k_all`, { axis: 2 })
      vAll = g.op('Concat', [pastV, v], `${p}.attn.v_all`, { axis: 2 })
      const k5 = g.op('Unsqueeze', [kAll, axes0], `${p}.attn.k_all_5d`)
      const v5 = g.op('Unsqueeze', [vAll, axes0], `${p}.attn.v_all_5d`)
      g.opExact('Concat', [k5, v5], presentStacked(i), { axis: 0 })
    } else {
      kAll = g.opExact('Concat', [pastKey(i), k], presentKey(i), { axis: 2 })
      vAll = g.opExact('Concat', [pastValue(i), v], presentValue(i), { axis: 2 })
    }
    const kT = g.op('Transpose', [kAll], `${p}.attn.k_t`, { perm: [0, 1, 3, 2] })
    const raw = g.op('MatMul', [q, kT], `${p}.attn.scores_raw`) // [B, H, S, T]
    const scores = g.op('Mul', [raw, cScale], `${p}.attn.scores`)
    const masked = g.op('Where', [allowed, scores, cMask], `${p}.attn.scores_masked`)
    const probs = g.op('Softmax', [masked], `${p}.attn.probs`, { axis: -1 })
    const ctx = g.op('MatMul', [probs, vAll], `${p}.attn.ctx`) // [B, H, S, Dh]
    const ctxT = g.op('Transpose', [ctx], `${p}.attn.ctx_t`, { perm: [0, 2, 1, 3] })
    const merged = g.op('Reshape', [ctxT, mergedShape], `${p}.attn.merged`) // [B, S, D]
    const attnOut = dense(merged, `${p}.attn.o_proj`, D, D)
    h = g.op('Add', [h, attnOut], `${p}.resid_attn`)

    // MLP with GELU (tanh approximation):
    // 0.5 * u * (1 + tanh(sqrt(2/pi) * (u + 0.044715 * u^3)))
    const m = layerNorm(h, `${p}.ln_2`)
    const u = dense(m, `${p}.mlp.fc_in`, D, F)
    const u2 = g.op('Mul', [u, u], `${p}.mlp.u2`)
    const u3 = g.op('Mul', [u2, u], `${p}.mlp.u3`)
    const inner = g.op('Add', [u, g.op('Mul', [u3, cGeluCubic], `${p}.mlp.cubic`)], `${p}.mlp.inner`)
    const t = g.op('Tanh', [g.op('Mul', [inner, cGeluScale], `${p}.mlp.scaled`)], `${p}.mlp.tanh`)
    const gate = g.op('Add', [t, cOne], `${p}.mlp.gate`)
    const act = g.op('Mul', [g.op('Mul', [u, cHalf], `${p}.mlp.half_u`), gate], `${p}.mlp.gelu`)
    const mlpOut = dense(act, `${p}.mlp.fc_out`, F, D)
    h = g.op('Add', [h, mlpOut], `${p}.resid_mlp`)
  }

  const hf = layerNorm(h, 'ln_f')
  const lmHead = g.op('Transpose', [wte], 'lm_head.weight', { perm: [1, 0] }) // tied to wte: [D, V]
  g.opExact('MatMul', [hf, lmHead], 'logits')

  const ids = o.idsType === 'int32' ? DataType.INT32 : DataType.INT64
  const inputs: ValueInfoMsg[] = [
    valueInfo('input_ids', ids, ['batch_size', 'sequence_length']),
    valueInfo('attention_mask', ids, ['batch_size', 'total_sequence_length']),
    valueInfo('position_ids', ids, ['batch_size', 'sequence_length']),
  ]
  const outputs: ValueInfoMsg[] = [valueInfo('logits', DataType.FLOAT, ['batch_size', 'sequence_length', V])]
  if (legacy) {
    for (let i = 0; i < L; i++) {
      inputs.push(valueInfo(pastStacked(i), DataType.FLOAT, [2, 'batch_size', H, 'past_sequence_length', Dh]))
      outputs.push(valueInfo(presentStacked(i), DataType.FLOAT, [2, 'batch_size', H, 'total_sequence_length', Dh]))
    }
  } else {
    for (let i = 0; i < L; i++) {
      for (const name of [pastKey(i), pastValue(i)]) {
        inputs.push(valueInfo(name, DataType.FLOAT, ['batch_size', H, 'past_sequence_length', Dh]))
      }
      for (const name of [presentKey(i), presentValue(i)]) {
        outputs.push(valueInfo(name, DataType.FLOAT, ['batch_size', H, 'total_sequence_length', Dh]))
      }
    }
  }

  return encodePerfgateModel(
    'perfgate synthetic GPT-style decoder with KV cache (random weights; for performance tests only)',
    { name: 'perfgate_tiny_gpt', node: g.nodes, initializer: g.initializers, input: inputs, output: outputs },
    {
      model: 'tiny-gpt',
      seed: String(seed),
      layers: String(L),
      hidden: String(D),
      heads: String(H),
      head_dim: String(Dh),
      ffn: String(F),
      vocab_size: String(V),
      max_positions: String(P),
      activation: 'gelu_tanh',
      tied_embeddings: 'true',
      // only variants carry these, so the committed default model keeps its bytes
      ...(legacy ? { layout: 'legacy' } : {}),
      ...(o.idsType === 'int32' ? { ids_type: 'int32' } : {}),
      ...(o.weights === 'int8' ? { weights: 'int8' } : {}),
    },
  )
}
