import { describe, expect, it } from 'vitest';
import { addEvents, emptyStats, summarizeStats, type StatEvent } from '../../../lib/extension/stats';
import { buildStatsExport, MIN_GROUP, parseStatsExport, parseStatsExports, rollUp } from '../../../lib/extension/stats-rollup';

const now = new Date('2026-11-25T12:00:00Z');
const earlier = new Date('2026-11-20T12:00:00Z');
const events: StatEvent[] = [
  { kind: 'draft' },
  { kind: 'mechanism', mechanism: 'ownership' },
  { kind: 'shown', ruleId: 'policy/our-policy' },
  { kind: 'dismissed', ruleId: 'policy/our-policy', reason: 'not-our-tone' },
];
/** Agent `i`'s export: today's counts for everyone, and a day only agent 0 worked. */
function agent(i: number) {
  let stats = addEvents(emptyStats(), events, now);
  if (i === 0) stats = addEvents(stats, [{ kind: 'draft' }, { kind: 'shown', ruleId: 'policy/alone' }], earlier);
  return buildStatsExport(`agent-000${i}`, stats, { '2026-11-25': { shown: 1, sent: i % 2, reviewed: 1 - (i % 2) } }, now);
}
const file = (i: number) => ({ name: `agent-${i}.json`, text: JSON.stringify(agent(i)) });

describe('team roll-up', () => {
  it('sums five agents, and leaves out a day on which fewer than five were active', () => {
    const { exports, errors } = parseStatsExports([0, 1, 2, 3, 4].map(file));
    expect(errors).toEqual([]);
    const team = rollUp(exports!);
    if (team.tooSmall) throw new Error('expected a team view');
    expect(team.agents).toBe(5);
    expect(team.hiddenDays).toBe(1);
    const s = summarizeStats(team.stats, now, 30);
    expect(s.drafts).toBe(5);
    expect(s.byRule['policy/our-policy']).toMatchObject({ shown: 5, dismissed: 5 });
    expect(s.byRule['policy/alone']).toBeUndefined(); // one agent's day: not shown
    expect(team.stats.days['2026-11-25'].mechanisms.ownership).toBe(5);
    expect(team.sendCheck['2026-11-25']).toEqual({ shown: 5, sent: 2, reviewed: 3 });
  });

  it('a group under five shows nothing', () => {
    const team = rollUp(parseStatsExports([0, 1, 2, 3].map(file)).exports!);
    expect(team).toEqual({ tooSmall: true, agents: 4 });
    expect(MIN_GROUP).toBe(5);
  });

  it('refuses the whole import when one file is bad or one agent comes twice, saying which and where', () => {
    const bad = JSON.parse(file(1).text);
    bad.stats.days['2026-11-25'].rules['policy/our-policy'].shown = -2;
    bad.stats.days['2026-13-40'] = { drafts: 1, rules: {}, mechanisms: {} };
    const r = parseStatsExports([file(0), { name: 'bob.json', text: JSON.stringify(bad) }, file(2)]);
    expect(r.exports).toBeUndefined();
    expect(r.errors).toEqual([
      'bob.json: stats.days["2026-11-25"].rules["policy/our-policy"].shown must be a whole number from 0 to 1,000,000 (it is -2).',
      'bob.json: stats.days["2026-13-40"] is not a day like "2026-11-25".',
    ]);
    const twice = parseStatsExports([file(0), { name: 'copy.json', text: file(0).text }]);
    expect(twice.errors).toEqual(["copy.json and agent-0.json are exports of the same agent: import each agent's latest export once."]);
  });

  it('names junk precisely: not JSON, not an export, unknown reasons and mechanisms, absurd sizes', () => {
    expect(parseStatsExport('{"attuneStats": 1,', 'x.json').errors[0]).toMatch(/^x\.json is not valid JSON/);
    expect(parseStatsExport('{"attuneSettings": 1}', 'x.json').errors[0]).toMatch(/not an Attune stats export/);
    const e = agent(0) as any;
    e.stats.days['2026-11-25'].rules['policy/our-policy'].reasons.because = 1;
    e.stats.days['2026-11-25'].mechanisms.telepathy = 1;
    e.stats.days['2026-11-25'].rules['<img src=x>'] = { shown: 1 };
    const errors = parseStatsExport(JSON.stringify(e), 'x.json').errors;
    expect(errors).toContain('x.json: stats.days["2026-11-25"].mechanisms names an unknown mechanism "telepathy" (known: emotional-reaction, interpretation, exploration, choice, ownership, next-steps, appreciation).');
    expect(errors.some((m) => m.includes('unknown reason "because"'))).toBe(true);
    expect(errors.some((m) => m.includes('rules["<img src=x>"] is not a rule id'))).toBe(true);
    const huge = { ...agent(1), stats: { days: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`2025-01-${i}`, {}])) } };
    expect(parseStatsExport(JSON.stringify(huge), 'h.json').errors).toEqual(['h.json: stats.days has 400 days; at most 120 are accepted.']);
    expect(parseStatsExport('x'.repeat(5_000_001), 'big.json').errors[0]).toMatch(/^big\.json is 5,000,001 characters/);
  });

  it('an export reads back to the same counts', () => {
    const e = agent(0);
    expect(parseStatsExport(JSON.stringify(e)).value).toEqual(e);
  });
});
