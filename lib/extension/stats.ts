/**
 * Usage counts per rule and day (never text): how often a rule fired, was applied, was ignored.
 * Kept for 90 days; the options page charts the last 30.
 */
import { statsItem, type Stats } from './settings';

export type StatKind = 'fired' | 'applied' | 'ignored';

/** How many days of counts are kept. */
export const KEEP_DAYS = 90;

/** `YYYY-MM-DD` in UTC, the key stats are stored under. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `n` days before `date` (UTC). */
export function daysBefore(date: Date, n: number): string {
  return dayKey(new Date(date.getTime() - n * 86_400_000));
}

/** Drops days older than `keepDays` (pure; returns a new object). */
export function pruneStats(stats: Stats, today: Date, keepDays = KEEP_DAYS): Stats {
  const oldest = daysBefore(today, keepDays - 1);
  return Object.fromEntries(Object.entries(stats).filter(([day]) => day >= oldest));
}

/** Adds one count (pure; returns a new object). */
export function addStat(stats: Stats, ruleId: string, kind: StatKind, today: Date): Stats {
  const day = dayKey(today);
  const rules = { ...(stats[day] ?? {}) };
  const prev = rules[ruleId];
  const counts = { fired: prev?.fired ?? 0, applied: prev?.applied ?? 0, ignored: prev?.ignored ?? 0 };
  counts[kind] += 1;
  rules[ruleId] = counts;
  return { ...stats, [day]: rules };
}

// Calls within one context are serialised so concurrent increments are not lost (read-modify-write).
let queue: Promise<unknown> = Promise.resolve();

/** Counts one event for a rule today and prunes old days. Never stores text. */
export function recordStat(ruleId: string, kind: StatKind, now: Date = new Date()): Promise<void> {
  const run = queue.then(async () => {
    const stats = await statsItem.getValue();
    await statsItem.setValue(pruneStats(addStat(stats, ruleId, kind, now), now));
  });
  queue = run.catch(() => undefined);
  return run;
}

export interface StatTotals {
  fired: number;
  applied: number;
  ignored: number;
}

export interface StatsSummary {
  /** Oldest day included (inclusive). */
  from: string;
  to: string;
  byRule: Record<string, StatTotals>;
  /** Category = the part of the ruleId before '/'. */
  byCategory: Record<string, StatTotals>;
  total: StatTotals;
}

/** Totals over the last `days` days, per rule and per category. */
export function summarizeStats(stats: Stats, today: Date, days = 30): StatsSummary {
  const from = daysBefore(today, days - 1);
  const to = dayKey(today);
  const byRule: Record<string, StatTotals> = {};
  const byCategory: Record<string, StatTotals> = {};
  const total = zero();
  for (const [day, rules] of Object.entries(stats)) {
    if (day < from || day > to) continue;
    for (const [ruleId, c] of Object.entries(rules)) {
      const category = ruleId.includes('/') ? ruleId.slice(0, ruleId.indexOf('/')) : ruleId;
      for (const target of [(byRule[ruleId] ??= zero()), (byCategory[category] ??= zero()), total]) {
        target.fired += c.fired ?? 0;
        target.applied += c.applied ?? 0;
        target.ignored += c.ignored ?? 0;
      }
    }
  }
  return { from, to, byRule, byCategory, total };
}

function zero(): StatTotals {
  return { fired: 0, applied: 0, ignored: 0 };
}
