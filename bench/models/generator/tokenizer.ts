/**
 * A byte-level BPE tokenizer in Hugging Face `tokenizer.json` format
 * (GPT-2 style), trained deterministically by a tiny BPE trainer over a small
 * English corpus embedded below.
 *
 * Vocabulary layout:
 *   ids 0..255            one token per byte (id = byte value), written in the
 *                         GPT-2 byte-to-unicode alphabet
 *   ids 256..256+M-1      one token per learned merge, in merge order
 *   id  256+M             the special token `<|endoftext|>` (bos = eos)
 *
 * With the default M = 255 merges the vocabulary has exactly 512 entries.
 */

export interface TokenizerOptions {
  /** Number of new tokens learned by BPE (default 255, giving a vocab of 512). */
  mergeTokens?: number
}

export interface BuiltTokenizer {
  /** The `tokenizer.json` document. */
  tokenizerJson: object
  /** Total vocabulary size including the special token. */
  vocabSize: number
  /** Id of `<|endoftext|>` (also used as bos and pad). */
  eosTokenId: number
}

export const EOS_TOKEN = '<|endoftext|>'
export const DEFAULT_MERGE_TOKENS = 255

/**
 * The GPT-2 pre-tokenisation pattern: contractions, optional-space + letters,
 * optional-space + digits, optional-space + other symbols, whitespace runs.
 */
const PRETOKENIZE = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu

/**
 * The GPT-2 byte-to-unicode table: printable Latin-1 bytes map to themselves,
 * the rest are shifted to code points from 256 upward so that every token is a
 * string of visible characters (e.g. space -> 'Ġ', newline -> 'Ċ').
 */
export function bytesToUnicode(): string[] {
  const table: string[] = new Array<string>(256)
  const printable = (b: number): boolean => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff)
  let shifted = 0
  for (let b = 0; b < 256; b++) {
    if (printable(b)) {
      table[b] = String.fromCharCode(b)
    } else {
      table[b] = String.fromCharCode(256 + shifted)
      shifted += 1
    }
  }
  return table
}

/** Original English training text (written for perfgate; no external source). */
export const CORPUS = `
The morning train left the station at seven, and the fog had not yet lifted from the river.
Most of the people on board were reading, or pretending to read, while the city slid past the windows.
A woman near the door held a paper cup of tea with both hands. She was thinking about the meeting
she would have at nine, and about the numbers she had not yet checked. The numbers were probably fine.
They were always fine, until the day they were not.

When a program becomes slow, the first question is not why, but how much and since when.
A good benchmark answers that question with a number you can trust. It runs the same work many times,
throws away the first few runs while the caches warm up, and reports the median and the spread.
If the spread is wide, the number is not worth much; run it again on a quieter machine.
The second question is where the time goes. A profiler records every operator in the model,
how long it took, and which thread ran it. Often one or two operators take most of the time,
and the rest of the model is almost free. That is where you should look first.

The old house at the end of the road had a garden with apple trees, a small pond, and a wooden bench
that nobody ever sat on. In the summer the children would climb the trees and eat the apples before
they were ripe, and in the winter the pond froze so hard that the dog could walk across it.
Their grandmother said the bench was for thinking, and that children did not need to think yet.
They laughed at this, but years later each of them came back and sat on the bench for a long while.

To make bread you need flour, water, salt, and time. Mix the flour and water first and let them rest.
Then add the salt and knead the dough until it is smooth and springs back when you press it.
Leave it in a warm place until it has doubled in size, shape it gently, and let it rise again.
Bake it in a hot oven until the crust is dark and the loaf sounds hollow when you tap the bottom.
Good bread is mostly patience. The recipe is simple; the waiting is the hard part.

A test should fail for one reason and pass for one reason. If a test depends on the weather,
on the clock, or on the order in which other tests ran, it will fail on the day you can least afford it.
Keep the inputs small and fixed, seed every random number, and write down what you expected to see.
When the test does fail, the message should tell you what changed, by how much, and where to look.
A performance test is no different: record a baseline, compare against it, and allow for noise.

The river ran through the valley, past the mill and the bridge and the fields of wheat.
In spring the water was high and brown, and in autumn it was low and clear enough to see the stones.
Fishermen stood on the banks in the early light, and herons stood beside them, just as still.
Nobody could remember when the bridge was built. It had always been there, like the hills.

Numbers tell a story only when you know how they were measured. Was the machine busy? Was the model
loaded from disk or from memory? How many threads did the runtime use, and were they pinned?
Write these things down next to the result, so that the next person can repeat the experiment.
Three runs of ten seconds each are better than one run of thirty, because you can see the variation.
A change that makes the model two percent faster is real only if the noise is smaller than two percent.

She finished her tea, folded the paper, and looked out of the window. The fog had lifted.
The sun was shining on the water, and the train was crossing the bridge into the city.
She checked the numbers one more time. They were fine. She smiled, and the day began.
`

