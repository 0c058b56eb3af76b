/**
 * Seeded random drafts and edits for the editor conformance runs: short support replies with emoji
 * (including multi-code-unit ones), blank lines, bullet items ("- " lines, see tests/fixtures/editors/_lines.ts),
 * curly quotes. Spans fall on grapheme boundaries inside one line, like analysis findings do.
 */

import { seededRandom } from '../../lib/seeded-random';

export { seededRandom };

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const SENTENCES = [
  'Thanks for writing in about the billing page.',
  'I can see the sync stopped on Tuesday 😕',
  'Please calm down, we are looking at it.',
  'As I already said, the export runs overnight.',
  'That’s our policy, I’m afraid.',
  'There’s nothing I can do before Monday.',
  'I’ll check the “Invoices” tab with you 👍🏽',
  'Could you send me a screenshot of the error?',
  'We apologize for any inconvenience caused.',
  'Your account shows two charges — I’m sorry about that.',
  'The family plan 👨‍👩‍👧 covers up to five people.',
  'Would you prefer a refund or a credit?',
  'It says ‘pending’ until the bank confirms.',
  'Next step: I’ll escalate this to our payments team.',
];
const BULLETS = ['Open “Settings”', 'Clear the cache 🧹', 'Sign in again', 'Try the ‘Export’ button', 'Reply with the order number'];
const REPLACEMENTS = [
  'I can hear how frustrating this has been',
  'I’ll look into it right now 🙂',
  'Thanks for your patience',
  'Here’s what I can do',
  'would you like me to',
  '“happy to help”',
  '👍🏽',
  'I understand',
  'Let’s fix this together 👨‍👩‍👧',
  'a',
  'You’re right — that shouldn’t happen.',
];

/** A draft of 2–7 lines: sentences, sometimes a blank line, sometimes a bullet list ("- " lines). */
export function randomDraft(rand: () => number): string {
  const lines: string[] = ['Hi Alex,'];
  const count = 2 + Math.floor(rand() * 5);
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.15) lines.push('');
    else if (r < 0.35) {
      const n = 1 + Math.floor(rand() * 3);
      for (let j = 0; j < n; j++) lines.push(`- ${pick(rand, BULLETS)}`);
    } else {
      const n = 1 + Math.floor(rand() * 2);
      lines.push(Array.from({ length: n }, () => pick(rand, SENTENCES)).join(' '));
    }
  }
  lines.push('Best, Jo');
  // Never end with an empty line: several editors drop or add a trailing empty paragraph.
  return lines.join('\n');
}

/** A replacement suggestion. */
export function randomReplacement(rand: () => number): string {
  return pick(rand, REPLACEMENTS);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Grapheme boundaries of `text` (UTF-16 offsets), including 0 and text.length. */
export function graphemeBoundaries(text: string): number[] {
  const out = [0];
  for (const s of segmenter.segment(text)) if (s.index > 0) out.push(s.index);
  out.push(text.length);
  return out;
}

/**
 * A non-empty span inside one non-empty line, on grapheme boundaries, that does not start or end with
 * a space (findings never do; browsers re-balance collapsible spaces at span edges).
 */
export function randomSpan(rand: () => number, text: string): { start: number; end: number } | null {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  if (!lines.length) return null;
  for (let attempt = 0; attempt < 20; attempt++) {
    const line = pick(rand, lines);
    // Sometimes the whole line (a finding can be a whole sentence; editors treat whole-node edits differently).
    if (rand() < 0.15) {
      const body = text.slice(line.start, line.end);
      const lead = body.length - body.trimStart().length;
      return { start: line.start + lead, end: line.start + body.trimEnd().length };
    }
    const bounds = graphemeBoundaries(text.slice(line.start, line.end)).map((b) => b + line.start);
    const i = Math.floor(rand() * (bounds.length - 1));
    const len = 1 + Math.floor(rand() * Math.min(12, bounds.length - 1 - i));
    const start = bounds[i];
    const end = bounds[Math.min(i + len, bounds.length - 1)];
    const span = text.slice(start, end);
    if (end > start && !/^\s|\s$/.test(span)) return { start, end };
  }
  return null;
}
