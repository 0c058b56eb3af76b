import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { statsItem } from '../../../lib/extension/settings';
import { addStat, dayKey, KEEP_DAYS, pruneStats, recordStat, summarizeStats } from '../../../lib/extension/stats';

beforeEach(() => fakeBrowser.reset());
const day = (iso: string) => new Date(iso + 'T12:00:00Z');

describe('stats', () => {
  it('counts per rule, kind and day', async () => {
    const now = day('2026-11-25');
    await recordStat('invalidating/calm-down', 'fired', now);
    await recordStat('invalidating/calm-down', 'fired', now);
    await recordStat('invalidating/calm-down', 'applied', now);
    await recordStat('policy/our-policy', 'ignored', day('2026-11-24'));
    expect(await statsItem.getValue()).toEqual({
      '2026-11-25': { 'invalidating/calm-down': { fired: 2, applied: 1, ignored: 0 } },
      '2026-11-24': { 'policy/our-policy': { fired: 0, applied: 0, ignored: 1 } },
    });
  });

  it('loses no counts when many are recorded at once', async () => {
    const now = day('2026-11-25');
    await Promise.all(Array.from({ length: 25 }, () => recordStat('a/b', 'fired', now)));
    expect((await statsItem.getValue())['2026-11-25']['a/b'].fired).toBe(25);
  });

  it('prunes days older than 90 days when recording', async () => {
    const now = day('2026-11-25');
    await statsItem.setValue({
      '2026-08-27': { 'a/b': { fired: 1, applied: 0, ignored: 0 } }, // 90 days before: dropped
      '2026-08-28': { 'a/b': { fired: 2, applied: 0, ignored: 0 } }, // 89 days before: kept
    });
    await recordStat('a/b', 'fired', now);
    expect(Object.keys(await statsItem.getValue()).sort()).toEqual(['2026-08-28', '2026-11-25']);
    expect(KEEP_DAYS).toBe(90);
  });

  it('pruning and adding are pure', () => {
    const before = { '2020-01-01': { 'a/b': { fired: 1, applied: 0, ignored: 0 } } };
    const after = addStat(pruneStats(before, day('2026-11-25')), 'a/b', 'fired', day('2026-11-25'));
    expect(before['2020-01-01']['a/b'].fired).toBe(1);
    expect(after).toEqual({ '2026-11-25': { 'a/b': { fired: 1, applied: 0, ignored: 0 } } });
  });

  it('summarises the last 30 days per rule and per category', () => {
    const stats = {
      '2026-11-25': { 'inv/a': { fired: 3, applied: 1, ignored: 0 }, 'pol/x': { fired: 1, applied: 0, ignored: 1 } },
      '2026-10-27': { 'inv/b': { fired: 2, applied: 2, ignored: 0 } }, // 29 days before: included
      '2026-10-26': { 'inv/a': { fired: 100, applied: 0, ignored: 0 } }, // 30 days before: excluded
    };
    const s = summarizeStats(stats, day('2026-11-25'), 30);
    expect(s.from).toBe('2026-10-27');
    expect(s.byRule['inv/a']).toEqual({ fired: 3, applied: 1, ignored: 0 });
    expect(s.byCategory.inv).toEqual({ fired: 5, applied: 3, ignored: 0 });
    expect(s.byCategory.pol).toEqual({ fired: 1, applied: 0, ignored: 1 });
    expect(s.total).toEqual({ fired: 6, applied: 3, ignored: 1 });
    expect(dayKey(day('2026-01-02'))).toBe('2026-01-02');
  });
});