type Word = { symbols: string[]; count: number }

/** Splits text like the ByteLevel pre-tokenizer and maps bytes to the GPT-2 alphabet. */
function pretokenize(text: string, byteChars: string[]): string[][] {
  const enc = new TextEncoder()
  const pieces = text.match(PRETOKENIZE) ?? []
  return pieces.map((p) => Array.from(enc.encode(p), (b) => byteChars[b] as string))
}

/** Code-unit lexicographic order (locale-independent). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Learns BPE merges until `newTokens` new vocabulary entries exist.
 * Ties in pair frequency are broken by the lexicographically smallest pair.
 */
export function trainBpe(text: string, newTokens: number): { byteChars: string[]; merges: [string, string][]; learned: string[] } {
  const byteChars = bytesToUnicode()
  const counts = new Map<string, Word>()
  for (const symbols of pretokenize(text, byteChars)) {
    const key = symbols.join('')
    const w = counts.get(key)
    if (w) w.count += 1
    else counts.set(key, { symbols, count: 1 })
  }
  const words = [...counts.values()]
  const known = new Set(byteChars)
  const merges: [string, string][] = []
  const learned: string[] = []

  while (learned.length < newTokens) {
    // Count adjacent pairs, weighted by word frequency. ' ' never occurs in a
    // byte-level symbol, so it is a safe separator for the map key.
    const pairs = new Map<string, number>()
    for (const w of words) {
      for (let i = 0; i + 1 < w.symbols.length; i++) {
        const k = `${w.symbols[i]} ${w.symbols[i + 1]}`
        pairs.set(k, (pairs.get(k) ?? 0) + w.count)
      }
    }
    let best: string | undefined
    let bestCount = 0
    for (const [k, n] of pairs) {
      if (n > bestCount || (n === bestCount && best !== undefined && cmp(k, best) < 0)) {
        best = k
        bestCount = n
      }
    }
    if (best === undefined) {
      throw new Error(`BPE corpus too small: only ${learned.length} of ${newTokens} tokens learned`)
    }
    const [a, b] = best.split(' ') as [string, string]
    const merged = a + b
    merges.push([a, b])
    if (!known.has(merged)) {
      known.add(merged)
      learned.push(merged)
    }
    for (const w of words) {
      const s = w.symbols
      if (s.length < 2) continue
      const out: string[] = []
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          out.push(merged)
          i += 1
        } else {
          out.push(s[i] as string)
        }
      }
      w.symbols = out
    }
  }
  return { byteChars, merges, learned }
}

export function buildTokenizer(opts: TokenizerOptions = {}): BuiltTokenizer {
  const mergeTokens = opts.mergeTokens ?? DEFAULT_MERGE_TOKENS
  const { byteChars, merges, learned } = trainBpe(CORPUS, mergeTokens)

  const vocab: Record<string, number> = {}
  byteChars.forEach((ch, id) => {
    vocab[ch] = id
  })
  learned.forEach((tok, i) => {
    vocab[tok] = 256 + i
  })
  const eosTokenId = 256 + learned.length
  const vocabSize = eosTokenId + 1

  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      {
        id: eosTokenId,
        content: EOS_TOKEN,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: false,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: merges.map(([a, b]) => `${a} ${b}`),
    },
  }
  return { tokenizerJson, vocabSize, eosTokenId }
}

/**
 * Companion `tokenizer_config.json`. `clean_up_tokenization_spaces: false`
 * matters: with the default (true) decoders rewrite " ." to "." and break
 * the decode(encode(text)) === text round trip.
 */
export function buildTokenizerConfig(t: BuiltTokenizer, modelMaxLength: number): object {
  return {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: EOS_TOKEN,
    eos_token: EOS_TOKEN,
    unk_token: EOS_TOKEN,
    pad_token: EOS_TOKEN,
    add_bos_token: false,
    add_prefix_space: false,
    clean_up_tokenization_spaces: false,
    model_max_length: modelMaxLength,
    added_tokens_decoder: {
      [String(t.eosTokenId)]: {
        content: EOS_TOKEN,
        lstrip: false,
        normalized: false,
        rstrip: false,
        single_word: false,
        special: true,
      },
    },
  }
}
