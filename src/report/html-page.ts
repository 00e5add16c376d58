/**
 * The page around perfgate's HTML reports: one self-contained file, inline CSS
 * and SVG, no script, and a Content-Security-Policy that forbids scripts and
 * any network fetch, so the file opens the same offline, as a CI artifact, and
 * cannot run what a hostile test name might smuggle in. Pure.
 */
import { escapeHtml } from './escape.js'

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --panel: #f6f8fa;
  --red: #cf222e; --red-bg: #ffebe9; --green: #1a7f37; --green-bg: #dafbe1; --blue: #0969da; --blue-bg: #ddf4ff;
  --amber: #9a6700; --amber-bg: #fff8c5; --base: #8c959f; --cur: #0969da; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 14px; margin: 16px 0 6px; color: var(--muted); }
.meta, .sub { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 16px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid var(--line); background: var(--panel); }
.badge.regressed, .badge.missing, .badge.invalid { background: var(--red-bg); color: var(--red); border-color: var(--red); }
.badge.improved { background: var(--green-bg); color: var(--green); border-color: var(--green); }
.badge.new, .badge.updated { background: var(--blue-bg); color: var(--blue); border-color: var(--blue); }
.badge.changed, .badge.warned, .badge.unresolved { background: var(--amber-bg); color: var(--amber); border-color: var(--amber); }
.warning { background: var(--amber-bg); border: 1px solid var(--amber); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.entry { border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 16px 0; }
.entry.regressed, .entry.missing, .entry.invalid { border-left: 5px solid var(--red); }
.entry.improved { border-left: 5px solid var(--green); }
.entry.new, .entry.updated { border-left: 5px solid var(--blue); }
.entry header { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.regressed td { background: var(--red-bg); }
tr.regressed td.verdict { color: var(--red); font-weight: 700; }
tr.improved td { background: var(--green-bg); }
tr.improved td.verdict { color: var(--green); font-weight: 700; }
tr.differs td { background: var(--amber-bg); }
.note { color: var(--muted); font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 8px; }
svg.chart { max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
svg .chart-title { font-size: 12px; font-weight: 600; fill: var(--fg); }
svg .tick, svg .axis-label { font-size: 10px; fill: var(--muted); }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .hist.base rect, svg .legend.base, svg .box.base rect { fill: var(--base); fill-opacity: 0.55; }
svg .hist.cur rect, svg .legend.cur, svg .box.cur rect { fill: var(--cur); fill-opacity: 0.45; }
svg .box line { stroke: var(--fg); stroke-width: 1.2; }
svg .box .median { stroke-width: 2.5; }
svg .box.base rect { stroke: #6e7781; }
svg .box.cur rect { stroke: var(--cur); }
svg .series path { fill: none; stroke-width: 2; }
svg .series.step path { stroke-dasharray: 5 4; stroke-width: 1.5; }
svg .series.points path { display: none; }
svg .legend line { stroke-width: 2; }
svg .legend.step line { stroke-dasharray: 4 3; }
svg .s0 path, svg .s0 line { stroke: var(--cur); } svg .s0 circle { fill: var(--cur); }
svg .s1 path, svg .s1 line { stroke: #6e7781; } svg .s1 circle { fill: #6e7781; }
svg .s2 path, svg .s2 line { stroke: #bc4c00; } svg .s2 circle { fill: #bc4c00; }
svg .s3 path, svg .s3 line { stroke: #8250df; } svg .s3 circle { fill: #8250df; }
svg .s4 path, svg .s4 line { stroke: #1a7f37; } svg .s4 circle { fill: #1a7f37; }
svg .s5 path, svg .s5 line { stroke: #cf222e; } svg .s5 circle { fill: #cf222e; }
svg .marker line { stroke: var(--amber); stroke-dasharray: 3 3; stroke-width: 1.5; }
svg .marker path { fill: var(--amber); }
a { color: var(--blue); }
`

export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${body}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
