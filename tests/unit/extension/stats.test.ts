import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addEvents,
  dailySeries,
  DraftCounter,
  emptyStats,
  isStatEvent,
  KEEP_DAYS,
  migrateStats,
  mostDismissed,
  percent,
  summarizeStats,
  type StatEvent,
  type Stats,
} from '../../../lib/extension/stats';
import { getStats, recordStats, statsItem } from '../../../lib/extension/stats-store';

beforeEach(() => fakeBrowser.reset());
const day = (iso: string) => new Date(iso + 'T12:00:00Z');
const calm = (text = 'calm down') => ({ ruleId: 'invalidating/calm-down', text });
const policy = { ruleId: 'policy/our-policy', text: "that's our policy" };
const kinds = (events: StatEvent[]) => events.map((e) => ('ruleId' in e ? `${e.kind}:${e.ruleId}` : e.kind === 'mechanism' ? `mechanism:${e.mechanism}` : e.kind));

describe('DraftCounter: one definition of shown, applied, dismissed', () => {
  it('counts a finding shown once per draft, however often it is re-analysed or moved by text before it', () => {
    const c = new DraftCounter();
    expect(kinds(c.observe('Please calm down, I am here.', [calm()], []))).toEqual(['draft', 'shown:invalidating/calm-down']);
    // Re-analysis, then words typed before the phrase (every offset shifts), then another case: nothing new.
    expect(c.observe('Please calm down, I am here.', [calm()], [])).toEqual([]);
    expect(c.observe('Hi Sam. Please calm down, I am here.', [calm()], [])).toEqual([]);
    expect(c.observe('Hi Sam. Please Calm  Down, I am here.', [calm('Calm  Down')], [])).toEqual([]);
    // Another phrase of the same rule is another identity; so is another rule.
    expect(kinds(c.observe('Relax. Calm yourself. That is our policy.', [calm('calm yourself'), policy], []))).toEqual([
      'shown:invalidating/calm-down',
      'shown:policy/our-policy',
    ]);
  });

  it('applied and dismissed at most once per identity, and never more than shown (no 133 %)', () => {
    const c = new DraftCounter();
    c.observe('Please calm down, I am here.', [calm()], []);
    expect(kinds(c.applied(calm()))).toEqual(['applied:invalidating/calm-down']);
    expect(c.applied(calm())).toEqual([]);
    expect(c.dismissed(calm(), 'not-now')).toEqual([]); // already settled
    // Applied from somewhere that never reported it shown (the popup before this fix): shown comes first.
    expect(kinds(c.dismissed(policy, 'not-our-tone'))).toEqual(['shown:policy/our-policy', 'dismissed:policy/our-policy']);
    expect(c.dismissed(policy)).toEqual([]);
  });

  it('an emptied box starts a new draft: the same phrase counts again, and short text is not a draft yet', () => {
    const c = new DraftCounter();
    expect(kinds(c.observe('Calm down', [calm()], []))).toEqual(['shown:invalidating/calm-down']); // 2 words
    expect(kinds(c.observe('Calm down, friend.', [calm()], []))).toEqual(['draft']);
    expect(c.observe('   ', [], [])).toEqual([]);
    expect(kinds(c.observe('Calm down, friend.', [calm()], []))).toEqual(['draft', 'shown:invalidating/calm-down']);
  });

  it('a draft shows each mechanism once, and only once it counts as a draft', () => {
    const c = new DraftCounter();
    expect(c.observe('I understand', [], [{ mechanism: 'emotional-reaction' }])).toEqual([]);
    const first = c.observe('I understand how this feels.', [], [{ mechanism: 'emotional-reaction' }, { mechanism: 'emotional-reaction' }]);
    expect(kinds(first)).toEqual(['draft', 'mechanism:emotional-reaction']);
    expect(kinds(c.observe('I understand how this feels. I will call you.', [], [{ mechanism: 'emotional-reaction' }, { mechanism: 'ownership' }]))).toEqual([
      'mechanism:ownership',
    ]);
  });
});

