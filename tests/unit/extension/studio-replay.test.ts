/** Replay: reading past replies from CSV or text, and counting what the edited rule flags against its current version. */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseReplies, replay } from '../../../lib/extension/studio-replay';
import type { RuleEntry } from '../../../lib/phrasebank/types';

const rule = (match: string[]): RuleEntry => ({
  ruleId: 'tone/system-says', id: 'system-says', category: 'tone', match, unless: [], severity: 'medium', why: 'x', suggest: ['I checked.'], examples: { flag: [], pass: [] },
});
const categories = [{ category: 'tone', title: 'Tone', why: 'x', kind: 'dismissive' as const, file: '' }];

describe('parseReplies', () => {
  it('reads quoted CSV fields with commas, newlines and doubled quotes, from the body column', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
    const { replies, column } = parseReplies('id,body,agent\n1,"Hello, the system says no.",ana\n2,,bo\n3,Thanks!,cy\n', 'export.csv');
    expect(column).toBe('body');
    expect(replies).toEqual(['Hello, the system says no.', 'Thanks!']);
  });

  it('falls back to the column with the most text, and reads a text file by paragraphs', () => {
    expect(parseReplies('n,words\n1,a long reply here\n', 'x.csv').column).toBe('words');
    expect(parseReplies('First reply.\nStill first.\n\nSecond reply.\n', 'x.txt').replies).toEqual(['First reply.\nStill first.', 'Second reply.']);
  });
});

describe('replay', () => {
  it('counts replies the edited rule flags, against the current version, with the sentences', () => {
    const replies = ['Hi. The system says no refund.', 'The computer says no.', 'All good here.', 'Sadly the system says it expired!'];
    const progress: number[] = [];
    const r = replay(replies, rule(['the (system|computer) says']), rule(['the system says']), categories, (n) => progress.push(n), 2);
    expect([r.total, r.flagged, r.flaggedBefore]).toEqual([4, 3, 2]);
    expect(r.added).toEqual([{ reply: 2, text: 'The computer says', sentence: 'The computer says no.' }]);
    expect(r.removed).toEqual([]);
    expect(r.hits[0]).toEqual({ reply: 1, text: 'The system says', sentence: 'The system says no refund.' });
    expect(progress).toEqual([2, 4]);
  });

  it('runs 2,000 replies well under a second per thousand', () => {
    const replies = Array.from({ length: 2000 }, (_, i) => `Thanks for waiting, order ${i} left today.${i % 9 ? '' : ' The system says it was delivered.'}`);
    replay(replies.slice(0, 50), rule(['the system says']), undefined, categories); // warm up compromise
    const r = replay(replies, rule(['the system says']), undefined, categories);
    expect(r.flagged).toBe(223);
    expect(r.ms / 2).toBeLessThan(500);
  });
});
