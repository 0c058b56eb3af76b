/**
 * Scores the listening coaching: on our own cases (tests/quality/listening-cases.yml), precision
 * and recall per coaching kind and for the particulars that fill suggestion slots; on the real brand
 * replies that carry the customer's tweet, the share that gets any of the new coaching (a false-alarm
 * check: those replies were sent, and most were fine). Figures only leave this module for the corpus.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../lib/analysis/index';
import { hearCustomer, type ParticularKind } from '../../lib/analysis/listening';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';

/** The coaching kinds that read the customer's message (the false-alarm check counts these). */
export const LISTENING_KINDS = ['unanswered-question', 'nothing-reflected', 'thank-patience', 'ask-how-to-help'] as const;
/** Scored on the cases: the new kinds and the acknowledgement item they sit beside. */
export const SCORED_KINDS = [...LISTENING_KINDS, 'unacknowledged-emotion'] as const;

export interface ListeningCase {
  id: string;
  customer: string;
  reply: string;
  /** Coaching kinds that should appear. */
  coach?: string[];
  /** Coaching kinds that must not appear (documented intent; anything fired outside `coach` counts against precision). */
  quiet?: string[];
  /** Particulars that should be found (slot-worthy), when labelled: every one, so extras count against precision. */
  particulars?: Array<{ kind: ParticularKind; text: string }>;
}

export interface KindScore { kind: string; tp: number; fp: number; fn: number; precision: number; recall: number; falseAlarms: string[]; misses: string[] }

export function loadListeningCases(path: string): ListeningCase[] {
  const doc = parseYaml(readFileSync(path, 'utf8')) as { cases: ListeningCase[] };
  return doc.cases;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);

export function scoreListening(pb: CompiledPhrasebank, cases: ListeningCase[]) {
  const fired = new Map(cases.map((c) => [c.id, new Set(analyze(c.reply, pb, { customer: c.customer }).coaching.map((k) => k.kind))]));
  const kinds: KindScore[] = SCORED_KINDS.map((kind) => {
    const s: KindScore = { kind, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, falseAlarms: [], misses: [] };
    for (const c of cases) {
      const want = (c.coach ?? []).includes(kind);
      // The acknowledgement item is the existing detector, scored only where a case labels it either way.
      if (kind === 'unacknowledged-emotion' && !want && !(c.quiet ?? []).includes(kind)) continue;
      const got = fired.get(c.id)!.has(kind);
      if (want && got) s.tp++;
      else if (want) { s.fn++; s.misses.push(c.id); }
      else if (got) { s.fp++; s.falseAlarms.push(c.id); }
    }
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
    return s;
  });
  // "Left alone": cases that say a kind must stay quiet, and how many did.
  const quiet = cases.flatMap((c) => (c.quiet ?? []).map((k) => !fired.get(c.id)!.has(k)));
  const particulars = scoreParticulars(cases.filter((c) => c.particulars));
  return { kinds, leftAlone: { quiet: quiet.filter(Boolean).length, total: quiet.length }, particulars, cases: cases.length };
}

/** Particulars: found = same kind, and the same words (case and surrounding spaces aside). */
function scoreParticulars(cases: ListeningCase[]) {
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [], extras: string[] = [];
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const c of cases) {
    const found = hearCustomer(c.customer).particulars.map((p) => ({ kind: p.kind, text: norm(p.text) }));
    const want = c.particulars!.map((p) => ({ kind: p.kind, text: norm(p.text) }));
    for (const w of want) {
      if (found.some((f) => f.kind === w.kind && f.text === w.text)) tp++;
      else { fn++; misses.push(`${c.id}: ${w.kind} "${w.text}"`); }
    }
    for (const f of found) {
      if (!want.some((w) => w.kind === f.kind && w.text === f.text)) { fp++; extras.push(`${c.id}: ${f.kind} "${f.text}"`); }
    }
  }
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), misses, extras, cases: cases.length };
}

/** Real replies with the customer's message: how many get any listening coaching, by kind. */
export function falseAlarms(pb: CompiledPhrasebank, rows: Array<{ text: string; customer: string }>) {
  const byKind: Record<string, number> = {};
  const coached: number[] = [];
  rows.forEach((r, i) => {
    const kinds = analyze(r.text, pb, { customer: r.customer }).coaching.map((k) => k.kind).filter((k) => (LISTENING_KINDS as readonly string[]).includes(k));
    if (!kinds.length) return;
    coached.push(i);
    for (const k of new Set(kinds)) byKind[k] = (byKind[k] ?? 0) + 1;
  });
  return { total: rows.length, coached, share: ratio(coached.length, rows.length), byKind };
}
