import { describe, expect, it } from 'vitest';
import { csvField, dailyCsv, rulesCsv } from '../../../lib/extension/stats-csv';
import { addEvents, dailySeries, emptyStats, summarizeStats } from '../../../lib/extension/stats';

const now = new Date('2026-11-25T12:00:00Z');

describe('stats CSV', () => {
  const stats = addEvents(
    emptyStats(),
    [
      { kind: 'draft' },
      { kind: 'draft' },
      { kind: 'mechanism', mechanism: 'ownership' },
      { kind: 'shown', ruleId: 'a/b' },
      { kind: 'dismissed', ruleId: 'a/b', reason: 'not-now' },
      { kind: 'shown', ruleId: 'c/d' },
      { kind: 'applied', ruleId: 'c/d' },
    ],
    now,
  );

  it('per rule: the most dismissed first, a column per reason', () => {
    const csv = rulesCsv(summarizeStats(stats, now, 30)).split('\r\n');
    expect(csv[0]).toBe('rule,shown,applied,dismissed,dismissed_not_dismissive,dismissed_not_now,dismissed_not_our_tone,dismissed_unspecified');
    expect(csv.slice(1, 3)).toEqual(['a/b,1,0,1,0,1,0,0', 'c/d,1,1,0,0,0,0,0']);
  });

  it('per day: every day, shares left empty where there were no drafts', () => {
    const csv = dailyCsv(dailySeries(stats, { '2026-11-25': { sent: 1 } }, now, 30)).trim().split('\r\n');
    expect(csv).toHaveLength(31);
    const head = csv[0].split(',');
    const last = Object.fromEntries(csv[30].split(',').map((v, i) => [head[i], v]));
    expect(last).toMatchObject({ day: '2026-11-25', drafts: '2', drafts_ownership: '1', share_ownership: '0.500', sent_flagged: '1', share_sent_flagged: '0.500' });
    expect(csv[1].split(',')[head.indexOf('share_ownership')]).toBe('');
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
  });
});
