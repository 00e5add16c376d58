/**
 * Token ids checked against the model's vocabulary before the first run: a
 * tokenizer that does not belong to the model gives ids beyond its embedding
 * table, and onnxruntime's own error ("index out of range" in a Gather or
 * EmbedLayerNormalization) names neither the prompt nor the tokenizer.
 */
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'

export interface Vocabulary {
  size: number
  /** Where the size comes from, as the error shows it. */
  source: string
}

/** The vocabulary size the logits output declares (its last dimension, when fixed). */
export function vocabularyFromLogits(outputs: readonly ort.InferenceSession.ValueMetadata[], logits: string): Vocabulary | undefined {
  const meta = outputs.find((o) => o.name === logits)
  if (!meta?.isTensor) return undefined
  const last = meta.shape[meta.shape.length - 1]
  return typeof last === 'number' && last > 0 ? { size: last, source: `the last dimension of the model's ${logits} output` } : undefined
}

/** Refuses the first prompt whose largest token id is beyond the vocabulary. */
export function checkTokenIds(
  prompts: readonly string[],
  idsOf: (index: number) => readonly number[],
  vocabulary: Vocabulary | undefined,
  tokenizer: string,
): void {
  if (!vocabulary) return
  prompts.forEach((prompt, index) => {
    const ids = idsOf(index)
    const largest = ids.reduce((a, b) => Math.max(a, b), -1)
    if (largest >= vocabulary.size) {
      throw perfgateError('TOKEN_ID_OUT_OF_VOCAB', { index, prompt, tokenId: largest, vocabSize: vocabulary.size, source: vocabulary.source, tokenizer })
    }
  })
}
