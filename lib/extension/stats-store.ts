/**
 * Where the counts defined in stats.ts are kept: `local:stats` (version 2; version 1's shape is migrated on
 * first read, and any stored value is read through migrateStats, so an old or hand-written value still loads).
 */
import { storage } from '#imports';
import { addEvents, emptyStats, migrateStats, type StatEvent, type Stats } from './stats';

export const statsItem = storage.defineItem<Stats>('local:stats', {
  fallback: emptyStats(),
  version: 2,
  migrations: { 2: (old: unknown) => migrateStats(old) },
});

/** The stored counts, in the current shape whatever was stored. */
export async function getStats(): Promise<Stats> {
  return migrateStats(await statsItem.getValue());
}

// Calls within one context are serialised so concurrent increments are not lost (read-modify-write).
let queue: Promise<unknown> = Promise.resolve();

/** Counts events for today and prunes old days. Never stores text. */
export function recordStats(events: readonly StatEvent[], now: Date = new Date()): Promise<void> {
  if (!events.length) return Promise.resolve();
  const run = queue.then(async () => {
    await statsItem.setValue(addEvents(await getStats(), events, now));
  });
  queue = run.catch(() => undefined);
  return run;
}

/** A random id for this browser profile's stats exports (not who the agent is: lets a lead's import spot a duplicate). */
const statsAgentItem = storage.defineItem<string>('local:statsAgent', { fallback: '' });

export async function getStatsAgentId(): Promise<string> {
  const known = await statsAgentItem.getValue();
  if (known) return known;
  const id = crypto.randomUUID();
  await statsAgentItem.setValue(id);
  return id;
}
