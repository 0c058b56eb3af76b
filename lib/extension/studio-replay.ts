/**
 * Replay before publishing: how many past replies an edited rule would flag, and how that compares with
 * the rule as the current phrasebank has it. Pure (runs in the studio's Web Worker and in Node tests).
 * The replies are only ever in memory: nothing here stores them.
 */
import { analyze } from '../analysis/index';
import type { CompiledPhrasebank, RuleEntry } from '../phrasebank/types';

/** Most replies one replay reads (a larger export is cut, and says so). */
export const MAX_REPLIES = 50_000;
/** Sentences kept for display per list. */
export const MAX_SHOWN = 200;

/**
 * The replies in a file: a CSV (first row the header; the column named body, text, reply, message, content
 * or comment, else the longest-text column) or plain text (one reply per blank-line-separated block).
 */
export function parseReplies(text: string, fileName: string): { replies: string[]; column?: string; cut: boolean } {
  let replies: string[];
  let column: string | undefined;
  if (/\.csv$/i.test(fileName)) {
    const rows = parseCsv(text);
    const header = rows.shift() ?? [];
    const named = header.findIndex((h) => /^(body|text|reply|message|content|comment|description)$/i.test(h.trim()));
    const index = named >= 0 ? named : longestColumn(rows, header.length);
    column = header[index];
    replies = rows.map((r) => (r[index] ?? '').trim()).filter(Boolean);
  } else {
    replies = text.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean);
  }
  const cut = replies.length > MAX_REPLIES;
  return { replies: cut ? replies.slice(0, MAX_REPLIES) : replies, column, cut };
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function longestColumn(rows: string[][], width: number): number {
  let best = 0;
  let bestLength = -1;
  for (let col = 0; col < width; col++) {
    const length = rows.reduce((n, r) => n + (r[col]?.length ?? 0), 0);
    if (length > bestLength) (best = col), (bestLength = length);
  }
  return best;
}

/** One reply the rule flags: its position in the file, and the flagged words in their sentence. */
export interface ReplayHit {
  reply: number;
  text: string;
  sentence: string;
}

export interface ReplayResult {
  total: number;
  /** Replies the edited rule flags. */
  flagged: number;
  /** Replies the rule as the current phrasebank has it flags (0 for a new rule). */
  flaggedBefore: number;
  /** Replies flagged now and not before, and before and not now (first MAX_SHOWN of each; the counts are of all). */
  addedCount: number;
  removedCount: number;
  added: ReplayHit[];
  removed: ReplayHit[];
  /** Every reply the edited rule flags (first MAX_SHOWN). */
  hits: ReplayHit[];
  ms: number;
}

/**
 * Runs `rule` (and `before`, the current version of the same rule, if any) over every reply. Each rule is
 * analysed on its own (as its examples are), so the count is what this rule catches, whatever else fires.
 * `onProgress(done)` is called every `every` replies.
 */
export function replay(replies: string[], rule: RuleEntry, before: RuleEntry | undefined, categories: CompiledPhrasebank['categories'], onProgress?: (done: number) => void, every = 100): ReplayResult {
  const t0 = Date.now();
  const only = (r: RuleEntry): CompiledPhrasebank => ({ version: 1, categories, rules: [r], signals: [], renames: {} });
  const now = only(rule);
  const then = before ? only(before) : undefined;
  const result: ReplayResult = { total: replies.length, flagged: 0, flaggedBefore: 0, addedCount: 0, removedCount: 0, added: [], removed: [], hits: [], ms: 0 };
  const first = (text: string, pb: CompiledPhrasebank): ReplayHit | undefined => {
    const f = analyze(text, pb, undefined, { keepOverlapping: true, model: null }).findings[0];
    return f ? { reply: 0, text: f.text, sentence: sentenceAround(text, f.start, f.end) } : undefined;
  };
  replies.forEach((text, i) => {
    const hit = first(text, now);
    const old = then ? first(text, then) : undefined;
    if (hit) {
      result.flagged++;
      if (result.hits.length < MAX_SHOWN) result.hits.push({ ...hit, reply: i + 1 });
      if (!old && result.addedCount++ < MAX_SHOWN) result.added.push({ ...hit, reply: i + 1 });
    }
    if (old) {
      result.flaggedBefore++;
      if (!hit && result.removedCount++ < MAX_SHOWN) result.removed.push({ ...old, reply: i + 1 });
    }
    if (onProgress && (i + 1) % every === 0) onProgress(i + 1);
  });
  result.ms = Date.now() - t0;
  return result;
}

/** The sentence holding [start, end), at most 240 characters. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('!', start - 1), text.lastIndexOf('?', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = ['.', '!', '?', '\n'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  const sentence = text.slice(from, to).trim();
  return sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence;
}