describe('stored counts', () => {
  it('adds events per rule, reason and day, and drafts with their mechanisms', () => {
    const now = day('2026-11-25');
    const s = addEvents(
      emptyStats(),
      [
        { kind: 'draft' },
        { kind: 'mechanism', mechanism: 'ownership' },
        { kind: 'shown', ruleId: 'a/b' },
        { kind: 'shown', ruleId: 'a/b' },
        { kind: 'applied', ruleId: 'a/b' },
        { kind: 'dismissed', ruleId: 'a/b', reason: 'not-dismissive' },
      ],
      now,
    );
    expect(s.days['2026-11-25']).toEqual({
      drafts: 1,
      mechanisms: { ownership: 1 },
      rules: { 'a/b': { shown: 2, applied: 1, dismissed: 1, reasons: { 'not-dismissive': 1, 'not-now': 0, 'not-our-tone': 0, unspecified: 0 } } },
    });
  });

  it('loses no counts when many are recorded at once, and prunes days past 90', async () => {
    const now = day('2026-11-25');
    await statsItem.setValue({ days: { '2026-08-27': { drafts: 1, rules: {}, mechanisms: {} }, '2026-08-28': { drafts: 2, rules: {}, mechanisms: {} } } });
    await Promise.all(Array.from({ length: 25 }, () => recordStats([{ kind: 'shown', ruleId: 'a/b' }], now)));
    const stats = await getStats();
    expect(stats.days['2026-11-25'].rules['a/b'].shown).toBe(25);
    expect(Object.keys(stats.days).sort()).toEqual(['2026-08-28', '2026-11-25']);
    expect(KEEP_DAYS).toBe(90);
  });

  it('migrates the version 1 shape users already have stored (shown never below applied + ignored)', async () => {
    const v1 = {
      '2026-11-24': { 'invalidating/calm-down': { fired: 3, applied: 4, ignored: 1 }, 'policy/x': { fired: 2, applied: 0, ignored: 0 } },
      'not-a-day': { 'a/b': { fired: 1 } },
    };
    // As version 1 left it: the value under `stats`, no version meta (read as version 1).
    await fakeBrowser.storage.local.set({ stats: v1 });
    const read = await getStats(); // before the migration ran (another context may read first)
    await statsItem.migrate(); // what WXT runs when the item is defined in a context
    const stats = await statsItem.getValue();
    expect(stats).toEqual(read);
    expect((await fakeBrowser.storage.local.get('stats$')).stats$).toEqual({ v: 2 });
    expect(Object.keys(stats.days)).toEqual(['2026-11-24']);
    expect(stats.days['2026-11-24'].rules['invalidating/calm-down']).toEqual({
      shown: 5,
      applied: 4,
      dismissed: 1,
      reasons: { 'not-dismissive': 0, 'not-now': 0, 'not-our-tone': 0, unspecified: 1 },
    });
    expect(stats.days['2026-11-24'].rules['policy/x'].shown).toBe(2);
    // Read twice, and junk, still load.
    expect(migrateStats(stats)).toEqual(stats);
    expect(migrateStats('junk')).toEqual({ days: {} });
    expect(migrateStats({ days: { '2026-11-24': { drafts: -3, rules: { 'a/b': { shown: 'x' } } } } }).days['2026-11-24'].rules['a/b'].shown).toBe(0);
  });

  it('accepts only well-formed events from a content script', () => {
    expect(isStatEvent({ kind: 'shown', ruleId: 'a/b' })).toBe(true);
    expect(isStatEvent({ kind: 'dismissed', ruleId: 'a/b', reason: 'because' })).toBe(false);
    expect(isStatEvent({ kind: 'mechanism', mechanism: 'telepathy' })).toBe(false);
    expect(isStatEvent({ kind: 'fired', ruleId: 'a/b' })).toBe(false);
    expect(isStatEvent({ kind: 'shown', ruleId: 'x'.repeat(201) })).toBe(false);
  });
});

describe('summaries', () => {
  const rule = (shown: number, applied: number, notNow = 0, notOurTone = 0) => ({
    shown,
    applied,
    dismissed: notNow + notOurTone,
    reasons: { 'not-dismissive': 0, 'not-now': notNow, 'not-our-tone': notOurTone, unspecified: 0 },
  });
  const stats: Stats = {
    days: {
      '2026-11-25': { drafts: 10, mechanisms: { ownership: 4 }, rules: { 'inv/a': rule(3, 1, 1), 'pol/x': rule(4, 0, 1, 3) } },
      '2026-10-27': { drafts: 5, mechanisms: {}, rules: { 'inv/b': rule(2, 2) } }, // 29 days before: included
      '2026-10-26': { drafts: 99, mechanisms: {}, rules: { 'inv/a': rule(100, 0, 50) } }, // 30 days before: excluded
    },
  };

  it('totals the last 30 days per rule and category, and puts the most dismissed rules first', () => {
    const s = summarizeStats(stats, day('2026-11-25'), 30);
    expect(s.from).toBe('2026-10-27');
    expect(s.drafts).toBe(15);
    expect(s.byCategory.inv).toMatchObject({ shown: 5, applied: 3, dismissed: 1 });
    expect(s.total.reasons['not-our-tone']).toBe(3);
    expect(mostDismissed(s.byRule).map((r) => r.ruleId)).toEqual(['pol/x', 'inv/a', 'inv/b']);
    expect(summarizeStats(stats, day('2026-11-25'), 90).byRule['inv/a'].shown).toBe(103);
    expect(percent(s.total.applied, s.total.shown)).toBe('33%');
    expect(percent(1, 0)).toBe('–');
  });

  it('a daily series covers every day of the period, zero-filled, with sends past the check', () => {
    const series = dailySeries(stats, { '2026-11-25': { sent: 2 } }, day('2026-11-25'), 30);
    expect(series).toHaveLength(30);
    expect(series[0].day).toBe('2026-10-27');
    expect(series.at(-1)).toMatchObject({ day: '2026-11-25', drafts: 10, sentFlagged: 2 });
    expect(series.at(-1)!.mechanisms.ownership).toBe(4);
    expect(series[1]).toMatchObject({ drafts: 0, sentFlagged: 0 });
  });
});
