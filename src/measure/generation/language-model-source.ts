/** The language model `profile.generate` and the load and sweep jobs take (its own file: no tokenizer types in the public declarations). */

/** A model folder, or explicit paths. Relative paths are resolved from the current directory. */
export type LanguageModelSource =
  | string
  | {
      /** The .onnx decoder. */
      model: string
      /** Its tokenizer.json. */
      tokenizer: string
      /** Its tokenizer_config.json. @default tokenizer_config.json next to `tokenizer`, when present */
      tokenizerConfig?: string
    }
