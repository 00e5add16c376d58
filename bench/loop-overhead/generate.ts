/**
 * The generation loop's overhead: `profile.generate`'s loop (generateBatch)
 * against a minimal hand-written greedy loop with the KV cache, on the same
 * session and prompt, interleaved in one process. Each round generates
 * `tokens` tokens `reps` times with each loop and scores tokens per second
 * (output tokens / wall time, tokenizing included in both); the verdict is
 * perfgate's median over the hand loop's. The same rounds with the hand loop
 * against itself (A/A) show how far the machine's noise alone moves the ratio.
 *
 *   npx tsx bench/loop-overhead/generate.ts [rounds=200] [tokens=64] [reps=1]
 *
 * Also prints the cost of the greedy pick alone at vocabularies of 512,
 * 1000 and 50257 (µs per pick).
 */
import ort from 'onnxruntime-node'
import { argmaxLastPosition } from '../../src/measure/generation/decoder-feeds.js'
import { detectDecoderLayout } from '../../src/measure/generation/decoder-layout.js'
import { generateBatch, type GenerationSettings } from '../../src/measure/generation/generation-loop.js'
import { resolveLanguageModel } from '../../src/measure/generation/language-model-files.js'
import { interleave, median, showRatios } from './rounds.js'

const [rounds = 200, tokens = 64, reps = 1] = process.argv.slice(2).map(Number)
const files = resolveLanguageModel('bench/models/tiny-gpt')
const session = await ort.InferenceSession.create(files.modelPath, { intraOpNumThreads: 1 })
const layout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, files.modelPath, files)
const prompt = 'The quick brown fox jumps over the lazy dog and keeps on running'
// ignoreEos: both loops generate exactly `tokens` tokens
const settings: GenerationSettings = {
  maxNewTokens: tokens,
  ignoreEos: true,
  eosTokenIds: new Set(files.eosTokenIds),
  padTokenId: files.padTokenId,
  modelLabel: 'tiny-gpt',
}
const heads = layout.heads
let vocabSize = 0
const headDim = layout.headDim

/** What a user writes by hand: batch 1, int64 ids, fresh tensors each step, a plain argmax. */
async function handLoop(): Promise<number[]> {
  const ids = files.tokenizer.encode(prompt).ids
  const out: number[] = []
  let feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
    position_ids: new ort.Tensor(
      'int64',
      BigInt64Array.from(ids, (_, i) => BigInt(i)),
      [1, ids.length],
    ),
  }
  for (const { past } of layout.cache) feeds[past] = new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim])
  let length = ids.length
  for (let step = 0; step < tokens; step++) {
    const r = await session.run(feeds)
    const logits = r.logits as ort.Tensor
    const data = logits.data as Float32Array
    const vocab = logits.dims[2]!
    vocabSize = vocab
    const start = (logits.dims[1]! - 1) * vocab
    let best = 0
    for (let v = 1; v < vocab; v++) if (data[start + v]! > data[start + best]!) best = v
    out.push(best)
    length++
    feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(best)), [1, 1]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(length).fill(1n), [1, length]),
      position_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(length - 1)), [1, 1]),
    }
    for (const { past, present } of layout.cache) feeds[past] = r[present] as ort.Tensor
  }
  return out
}

const perfgateLoop = async () => (await generateBatch(session, layout, files.tokenizer, [prompt], settings))[0]!.outputIds

// same tokens from both, or the comparison means nothing
const [x, y] = [await perfgateLoop(), await handLoop()]
if (x.join() !== y.join()) throw new Error(`the loops disagree:\n${x.join(' ')}\n${y.join(' ')}`)

const tokensPerSecond = (loop: () => Promise<number[]>) => async () => {
  const t0 = performance.now()
  for (let i = 0; i < reps; i++) await loop()
  return (reps * tokens) / ((performance.now() - t0) / 1000)
}
// warm-up: JIT and onnxruntime's allocations, for both
for (let i = 0; i < 3; i++) {
  await tokensPerSecond(perfgateLoop)()
  await tokensPerSecond(handLoop)()
}
const r = await interleave(rounds, tokensPerSecond(perfgateLoop), tokensPerSecond(handLoop))
const aa = await interleave(rounds, tokensPerSecond(handLoop), tokensPerSecond(handLoop))
console.log(`generation loop, tiny-gpt (vocab ${vocabSize}), ${tokens} tokens x ${reps} per round, ${rounds} rounds interleaved`)
console.log(`  perfgate: median ${median(r.a).toFixed(0)} tokens/s; hand loop: median ${median(r.b).toFixed(0)} tokens/s`)
console.log(`  ratio (perfgate / hand loop, tokens/s): ${showRatios(r)}`)
console.log(`  noise floor (hand loop / hand loop):    ${showRatios(aa)}`)

// the pick alone, at growing vocabularies
for (const vocab of [512, 1000, 50257]) {
  const logits = new ort.Tensor(
    'float32',
    Float32Array.from({ length: vocab }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1),
    [1, 1, vocab],
  )
  const n = Math.max(200, Math.round(2e7 / vocab))
  const pickUs = async () => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) argmaxLastPosition(logits)
    return ((performance.now() - t0) * 1000) / n
  }
  const plain = async () => {
    const data = logits.data as Float32Array
    const t0 = performance.now()
    let sink = 0
    for (let i = 0; i < n; i++) {
      let best = 0
      for (let v = 1; v < vocab; v++) if (data[v]! > data[best]!) best = v
      sink += best
    }
    if (sink < 0) console.log(sink)
    return ((performance.now() - t0) * 1000) / n
  }
  const p = await interleave(11, pickUs, plain)
  console.log(`  argmax at vocab ${vocab}: perfgate ${median(p.a).toFixed(2)} µs, plain loop ${median(p.b).toFixed(2)} µs`)
}
await session.release()
