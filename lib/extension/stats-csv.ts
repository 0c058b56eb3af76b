/** The stats tab's CSV exports (pure): per rule over the period, and per day. Counts and ids only, never text. */
import { MECHANISMS } from '../phrasebank/types';
import { DISMISS_REASONS, mostDismissed, share, type DayPoint, type RuleSummary } from './stats';

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(',');

/** rule, shown, applied, dismissed, then dismissals per reason: the most dismissed rules first. */
export function rulesCsv(summary: RuleSummary): string {
  const head = ['rule', 'shown', 'applied', 'dismissed', ...DISMISS_REASONS.map((r) => `dismissed_${r.replace(/-/g, '_')}`)];
  const rows = mostDismissed(summary.byRule).map(({ ruleId, counts: c }) => [ruleId, c.shown, c.applied, c.dismissed, ...DISMISS_REASONS.map((r) => c.reasons[r])]);
  return [line(head), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** day, drafts, drafts showing each mechanism (count and share), sent past the check (count and share). */
export function dailyCsv(series: readonly DayPoint[]): string {
  const key = (m: string) => m.replace(/-/g, '_');
  const head = ['day', 'drafts', ...MECHANISMS.flatMap((m) => [`drafts_${key(m)}`, `share_${key(m)}`]), 'sent_flagged', 'share_sent_flagged'];
  const pct = (n: number, d: number) => {
    const s = share(n, d);
    return s === undefined ? '' : s.toFixed(3);
  };
  const rows = series.map((p) => [p.day, p.drafts, ...MECHANISMS.flatMap((m) => [p.mechanisms[m], pct(p.mechanisms[m], p.drafts)]), p.sentFlagged, pct(p.sentFlagged, p.drafts)]);
  return [line(head), ...rows.map(line)].join('\r\n') + '\r\n';
}
