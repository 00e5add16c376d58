/** How values appear inside perfgate's messages: as a user wrote them, as JavaScript keys, as byte sizes. Pure. */

/** An object key as JavaScript source: bare when it is an identifier, quoted otherwise (`'p2o.DynamicDimension.0'`). */
export function jsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** A value as a user wrote it: strings quoted, NaN and Infinity by name, functions, symbols and bigints recognisably. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v)
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'symbol') return v.toString()
  if (typeof v === 'function') return `a function${v.name ? ` (${v.name})` : ''}`
  if (v === undefined) return 'undefined'
  try {
    // JSON would print NaN and Infinity inside objects as null: name them
    const json = JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'number' && !Number.isFinite(x)
        ? `\u0000${String(x)}\u0000`
        : typeof x === 'bigint'
          ? `\u0000${x}n\u0000`
          : typeof x === 'function'
            ? '\u0000[function]\u0000'
            : typeof x === 'symbol'
              ? `\u0000${x.toString()}\u0000`
              : x,
    )
    return json === undefined ? String(v) : json.replace(/"\\u0000(.*?)\\u0000"/g, '$1')
  } catch {
    return String(v)
  }
}

/** A byte count in the largest binary unit that fits, with the exact count beside it. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(1)} ${units[u]} (${n.toExponential(2).replace('e+', 'e')} bytes)`
}
