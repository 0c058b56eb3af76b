/**
 * Small text helpers shared by the fix planners (fixes.ts, continuation.ts): the smallest edit, sentence
 * starts, and fitting a capital letter to where words land.
 */
import type { Fix } from './types';

export const TERMINAL = /[.!?\u2026]+["'\u201D\u2019)\]]*$/;
export const HANDLES = /^(?:@[\w.]+[\s,:]*)+/;

/** The replacement of sentence text `before` by `after`, as the smallest [start, end) that changes. */
export function minimalEdit(base: number, before: string, after: string): Fix {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  // Never split a surrogate pair.
  if (p > 0 && /[\uD800-\uDBFF]/.test(before[p - 1])) p--;
  if (q > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - q])) q--;
  return { start: base + p, end: base + before.length - q, text: after.slice(p, after.length - q) };
}

/** True when position `at` begins a sentence: the start of the text or line, or after . ! ? */
export function startsSentence(text: string, at: number): boolean {
  // Only the few characters before `at` matter (a slice of the whole prefix made long drafts quadratic).
  const from = Math.max(0, at - 64);
  const before = text.slice(from, at);
  if (from === 0 && !before.replace(/[\s"'\u201C\u2018(]+$/, '')) return true;
  return /[.!?\n\u2026]$/.test(before.replace(/[ \t"'\u201C\u2018(]+$/, ''));
}

export function withFullStop(s: string): string {
  return /[.!?\u2026]["'\u201D\u2019)]*$/.test(s) ? s : s + '.';
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter mid-sentence, except "I" and what looks like a name or acronym. */
export function uncapitalise(s: string): string {
  if (/^I\b|^I['\u2019]/.test(s) || !/^[A-Z][a-z]/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
