/** What a failing run was fed, as its error shows it: every input's dtype and shape, and the dims they came from. */

export function describeFed(
  inputs: Readonly<Record<string, { type: string; dims: readonly number[] }>> | undefined,
  dims: Readonly<Record<string, number>> | undefined,
): { fed: string; dims: string } {
  const fed = Object.entries(inputs ?? {})
    .map(([name, t]) => `${name} ${t.type}[${t.dims.join(', ')}]`)
    .join(', ')
  const shownDims =
    dims === undefined ? 'none (your own feeds)' : Object.keys(dims).length === 0 ? '{} (batch-like dimensions default to 1)' : JSON.stringify(dims)
  return { fed: fed || 'no inputs', dims: shownDims }
}
