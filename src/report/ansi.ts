/**
 * Terminal colours: on only when the output is a terminal and NO_COLOR is not
 * set (https://no-color.org); FORCE_COLOR forces them on (or off with 0).
 *
 * Not node:util's styleText: it needs Node 20.12 (perfgate supports 20.0), and
 * before Node 22.13 it paints whatever NO_COLOR says, while the decision here
 * is made once, from the stream and the env the CLI or reporter was given.
 */

export type Paint = (text: string, style: Style) => string

export type Style = 'red' | 'green' | 'yellow' | 'bold' | 'dim'

const CODES: Record<Style, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] }

export function colorEnabled(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false'
  return isTTY === true
}

/** Paints with ANSI codes. */
export const ansi: Paint = (text, style) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`

/** Leaves text as it is. */
export const plain: Paint = (text) => text
