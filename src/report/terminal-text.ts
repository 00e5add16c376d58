/**
 * Names shown as data: test names, entry keys, file names, prompts and
 * strings from servers reach the terminal through here, so that an escape
 * sequence in them (colours, OSC 8 hyperlinks, cursor moves, a window title),
 * another control byte or a bidi override is printed as visible text instead
 * of being obeyed by the terminal. Pure.
 */

/**
 * C0 controls, DEL and C1 controls (ESC starts every ANSI and OSC sequence,
 * BEL and ST end OSC ones, 0x9b is the one-byte CSI), and the bidi embedding,
 * override and isolate characters that reorder what follows them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** The visible form of one unsafe character: `\x1b` for a byte-sized one, `\u{202e}` for a bidi control. */
export function visibleControl(c: string): string {
  const code = c.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
}

/** One name or value on a line: every control character (line breaks and tabs too) and bidi control shown escaped, e.g. `\x1b`, `\u{202e}`. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visibleControl)
}

/** Text of several lines that holds names (a message, a table): the same, but its own line breaks stay line breaks. */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n')
}
