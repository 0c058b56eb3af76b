/**
 * The audit's HTML report: one self-contained file (inline CSS and SVG, no scripts, no external
 * resources) that a team lead can open or attach anywhere. Every piece of text is HTML-escaped.
 */
import type { Finding } from '../analysis/types';
import { MECHANISM_PRAISE, plural } from './human';
import { percent, type AuditSummary, type Tally } from './audit-stats';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cuts a label to `max` characters so it fits beside the bars (the full title is in the tooltip and table). */
function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A horizontal bar chart of findings per category, as inline SVG. */
export function categoryChart(categories: Tally[]): string {
  if (!categories.length) return '<p class="muted">No findings, so there is nothing to chart.</p>';
  const rowH = 28;
  const labelW = 230;
  const barW = 380;
  const max = Math.max(...categories.map((c) => c.findings));
  const height = categories.length * rowH + 10;
  const bars = categories
    .map((c, i) => {
      const y = i * rowH + 5;
      const w = Math.max(2, Math.round((c.findings / max) * barW));
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(shorten(c.title, 32))}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${w}" height="18" rx="3" fill="#c2563a"><title>${escapeHtml(`${c.title}: ${c.findings}`)}</title></rect>` +
        `<text x="${labelW + w + 6}" y="${y + 17}">${c.findings}</text>`
      );
    })
    .join('\n');
  return (
    `<svg class="chart" role="img" aria-label="Findings per category" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${labelW + barW + 60}" height="${height}" viewBox="0 0 ${labelW + barW + 60} ${height}" font-family="system-ui, sans-serif" font-size="13" fill="#222">\n` +
    `${bars}\n</svg>`
  );
}

/** The row's text with each finding wrapped in <mark>; long rows are cut to windows around the findings. */
export function highlightRow(text: string, findings: Finding[], maxChars = 900): string {
  const spans = [...findings].sort((a, b) => a.start - b.start).filter((f, i, all) => i === 0 || f.start >= all[i - 1].end);
  const windows: [number, number][] = [];
  if (text.length <= maxChars) windows.push([0, text.length]);
  else {
    const pad = 120;
    for (const f of spans.slice(0, 6)) {
      const w: [number, number] = [Math.max(0, f.start - pad), Math.min(text.length, f.end + pad)];
      const last = windows[windows.length - 1];
      if (last && w[0] <= last[1]) last[1] = w[1];
      else windows.push(w);
    }
  }
  return windows
    .map(([from, to]) => {
      let html = '';
      let at = from;
      for (const f of spans) {
        if (f.start < from || f.end > to) continue;
        html += escapeHtml(text.slice(at, f.start));
        html += `<mark title="${escapeHtml(f.ruleId)}">${escapeHtml(text.slice(f.start, f.end))}</mark>`;
        at = f.end;
      }
      html += escapeHtml(text.slice(at, to));
      return (from > 0 ? '… ' : '') + html + (to < text.length ? ' …' : '');
    })
    .join('<br>');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:980px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.muted{color:#666}.big{font-size:1.15rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #eee}
th{background:#f6f4f0}td.n{text-align:right;white-space:nowrap}td code{white-space:nowrap}code{font-size:.9em;background:#f3f3f3;padding:0 .2em;border-radius:3px}
.row{border:1px solid #e4e0da;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.row h3{font-size:.9rem;margin:0 0 .3rem;color:#555;white-space:normal}
mark{background:#ffe1a8;border-bottom:2px solid #c2563a;padding:0 .1em}
.sev-high{color:#a33}.sev-medium{color:#a66a00}.sev-low{color:#336}
`;

/** Renders the whole report as one HTML document. */
export function renderAuditHtml(s: AuditSummary, generatedAt: Date = new Date()): string {
  const e = escapeHtml;
  const categoryRows = s.categories
    .map((c) => `<tr><td>${e(c.title)} <code>${e(c.key)}</code></td><td class="n">${c.findings}</td><td class="n">${c.rows}</td><td class="n">${percent(c.rows, s.analysed)}</td></tr>`)
    .join('\n');
  const ruleRows = s.rules
    .slice(0, 15)
    .map(
      (r) =>
        `<tr><td><code>${e(r.key)}</code><br><span class="sev-${e(r.severity)}">${e(r.severity)}</span></td><td class="n">${r.findings}</td>` +
        `<td class="n">${percent(r.rows, s.analysed)}</td><td>${e(r.why)}</td><td>${r.suggestion ? e(r.suggestion) : ''}</td></tr>`,
    )
    .join('\n');
  const signalRows = s.signals
    .map((g) => `<tr><td>${e(MECHANISM_PRAISE[g.mechanism] ?? g.mechanism)} <code>${e(g.mechanism)}</code></td><td class="n">${g.rows}</td><td class="n">${percent(g.rows, s.analysed)}</td></tr>`)
    .join('\n');
  const samples = s.samples
    .map((row) => {
      const rules = [...new Set(row.report.findings.map((f) => f.ruleId))].map((id) => `<code>${e(id)}</code>`).join(' ');
      return `<div class="row"><h3>Row ${row.row} · ${plural(row.report.findings.length, 'finding')} · ${rules}</h3>${highlightRow(row.text, row.report.findings)}</div>`;
    })
    .join('\n');
  const skipped = s.skipped.length
    ? `<p class="muted">${plural(s.skipped.length, 'row')} skipped: ${s.skipped.slice(0, 5).map((k) => `row ${k.row} (${e(k.reason)})`).join('; ')}${s.skipped.length > 5 ? '; …' : ''}.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attune audit: ${e(s.source)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Attune audit</h1>
<p class="muted">${e(s.source)}, column <code>${e(s.column)}</code> · generated ${e(generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC · analysed on this machine</p>
<p class="big">${s.rowsWithFindings} of ${s.analysed} replies (${percent(s.rowsWithFindings, s.analysed)}) have phrasing worth another look; ${plural(s.totalFindings, 'finding')} in all.${s.empty ? ` ${plural(s.empty, 'empty row')} not counted.` : ''}</p>
${skipped}
<h2>Findings per category</h2>
${categoryChart(s.categories)}
${s.categories.length ? `<table><thead><tr><th>Category</th><th>Findings</th><th>Replies</th><th>Share of replies</th></tr></thead><tbody>\n${categoryRows}\n</tbody></table>` : ''}
<h2>Top rules</h2>
${s.rules.length ? `<table><thead><tr><th>Rule</th><th>Findings</th><th>Share of replies</th><th>Why it can hurt</th><th>Try instead</th></tr></thead><tbody>\n${ruleRows}\n</tbody></table>` : '<p class="muted">No rule fired.</p>'}
<h2>What the replies already do well</h2>
${s.signals.length ? `<table><thead><tr><th>Empathy signal</th><th>Replies</th><th>Share</th></tr></thead><tbody>\n${signalRows}\n</tbody></table>` : '<p class="muted">No empathy signals were recognised.</p>'}
<h2>Some flagged replies</h2>
${samples || '<p class="muted">None.</p>'}
</body>
</html>
`;
}
