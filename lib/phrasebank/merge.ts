/**
 * Merging phrasebank packs in a fixed order (bundled → organisation → team → personal) and
 * validating compiled JSON packs imported in the extension.
 */
import { MECHANISMS, SEVERITIES, type CategoryInfo, type CompiledPhrasebank, type RuleEntry, type SignalEntry } from './types';
import { checkPattern } from './patterns';

/** Where a pack sits in the merge order. */
export type PackLayer = 'bundled' | 'organisation' | 'team' | 'personal';

/** One pack to merge. */
export interface PackInput {
  name: string;
  layer: PackLayer;
  phrasebank: CompiledPhrasebank;
}

/** A rule that two packs define: the earlier pack's version is kept. */
export interface MergeConflict {
  ruleId: string;
  kept: string;
  ignored: string;
}

const ORDER: PackLayer[] = ['bundled', 'organisation', 'team', 'personal'];

/** Merges packs bundled → organisation → team → personal; later duplicates are reported, never applied. */
export function mergePacks(layers: PackInput[]): { phrasebank: CompiledPhrasebank; conflicts: MergeConflict[] } {
  const sorted = layers.map((l, i) => ({ l, i })).sort((a, b) => ORDER.indexOf(a.l.layer) - ORDER.indexOf(b.l.layer) || a.i - b.i).map((x) => x.l);
  const out: CompiledPhrasebank = { version: 1, categories: [], rules: [], signals: [], renames: {} };
  const conflicts: MergeConflict[] = [];
  const owner = new Map<string, string>();
  const categories = new Set<string>();
  for (const pack of sorted) {
    const pb = pack.phrasebank;
    for (const c of pb.categories) {
      if (categories.has(c.category)) continue;
      categories.add(c.category);
      out.categories.push({ ...c, file: c.file || pack.name });
    }
    const take = <T extends RuleEntry | SignalEntry>(entries: T[], into: T[]) => {
      for (const e of entries) {
        const prev = owner.get(e.ruleId);
        if (prev !== undefined) {
          conflicts.push({ ruleId: e.ruleId, kept: prev, ignored: pack.name });
          continue;
        }
        owner.set(e.ruleId, pack.name);
        into.push(e);
      }
    };
    take(pb.rules, out.rules);
    take(pb.signals, out.signals);
    for (const [from, to] of Object.entries(pb.renames ?? {})) if (!(from in out.renames)) out.renames[from] = to;
  }
  return { phrasebank: out, conflicts };
}

/** Validates an imported JSON pack; errors name the exact field, e.g. "rules[3].severity must be high, medium or low". */
export function validateCompiledPack(json: unknown): { phrasebank?: CompiledPhrasebank; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { errors: ['The pack must be a JSON object with version, categories, rules and signals.'] };
  if (json.version !== 1) errors.push('version must be 1.');
  for (const key of ['categories', 'rules', 'signals'] as const) {
    if (!Array.isArray(json[key])) errors.push(`${key} must be a list.`);
  }
  if (json.renames !== undefined && (!isObject(json.renames) || Object.values(json.renames).some((v) => typeof v !== 'string'))) {
    errors.push('renames must be an object of "old/id": "new/id" texts.');
  }
  if (errors.length) return { errors };
  const categories = json.categories as unknown[];
  categories.forEach((c, i) => {
    const at = `categories[${i}]`;
    if (!isObject(c)) return errors.push(`${at} must be an object.`);
    for (const k of ['category', 'title'] as const) if (!nonEmpty(c[k])) errors.push(`${at}.${k} must be non-empty text.`);
    if (c.kind !== 'dismissive' && c.kind !== 'signal') errors.push(`${at}.kind must be dismissive or signal.`);
  });
  const seen = new Set<string>();
  const entry = (e: unknown, at: string, signal: boolean) => {
    if (!isObject(e)) return errors.push(`${at} must be an object.`);
    for (const k of ['ruleId', 'id', 'category', 'why'] as const) if (!nonEmpty(e[k])) errors.push(`${at}.${k} must be non-empty text.`);
    if (nonEmpty(e.ruleId)) {
      if (seen.has(e.ruleId as string)) errors.push(`${at}.ruleId "${e.ruleId}" appears twice.`);
      seen.add(e.ruleId as string);
      if (nonEmpty(e.category) && nonEmpty(e.id) && e.ruleId !== `${e.category}/${e.id}`) errors.push(`${at}.ruleId must be "${e.category}/${e.id}".`);
    }
    if (!isTextList(e.match, true)) errors.push(`${at}.match must be a non-empty list of patterns.`);
    else (e.match as string[]).forEach((p, j) => {
      const problem = checkPattern(p);
      if (problem) errors.push(`${at}.match[${j}] ${problem}`);
    });
    if (!isTextList(e.unless, false)) errors.push(`${at}.unless must be a list of patterns.`);
    else (e.unless as string[]).forEach((p, j) => {
      const problem = checkPattern(p);
      if (problem) errors.push(`${at}.unless[${j}] ${problem}`);
    });
    if (signal) {
      if (!(MECHANISMS as readonly unknown[]).includes(e.mechanism)) errors.push(`${at}.mechanism must be one of ${MECHANISMS.join(', ')}.`);
    } else {
      if (!(SEVERITIES as readonly unknown[]).includes(e.severity)) errors.push(`${at}.severity must be high, medium or low.`);
      if (!isTextList(e.suggest, true)) errors.push(`${at}.suggest must be a non-empty list of texts.`);
    }
    if (!isObject(e.examples) || !isTextList(e.examples.flag, false) || !isTextList(e.examples.pass, false)) {
      errors.push(`${at}.examples must be {"flag": [...], "pass": [...]}.`);
    }
  };
  (json.rules as unknown[]).forEach((e, i) => entry(e, `rules[${i}]`, false));
  (json.signals as unknown[]).forEach((e, i) => entry(e, `signals[${i}]`, true));
  if (errors.length) return { errors };
  const pb = json as unknown as CompiledPhrasebank;
  const clean: CompiledPhrasebank = {
    version: 1,
    categories: pb.categories.map((c) => ({ ...c, why: c.why ?? '', file: c.file ?? '' }) as CategoryInfo),
    rules: pb.rules,
    signals: pb.signals,
    renames: pb.renames ?? {},
  };
  return { phrasebank: clean, errors };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}
function isTextList(v: unknown, required: boolean): boolean {
  if (v === undefined) return !required;
  return Array.isArray(v) && (!required || v.length > 0) && v.every((x) => typeof x === 'string' && x.trim().length > 0);
}
