/**
 * The soft check's counts per day (never text): prompts shown, sent anyway, reviewed. Stored beside the
 * per-rule stats (lib/extension/stats.ts: same day keys, same 90-day pruning) in their own item, so the
 * per-rule summaries stay as they are.
 */
import { storage } from '#imports';
import { dayKey, daysBefore, KEEP_DAYS } from './stats';

export type SendCheckOutcome = 'shown' | 'sent' | 'reviewed';
export type SendCheckCounts = Record<SendCheckOutcome, number>;
/** { 'YYYY-MM-DD': { shown, sent, reviewed } } */
export type SendCheckStats = Record<string, SendCheckCounts>;

export const sendCheckStatsItem = storage.defineItem<SendCheckStats>('local:sendCheckStats', { fallback: {}, version: 1 });

const zero = (): SendCheckCounts => ({ shown: 0, sent: 0, reviewed: 0 });

/** Adds one count for today and drops days older than KEEP_DAYS (pure; returns a new object). */
export function addSendCheckStat(stats: SendCheckStats, outcome: SendCheckOutcome, today: Date, keepDays = KEEP_DAYS): SendCheckStats {
  const day = dayKey(today);
  const oldest = daysBefore(today, keepDays - 1);
  const kept = Object.fromEntries(Object.entries(stats).filter(([d]) => d >= oldest));
  const counts = { ...zero(), ...(kept[day] ?? {}) };
  counts[outcome] += 1;
  return { ...kept, [day]: counts };
}

/** Totals over the last `days` days. */
export function summarizeSendCheck(stats: SendCheckStats, today: Date, days = 30): SendCheckCounts {
  const from = daysBefore(today, days - 1);
  const to = dayKey(today);
  const total = zero();
  for (const [day, c] of Object.entries(stats)) {
    if (day < from || day > to) continue;
    for (const k of ['shown', 'sent', 'reviewed'] as const) total[k] += typeof c?.[k] === 'number' ? c[k] : 0;
  }
  return total;
}

let queue: Promise<unknown> = Promise.resolve();

/** Counts one outcome today (serialised, so concurrent increments are not lost). */
export function recordSendCheckStat(outcome: SendCheckOutcome, now: Date = new Date()): Promise<void> {
  const run = queue.then(async () => {
    await sendCheckStatsItem.setValue(addSendCheckStat(await sendCheckStatsItem.getValue(), outcome, now));
  });
  queue = run.catch(() => undefined);
  return run;
}
