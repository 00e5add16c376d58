/** Escaping of text from tests, prompts, model names and files for HTML and Markdown. */
import { terminalLines, terminalText } from './terminal-text.js'

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  // control bytes are invisible in a browser but obeyed by a terminal that prints the file: shown as \x1b like on the terminal
  return htmlEntities(terminalLines(text))
}

function htmlEntities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!)
}

/**
 * Text safe inside a Markdown table cell on GitHub: HTML is escaped (GitHub
 * renders some tags), pipes and backslashes cannot end the cell, line breaks
 * cannot end the row, and backticks and emphasis characters show as written.
 * Other control characters show as `\x1b` (`perfgate report` prints Markdown
 * on the terminal).
 */
export function escapeMarkdown(text: string): string {
  return terminalText(
    htmlEntities(text)
      .replace(/\\/g, '\\\\')
      .replace(/[|`*_[\]]/g, (c) => `\\${c}`)
      .replace(/\r?\n/g, ' '),
  )
}
