/** Usage over the last 30 days: per category (chart + table) and per rule (table). Counts only. */
import { statsItem } from '../../lib/extension/settings';
import { summarizeStats, type StatTotals } from '../../lib/extension/stats';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { useStorageItem } from '../../lib/ui/hooks';
import { StatsChart } from '../../lib/ui/StatsChart';
import { SendCheckStats } from './SendCheckStats';
import { sendCheckStatsItem } from '../../lib/extension/send-check-stats';

function rate(t: StatTotals): string {
  return t.fired ? `${Math.round((t.applied / t.fired) * 100)}%` : '–';
}

function TotalsTable({ rows, first }: { rows: { key: string; label: string; totals: StatTotals }[]; first: string }) {
  return (
    <table class="data">
      <thead>
        <tr>
          <th>{first}</th>
          <th class="num">Flagged</th>
          <th class="num">Applied</th>
          <th class="num">Ignored</th>
          <th class="num">Applied rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <td>{r.label}</td>
            <td class="num">{r.totals.fired}</td>
            <td class="num">{r.totals.applied}</td>
            <td class="num">{r.totals.ignored}</td>
            <td class="num">{rate(r.totals)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsPanel({ pb }: { pb: CompiledPhrasebank }) {
  const stats = useStorageItem(statsItem);
  if (!stats) return <p class="muted">Loading…</p>;
  const summary = summarizeStats(stats, new Date(), 30);
  const titles = new Map(pb.categories.map((c) => [c.category, c.title]));
  const byCount = (a: { totals: StatTotals }, b: { totals: StatTotals }) => b.totals.fired - a.totals.fired;
  const categories = Object.entries(summary.byCategory)
    .map(([key, totals]) => ({ key, label: titles.get(key) ?? key, totals }))
    .sort(byCount);
  const rules = Object.entries(summary.byRule)
    .map(([key, totals]) => ({ key, label: key, totals }))
    .sort(byCount);
  return (
    <div class="stats">
      <p class="muted">
        {summary.from} to {summary.to}. Counts only: Attune never stores what was written. Kept for 90 days.
      </p>
      {categories.length === 0 ? (
        <p class="empty">No activity in the last 30 days yet. Counts appear here as agents write replies.</p>
      ) : (
        <>
          <div class="stat-tiles">
            <div class="tile"><span class="tile-n">{summary.total.fired}</span> flagged</div>
            <div class="tile"><span class="tile-n">{summary.total.applied}</span> suggestions applied</div>
            <div class="tile"><span class="tile-n">{summary.total.ignored}</span> ignored</div>
          </div>
          <h2>By category</h2>
          <StatsChart rows={categories} title="Flagged, applied and ignored per category, last 30 days" />
          <TotalsTable rows={categories} first="Category" />
          <h2>By rule</h2>
          <TotalsTable rows={rules} first="Rule" />
        </>
      )}
      <SendCheckStats />
      <p>
        <button type="button" class="btn danger" onClick={() => confirm('Clear all usage counts?') && Promise.all([statsItem.setValue({}), sendCheckStatsItem.setValue({})])}>
          Clear counts
        </button>
      </p>
    </div>
  );
}
