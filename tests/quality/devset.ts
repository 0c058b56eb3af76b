/**
 * Loads the development set: reply-length cases written by the team (never copied from
 * ../shared/corpus). Dismissive cases carry the category they should be flagged with;
 * polite and ordinary cases must produce no finding at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One reply in the development set. */
export interface DevCase {
  /** Stable id for reports, e.g. `blaming/dismissive/3` (1-based). */
  id: string;
  kind: 'dismissive' | 'polite' | 'ordinary';
  /** The category a dismissive case should be flagged with, or whose trigger words a polite case reuses. */
  category?: string;
  text: string;
}

/** Files that make up the development set, relative to this folder. */
export const DEVSET_FILES = ['devset-categories-a.yml', 'devset-categories-b.yml', 'devset-categories-c.yml', 'devset-ordinary.yml'];

type CategoryBlock = { dismissive?: string[]; polite?: string[] };

/** Held-out replies written after the phrasebank was tuned on the dev set (report only, never tuned on). */
export const HOLDOUT_FILES = ['holdout.yml'];

/** Our blind sets: JSONL in the independent set's schema, written from the labelling guide alone (tests/quality/labelled-cases.ts reads them). */
export const BLIND_FILES = ['blind-a.jsonl', 'blind-b.jsonl'];

/**
 * A blind set nobody tuning the judgement has read (written 2026-12-03 like the others): measured, never studied.
 * Once its misses are read, move it to BLIND_FILES and have a fresh one written.
 */
export const UNREAD_BLIND_FILES = ['blind-c.jsonl', 'blind-d.jsonl'];

/** Reads every development-set file in `dir` (defaults to this folder); `files` picks another set. */
export function loadDevset(dir: string = import.meta.dirname, files: string[] = DEVSET_FILES): DevCase[] {
  const cases: DevCase[] = [];
  for (const file of files) {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, CategoryBlock | string[]>;
    for (const [key, value] of Object.entries(data)) {
      if (key === 'ordinary' && Array.isArray(value)) {
        value.forEach((text, i) => cases.push({ id: `ordinary/${i + 1}`, kind: 'ordinary', text }));
        continue;
      }
      const block = value as CategoryBlock;
      for (const kind of ['dismissive', 'polite'] as const) {
        (block[kind] ?? []).forEach((text, i) => cases.push({ id: `${key}/${kind}/${i + 1}`, kind, category: key, text }));
      }
    }
  }
  return cases;
}

/** One reply in the signal development set. */
export interface SignalCase {
  /** e.g. `choice/shows/2` (1-based). */
  id: string;
  mechanism: string;
  /** `shows`: the mechanism's signal should fire; `lacks`: it reuses the words and must not. */
  kind: 'shows' | 'lacks';
  text: string;
}

/** Reads tests/quality/devset-signals.yml (or the same file in `dir`). */
export function loadSignalDevset(dir: string = import.meta.dirname): SignalCase[] {
  const data = parse(readFileSync(join(dir, 'devset-signals.yml'), 'utf8')) as Record<string, { shows?: string[]; lacks?: string[] }>;
  const cases: SignalCase[] = [];
  for (const [mechanism, block] of Object.entries(data)) {
    for (const kind of ['shows', 'lacks'] as const) {
      (block[kind] ?? []).forEach((text, i) => cases.push({ id: `${mechanism}/${kind}/${i + 1}`, mechanism, kind, text }));
    }
  }
  return cases;
}
