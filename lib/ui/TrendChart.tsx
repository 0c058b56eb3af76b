/**
 * A share per day as inline-SVG columns (no chart library): one small chart a lead reads at a glance, with
 * the period's share in words beside it. Days without drafts are left empty, not drawn as 0 %.
 */
export interface TrendPoint {
  day: string;
  part: number;
  whole: number;
}

const pct = (n: number, d: number) => (d > 0 ? `${Math.round(Math.min(1, n / d) * 100)}%` : '–');
const sum = (xs: TrendPoint[], k: 'part' | 'whole') => xs.reduce((t, p) => t + p[k], 0);

/** The period's share and the last 7 days' share (the "is it moving" a lead asks first). */
export function trendWords(points: TrendPoint[]): { period: string; recent: string; whole: number } {
  const recent = points.slice(-7);
  return { period: pct(sum(points, 'part'), sum(points, 'whole')), recent: pct(sum(recent, 'part'), sum(recent, 'whole')), whole: sum(points, 'whole') };
}

export function TrendChart({ title, points, of = 'drafts', testId }: { title: string; points: TrendPoint[]; of?: string; testId?: string }) {
  const w = 270;
  const h = 64;
  const top = 6;
  const gutter = 36; // the 0 / 50 / 100 % scale
  const colW = (w - gutter) / Math.max(1, points.length);
  const words = trendWords(points);
  const label = `${title}: ${words.period} of ${words.whole} ${of} over the last ${points.length} days; ${words.recent} in the last 7 days.`;
  return (
    <figure class="trend" data-testid={testId}>
      <figcaption>
        <span class="trend-title">{title}</span>
        <span class="trend-n">{words.period}</span>
        <span class="trend-recent">last 7 days {words.recent}</span>
      </figcaption>
      <svg class="trend-chart" role="img" aria-label={label} width={w} height={h + 2 * top} viewBox={`0 0 ${w} ${h + 2 * top}`}>
        {[1, 0.5, 0].map((v) => (
          <g key={v}>
            <line class={v ? 'grid' : 'base'} x1={gutter} x2={w} y1={top + h - v * h} y2={top + h - v * h} />
            <text class="tick" x={gutter - 4} y={top + h - v * h + 4} text-anchor="end">
              {v * 100}%
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          if (p.whole <= 0) return null;
          const v = Math.min(1, p.part / p.whole);
          const bh = Math.max(v > 0 ? 2 : 1, v * h);
          return <rect key={p.day} data-day={p.day} x={gutter + i * colW + 0.5} y={top + h - bh} width={Math.max(1, colW - 1)} height={bh} />;
        })}
      </svg>
    </figure>
  );
}
