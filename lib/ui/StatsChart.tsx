/** An inline-SVG horizontal bar chart of fired / applied / ignored per row (no chart library needed). */
import type { StatTotals } from '../extension/stats';

// Colours are theme variables, so the bars follow the dark scheme too.
const SERIES: { key: keyof StatTotals; label: string; color: string }[] = [
  { key: 'fired', label: 'Flagged', color: 'var(--chart-fired)' },
  { key: 'applied', label: 'Applied', color: 'var(--chart-applied)' },
  { key: 'ignored', label: 'Ignored', color: 'var(--chart-ignored)' },
];

/** Grouped bars, one group per row, labelled with text (readable without colour via the table beside it). */
export function StatsChart({ rows, title }: { rows: { label: string; totals: StatTotals }[]; title: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r.totals[s.key])));
  const labelW = 170;
  const barW = 300;
  const barH = 12;
  const groupH = SERIES.length * barH + 12;
  const height = rows.length * groupH + 4;
  return (
    <figure class="chart-wrap">
      <div class="legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key} style={{ '--c': s.color } as any}>
            {s.label}
          </span>
        ))}
      </div>
      <svg class="chart" role="img" aria-label={title} width={labelW + barW + 50} height={height} viewBox={`0 0 ${labelW + barW + 50} ${height}`}>
        {rows.map((r, i) => {
          const y0 = i * groupH + 2;
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={y0 + (SERIES.length * barH) / 2 + 4} text-anchor="end">
                {r.label.length > 24 ? r.label.slice(0, 23) + '…' : r.label}
              </text>
              {SERIES.map((s, j) => {
                const v = r.totals[s.key];
                const w = Math.round((v / max) * barW);
                return (
                  <g key={s.key}>
                    <rect x={labelW} y={y0 + j * barH} width={Math.max(w, v > 0 ? 2 : 0)} height={barH - 2} rx="2" style={{ fill: s.color }} />
                    <text class="axis" x={labelW + w + 4} y={y0 + j * barH + barH - 3}>
                      {v}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
