/**
 * The embedded default model: the project's tiny GPT-style decoder, shipped
 * in bench/models, profiled as one decode step (1 new token after 15 cached).
 */
import { fileURLToPath } from 'node:url'

/** Package root: two levels above this module, in src/ and in dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../bench/models/tiny-gpt/model.onnx', import.meta.url))

/** The embedded default language model for `perfgate profile --prompts`: the same decoder's folder, with its tokenizer. */
export const DEFAULT_LANGUAGE_MODEL_DIR = fileURLToPath(new URL('../../bench/models/tiny-gpt/', import.meta.url))

export const DEFAULT_MODEL_DIMS: Readonly<Record<string, number>> = {
  batch_size: 1,
  sequence_length: 1,
  past_sequence_length: 15,
  total_sequence_length: 16,
}
