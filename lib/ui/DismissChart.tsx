/**
 * Rules dismissed most, as inline-SVG stacked bars (no chart library): one bar per rule, as long as it was shown,
 * split into applied, each dismissal reason, and neither. The table beside it carries the same numbers in text.
 */
import { DISMISS_REASONS, REASON_LABELS, type DismissReason, type RuleCounts } from '../extension/stats';

type Part = 'applied' | DismissReason | 'rest';
// Colours are theme variables, so the bars follow the dark scheme too.
export const PARTS: { key: Part; label: string; color: string }[] = [
  { key: 'applied', label: 'Applied', color: 'var(--chart-applied)' },
  ...DISMISS_REASONS.map((r) => ({ key: r, label: REASON_LABELS[r], color: `var(--chart-${r})` })),
  { key: 'rest', label: 'Neither', color: 'var(--chart-rest)' },
];

function parts(c: RuleCounts): Record<Part, number> {
  const rest = Math.max(0, c.shown - c.applied - c.dismissed);
  return { applied: c.applied, ...c.reasons, rest };
}

export function Legend() {
  return (
    <div class="legend" aria-hidden="true">
      {PARTS.map((p) => (
        <span key={p.key} style={{ '--c': p.color } as any}>
          {p.label}
        </span>
      ))}
    </div>
  );
}

export function DismissChart({ rows, title }: { rows: { label: string; counts: RuleCounts }[]; title: string }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.counts.shown, r.counts.applied + r.counts.dismissed)));
  const labelW = 230;
  const barW = 320;
  const rowH = 24;
  const width = labelW + barW + 90;
  const height = rows.length * rowH + 4;
  // The picture's words for a screen reader: each rule's dismissals and top reason.
  const said = rows
    .map((r) => {
      const top = DISMISS_REASONS.filter((k) => r.counts.reasons[k] > 0).sort((a, b) => r.counts.reasons[b] - r.counts.reasons[a])[0];
      return `${r.label}: dismissed ${r.counts.dismissed} of ${r.counts.shown}${top ? `, mostly “${REASON_LABELS[top]}”` : ''}`;
    })
    .join('; ');
  return (
    <figure class="chart-wrap">
      <Legend />
      <svg class="chart" role="img" aria-label={`${title}. ${said}.`} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {rows.map((r, i) => {
          const y = i * rowH + 2;
          let x = labelW;
          const p = parts(r.counts);
          return (
            <g key={r.label} data-rule={r.label}>
              <text x={labelW - 8} y={y + rowH / 2 + 3} text-anchor="end">
                {r.label.length > 32 ? r.label.slice(0, 31) + '…' : r.label}
              </text>
              {PARTS.map((part) => {
                const w = (p[part.key] / max) * barW;
                const rect = w > 0 ? <rect key={part.key} data-part={part.key} x={x} y={y + 3} width={Math.max(w, 2)} height={rowH - 8} style={{ fill: part.color }} /> : null;
                x += w;
                return rect;
              })}
              <text class="axis" x={x + 6} y={y + rowH / 2 + 3}>
                {r.counts.dismissed}/{r.counts.shown}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
