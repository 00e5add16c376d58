/**
 * The option tables of docs/configuration.md, written from the option specs in src/options (their keys, defaults
 * and doc lines), so the manual lists every option the validators accept. Between `<!-- options: SPEC -->` and
 * `<!-- /options -->`; `--update` rewrites them (npm run docs:options), test/unit/docs.test.ts fails when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { COMPARE_SPEC, GENERATION_SWEEP_SPEC, LOAD_SPEC, SWEEP_SPEC } from '../src/options/experiment-specs.js'
import { GENERATE_SPEC } from '../src/options/generate-spec.js'
import type { OptionsSpec } from '../src/options/option-spec.js'
import { OP_PROFILE_SPEC, PROFILE_SPEC } from '../src/options/profile-spec.js'
import { FASTER_SPEC, MATCHER_SPEC, PLUGIN_SPEC } from '../src/options/vitest-specs.js'

export const configurationPath = fileURLToPath(new URL('../docs/configuration.md', import.meta.url))

export const SPECS: Readonly<Record<string, OptionsSpec>> = {
  PLUGIN_SPEC,
  MATCHER_SPEC,
  FASTER_SPEC,
  PROFILE_SPEC,
  OP_PROFILE_SPEC,
  GENERATE_SPEC,
  SWEEP_SPEC,
  GENERATION_SWEEP_SPEC,
  LOAD_SPEC,
  COMPARE_SPEC,
}

const cell = (s: string): string => s.replace(/\|/g, '\\|')

/** One spec as a Markdown table: option, default, meaning. */
export function optionTable(spec: OptionsSpec): string {
  const rows = Object.entries(spec).map(([name, def]) => `| \`${name}\` | ${cell(def.default)} | ${cell(def.doc)} |`)
  return ['| option | default | meaning |', '| --- | --- | --- |', ...rows].join('\n')
}

const REGION = /(<!-- options: (\w+) -->)[\s\S]*?(<!-- \/options -->)/g

/** The page with every options region written from its spec; an unknown spec name throws. */
export function withOptionTables(page: string): string {
  return page.replace(REGION, (_all, open: string, name: string, close: string) => {
    const spec = SPECS[name]
    if (!spec) throw new Error(`docs/configuration.md names an unknown option spec ${name}; known: ${Object.keys(SPECS).join(', ')}`)
    return `${open}\n\n${optionTable(spec)}\n\n${close}`
  })
}

/** The spec names the page has a region for. */
export function regionsOf(page: string): string[] {
  return [...page.matchAll(REGION)].map((m) => m[2]!)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(configurationPath, 'utf8')
  const updated = withOptionTables(page)
  if (process.argv.includes('--update')) writeFileSync(configurationPath, updated)
  else process.stdout.write(updated)
}
