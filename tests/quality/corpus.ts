/**
 * Reads the third-party evaluation corpus at run time from ../shared/corpus (outside the repo).
 * Nothing from these files is ever written into the repository: callers get texts and labels
 * only to count with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EpitomeRow } from './metrics';

/** The corpus folder: $ATTUNE_CORPUS, else ../shared/corpus next to the checkout. */
export function corpusDir(repoRoot: string): string {
  return process.env.ATTUNE_CORPUS ?? resolve(repoRoot, '../shared/corpus');
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Reply texts from real-replies.jsonl, or null when the file is absent. */
export function readRealReplies(dir: string): string[] | null {
  const path = join(dir, 'real-replies.jsonl');
  if (!existsSync(path)) return null;
  return readJsonl(path).map((r) => String(r.text ?? ''));
}

/** EPITOME rows of empathy-labelled.jsonl (dataset starts with "EPITOME"), or null when absent. */
export function readEpitome(dir: string): EpitomeRow[] | null {
  const path = join(dir, 'empathy-labelled.jsonl');
  if (!existsSync(path)) return null;
  return readJsonl(path)
    .filter((r) => String(r.dataset ?? '').startsWith('EPITOME'))
    .map((r) => {
      const labels = (r.labels ?? {}) as Record<string, unknown>;
      return {
        text: String(r.text ?? ''),
        context: typeof r.context === 'string' ? r.context : undefined,
        levels: { ER: Number(labels.ER_level ?? 0), IP: Number(labels.IP_level ?? 0), EX: Number(labels.EX_level ?? 0) },
      };
    });
}

/** Stanford Politeness requests of empathy-labelled.jsonl with their politeness quartile (1 = least polite), or null. */
export function readPoliteness(dir: string): Array<{ text: string; quartile: number }> | null {
  const path = join(dir, 'empathy-labelled.jsonl');
  if (!existsSync(path)) return null;
  return readJsonl(path)
    .filter((r) => String(r.dataset ?? '').startsWith('Stanford Politeness'))
    .map((r) => ({ text: String(r.text ?? ''), quartile: Number((r.labels as Record<string, unknown>)?.score_quartile_within_community_file ?? 0) }))
    .filter((r) => r.quartile >= 1 && r.quartile <= 4);
}

/** Real replies that carry the customer tweet they answer (`prev_customer_text`), or null when the file is absent. */
export function readRepliesWithCustomer(dir: string): Array<{ text: string; customer: string }> | null {
  const path = join(dir, 'real-replies.jsonl');
  if (!existsSync(path)) return null;
  return readJsonl(path)
    .filter((r) => typeof r.prev_customer_text === 'string' && r.prev_customer_text.trim())
    .map((r) => ({ text: String(r.text ?? ''), customer: String(r.prev_customer_text) }));
}
