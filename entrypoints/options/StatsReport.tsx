/**
 * One set of counts, read for a lead: the rules agents dismiss most (and why), per category, the share of drafts
 * showing each empathy mechanism and sent past the check, as trends; CSV exports. The same for an agent's own
 * counts and for a team roll-up. Counts only: ids and numbers, never text.
 */
import { dailyCsv, rulesCsv } from '../../lib/extension/stats-csv';
import type { SendCheckStats as SendCheckCounts } from '../../lib/extension/send-check-stats';
import { dailySeries, DISMISS_REASONS, mostDismissed, percent, REASON_LABELS, summarizeStats, type RuleCounts, type Stats } from '../../lib/extension/stats';
import { MECHANISMS } from '../../lib/phrasebank/types';
import { DismissChart } from '../../lib/ui/DismissChart';
import { downloadText } from '../../lib/ui/download';
import { MECHANISM_META } from '../../lib/ui/labels';
import { TrendChart } from '../../lib/ui/TrendChart';
import { SendCheckStats } from './SendCheckStats';

/** How many rules the "dismissed most" chart shows (the table lists them all). */
const CHART_RULES = 10;

export interface StatsReportProps {
  stats: Stats;
  sendCheck: SendCheckCounts;
  days: number;
  /** Category id → the phrasebank's title. */
  titles: Map<string, string>;
  /** Names the CSV files: "my" or "team". */
  scope: 'my' | 'team';
}

function RuleTable({ rows, first }: { rows: { key: string; label: string; counts: RuleCounts }[]; first: string }) {
  return (
    <div class="table-scroll">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" class="num">Shown</th>
            <th scope="col" class="num">Applied</th>
            <th scope="col" class="num">Dismissed</th>
            {DISMISS_REASONS.map((r) => (
              <th scope="col" class="num" key={r}>
                {REASON_LABELS[r]}
              </th>
            ))}
            <th scope="col" class="num">Applied rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}</th>
              <td class="num">{r.counts.shown}</td>
              <td class="num">{r.counts.applied}</td>
              <td class="num">{r.counts.dismissed}</td>
              {DISMISS_REASONS.map((k) => (
                <td class="num" key={k} data-reason={k}>
                  {r.counts.reasons[k]}
                </td>
              ))}
              <td class="num">{percent(r.counts.applied, r.counts.shown)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatsReport({ stats, sendCheck, days, titles, scope }: StatsReportProps) {
  const today = new Date();
  const summary = summarizeStats(stats, today, days);
  const series = dailySeries(stats, sendCheck, today, days);
  const rules = mostDismissed(summary.byRule).map(({ ruleId, counts }) => ({ key: ruleId, label: ruleId, counts }));
  const categories = Object.entries(summary.byCategory)
    .map(([key, counts]) => ({ key, label: titles.get(key) ?? key, counts }))
    .sort((a, b) => b.counts.shown - a.counts.shown);
  const empty = !rules.length && !summary.drafts;
  const download = (kind: 'rules' | 'daily') =>
    downloadText(kind === 'rules' ? rulesCsv(summary) : dailyCsv(series), `attune-${scope}-${kind}-${summary.to}-${days}d.csv`, 'text/csv');

  return (
    <div class="stats-report">
      <p class="muted">
        {summary.from} to {summary.to}. Counts only: Attune never stores what was written.
      </p>
      {empty ? (
        <p class="empty">No activity in the last {days} days yet. Counts appear here as replies are written.</p>
      ) : (
        <>
          <div class="stat-tiles">
            <div class="tile"><span class="tile-n">{summary.drafts}</span> drafts</div>
            <div class="tile"><span class="tile-n">{summary.total.shown}</span> findings shown</div>
            <div class="tile"><span class="tile-n">{percent(summary.total.applied, summary.total.shown)}</span> applied</div>
            <div class="tile"><span class="tile-n">{percent(summary.total.dismissed, summary.total.shown)}</span> dismissed</div>
          </div>

          <h2>Rules dismissed most</h2>
          <p class="muted small">
            The rules agents reject most, and why. A rule that is often “not dismissive here” may need an <code>unless</code> or
            better examples; “not our tone” means it does not fit how your team writes.
          </p>
          {rules.length > 0 && <DismissChart rows={rules.slice(0, CHART_RULES)} title={`The ${Math.min(CHART_RULES, rules.length)} most dismissed rules, last ${days} days`} />}
          <RuleTable rows={rules} first="Rule" />

          <h2>By category</h2>
          <RuleTable rows={categories} first="Category" />

          <h2>Empathy in drafts</h2>
          <p class="muted small">Share of drafts, per day, that showed each move at least once.</p>
          <div class="trends" data-testid="mechanism-trends">
            {MECHANISMS.map((m) => (
              <TrendChart key={m} title={MECHANISM_META[m].label} points={series.map((p) => ({ day: p.day, part: p.mechanisms[m], whole: p.drafts }))} />
            ))}
          </div>
          <h2>Sent with strong phrasing still in</h2>
          <p class="muted small">
            Drafts sent anyway past the check before sending (a high-severity finding or an unanswered question still in them), as a
            share of drafts. Counted only where the check is on.
          </p>
          <div class="trends">
            <TrendChart testId="sent-flagged-trend" title="Sent past the check" points={series.map((p) => ({ day: p.day, part: p.sentFlagged, whole: p.drafts }))} />
          </div>
          <SendCheckStats stats={sendCheck} days={days} />
          <details class="daily-table">
            <summary>The daily numbers as a table</summary>
            <div class="table-scroll">
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" class="num">Drafts</th>
                    {MECHANISMS.map((m) => (
                      <th scope="col" class="num" key={m}>
                        {MECHANISM_META[m].label}
                      </th>
                    ))}
                    <th scope="col" class="num">Sent past the check</th>
                  </tr>
                </thead>
                <tbody>
                  {series
                    .filter((p) => p.drafts || p.sentFlagged)
                    .reverse()
                    .map((p) => (
                      <tr key={p.day}>
                        <th scope="row">{p.day}</th>
                        <td class="num">{p.drafts}</td>
                        {MECHANISMS.map((m) => (
                          <td class="num" key={m}>
                            {percent(p.mechanisms[m], p.drafts)}
                          </td>
                        ))}
                        <td class="num">{p.sentFlagged}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </details>
          <p class="csv-actions">
            <button type="button" class="btn" onClick={() => download('rules')}>
              Download rules as CSV
            </button>
            <button type="button" class="btn" onClick={() => download('daily')}>
              Download daily trends as CSV
            </button>
          </p>
        </>
      )}
      {empty && <SendCheckStats stats={sendCheck} days={days} />}
    </div>
  );
}
