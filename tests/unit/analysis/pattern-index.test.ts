/**
 * The matcher is built from the generated index of required words and decodes a pattern's parse only when
 * it is first needed (pattern-cache.ts). Both must be exactly what the eager path gives, or matches change.
 */
import { describe, expect, it } from 'vitest';
import { deserialise, deserialiseGroups, fromParsed, groupsOf, lazyTable, parseAlternatives, serialiseGroups } from '../../../lib/analysis/pattern-compile';
import precompiled, { groups } from '../../../lib/analysis/patterns.generated';
import phrasebank from '../../../lib/phrasebank/bundled.generated';
import { compiledPattern, parsedPattern, patternGroups } from '../../../lib/analysis/pattern-cache';
import { matchesParsed, matchesParsedIn, parse } from '../../../lib/analysis/nlp';

const patterns = [...new Set([...phrasebank.rules, ...phrasebank.signals].flatMap((e) => [...e.match, ...(e.unless ?? [])]))];

describe('the precompiled pattern index', () => {
  it('decodes each pattern on demand to what the eager decode gives', () => {
    const eager = deserialise(precompiled);
    const lazy = lazyTable(precompiled);
    for (const p of patterns) expect(lazy(p), p).toEqual(eager[p]);
    expect(lazy('no such pattern in the table')).toBeUndefined();
  });

  it('holds the required words the matcher would derive from each parse', () => {
    const table = deserialiseGroups(groups);
    expect([...table.keys()].sort()).toEqual([...patterns].sort());
    const eager = deserialise(precompiled);
    for (const p of patterns) expect(table.get(p), p).toEqual(groupsOf(eager[p].map(fromParsed)));
    // Optional words add no requirement; a choice is one group of its words.
    expect(table.get('[please]? (calm|settle|cool) down')).toEqual([[['calm', 'settle', 'cool'], ['down']]]);
  });

  it('compiles a pattern it does not hold (a team pack\'s) from its text', () => {
    const text = 'we (cannot|can not) refund that';
    expect(patternGroups(text)).toEqual(groupsOf(parseAlternatives(text).map(fromParsed)));
    expect(patternGroups(text)).toEqual([[['we'], ['cannot'], ['refund'], ['that']], [['we'], ['can'], ['not'], ['refund'], ['that']]]);
  });

  it('round-trips a table and refuses a word it could not store', () => {
    const table = { a: [[['x', 'y'], ['z']], null], b: [[['z']]] };
    expect(Object.fromEntries(deserialiseGroups(serialiseGroups(table)))).toEqual(table);
    expect(() => serialiseGroups({ c: [[['two words']]] })).toThrow(/space/);
  });

  it('shares one parse between the net, the unless checks and the fast form compiled later, which compromise leaves as it was', () => {
    // A fast form is compiled on first use, possibly after compromise has checked the same parse: it must not change it.
    const doc = parse('Sorry, but you should have read the policy before ordering; the system will calm down.');
    const sample = patterns.filter((_, i) => i % 7 === 0);
    for (const p of sample) for (const alt of parsedPattern(p)) if (alt.length) { matchesParsed(doc, alt); matchesParsedIn(doc, [0], alt); }
    for (const p of sample) {
      expect(parsedPattern(p), p).toEqual(parseAlternatives(p));
      compiledPattern(p).forEach((c, i) => expect(c.parsed).toBe(parsedPattern(p)[i]));
    }
  });
});
