/**
 * Merging phrasebank packs in a fixed order (bundled → organisation → team → personal) and
 * validating compiled JSON packs imported in the extension.
 */
import { MECHANISMS, type CategoryInfo, type CompiledPhrasebank, type RuleEntry, type SignalEntry } from './types';
import { compilePhrasebank } from './compile';
import { emitCategoryFile } from './emit';
import { isLocked, NO_LOCKS, type Locks } from './locks';

/** Where a pack sits in the merge order. */
export type PackLayer = 'bundled' | 'organisation' | 'team' | 'personal';

/** One pack to merge. */
export interface PackInput {
  name: string;
  layer: PackLayer;
  phrasebank: CompiledPhrasebank;
}

/**
 * Why the version in use won a clash: it is earlier in the merge order, the lead chose it, it is an
 * organisation pack's (which no team or personal pack replaces), or the organisation locks the rule (then only
 * an organisation pack or the built-in phrasebank provides it).
 */
export type ConflictReason = 'order' | 'choice' | 'organisation' | 'locked';

/**
 * A rule that two packs define. `kept` is the version in use: the earlier layer's, unless the lead chose
 * another (`chosen`); `ignored` is the one not used. Conflicts are always reported, chosen or not.
 */
export interface MergeConflict {
  ruleId: string;
  kept: string;
  ignored: string;
  /** True when `kept` is in use because the lead chose it (see `mergePacks`' `choices`). */
  chosen?: boolean;
  reason: ConflictReason;
  /** The lead chose `ignored`, and the organisation's pack or lock overrules that choice. */
  choiceOverruled?: boolean;
}

/** The merged phrasebank, its conflicts, and which pack each rule and signal came from. */
export interface MergeResult {
  phrasebank: CompiledPhrasebank;
  conflicts: MergeConflict[];
  /** ruleId → the name of the pack whose version is used. */
  sources: Record<string, string>;
}

const ORDER: PackLayer[] = ['bundled', 'organisation', 'team', 'personal'];

/**
 * Merges packs bundled → organisation → team → personal. When two packs define one rule the earlier
 * pack's version is used, unless `choices` (ruleId → pack name) names another pack that defines it; a team or
 * personal version can't be chosen over an organisation pack's (that is the organisation's policy), nor for a
 * rule the organisation `locks`. Categories: the first declaration is kept.
 */
export function mergePacks(layers: PackInput[], choices: Record<string, string> = {}, locks: Locks = NO_LOCKS): MergeResult {
  const sorted = layers.map((l, i) => ({ l, i })).sort((a, b) => ORDER.indexOf(a.l.layer) - ORDER.indexOf(b.l.layer) || a.i - b.i).map((x) => x.l);
  const out: CompiledPhrasebank = { version: 1, categories: [], rules: [], signals: [], renames: {} };
  const categories = new Set<string>();
  // Every definition of each id, in merge order; the first decides where the rule sits in the list.
  const definitions = new Map<string, Array<{ pack: PackInput; entry: RuleEntry | SignalEntry; signal: boolean }>>();
  for (const pack of sorted) {
    const pb = pack.phrasebank;
    for (const c of pb.categories) {
      if (categories.has(c.category)) continue;
      categories.add(c.category);
      out.categories.push({ ...c, file: c.file || pack.name });
    }
    for (const [entries, signal] of [[pb.rules, false], [pb.signals, true]] as const) {
      for (const entry of entries) {
        const list = definitions.get(entry.ruleId) ?? [];
        if (!list.length) definitions.set(entry.ruleId, list);
        list.push({ pack, entry, signal });
      }
    }
    for (const [from, to] of Object.entries(pb.renames ?? {})) if (!(from in out.renames)) out.renames[from] = to;
  }
  const conflicts: MergeConflict[] = [];
  const sources: Record<string, string> = {};
  for (const [ruleId, defs] of definitions) {
    const pinned = defs.find((d) => d.pack.layer === 'organisation');
    const locked = isLocked(defs[0].entry, locks);
    const chosen = choices[ruleId] === undefined ? undefined : defs.find((d) => d.pack.name === choices[ruleId]);
    // The organisation's version can be chosen over the built-in one, but no team or personal pack overrides it,
    // and none replaces a locked rule (a weaker pattern would switch it off as surely as a toggle).
    const allowed = chosen && (pinned ? chosen === pinned : !locked || chosen.pack.layer === 'bundled');
    const winner = allowed ? chosen : defs[0];
    sources[ruleId] = winner.pack.name;
    if (winner.signal) out.signals.push(winner.entry as SignalEntry);
    else out.rules.push(winner.entry as RuleEntry);
    for (const d of defs) {
      if (d === winner) continue;
      const byChoice = winner === chosen && winner !== defs[0];
      const fromLaterLayer = d.pack.layer === 'team' || d.pack.layer === 'personal';
      // The reason this version is not used: the organisation's lock or pack, before the lead's choice or the order.
      const reason: ConflictReason = locked && fromLaterLayer ? 'locked' : winner === pinned && fromLaterLayer ? 'organisation' : byChoice ? 'choice' : 'order';
      conflicts.push({ ruleId, kept: winner.pack.name, ignored: d.pack.name, reason, ...(byChoice ? { chosen: true } : {}), ...(d === chosen ? { choiceOverruled: true } : {}) });
    }
  }
  return { phrasebank: out, conflicts, sources };
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
    // Only the shape here; what the patterns, ids, examples and suggestions say is compile.ts's to judge.
    if (!isTextList(e.match, true)) errors.push(`${at}.match must be a non-empty list of patterns.`);
    if (!isTextList(e.unless, false)) errors.push(`${at}.unless must be a list of patterns.`);
    if (signal) {
      if (!(MECHANISMS as readonly unknown[]).includes(e.mechanism)) errors.push(`${at}.mechanism must be one of ${MECHANISMS.join(', ')}.`);
    } else {
      if (typeof e.severity !== 'string') errors.push(`${at}.severity must be high, medium or low.`);
      if (!isTextList(e.suggest, true)) errors.push(`${at}.suggest must be a non-empty list of texts.`);
    }
    if (!isObject(e.examples) || !isTextList(e.examples.flag, false) || !isTextList(e.examples.pass, false)) {
      errors.push(`${at}.examples must be {"flag": [...], "pass": [...]}.`);
    }
  };
  (json.rules as unknown[]).forEach((e, i) => entry(e, `rules[${i}]`, false));
  (json.signals as unknown[]).forEach((e, i) => entry(e, `signals[${i}]`, true));
  if (errors.length) return { errors };
  return compileAsYaml(json as unknown as CompiledPhrasebank);
}

/**
 * The pack's content, checked by the same validator as the YAML files (`phrasebank test`, the studio): each
 * category is written back as its YAML file and compiled. Refused there means refused here, with the same
 * words: a high-severity rule with one example, a 20,000-character id, an exploding wildcard, a bad slot, …
 */
function compileAsYaml(pb: CompiledPhrasebank): { phrasebank?: CompiledPhrasebank; errors: string[] } {
  const errors: string[] = [];
  const declared = new Map(pb.categories.map((c) => [c.category, c]));
  const byCategory = new Map<string, Array<RuleEntry | SignalEntry>>();
  const place = (e: RuleEntry | SignalEntry, at: string, kind: 'dismissive' | 'signal') => {
    const info = declared.get(e.category);
    if (!info) return errors.push(`${at} (${e.ruleId}) is in category "${e.category}", which the pack does not declare; add it to categories with a title and why.`);
    if (info.kind !== kind) return errors.push(`${at} (${e.ruleId}) is a ${kind === 'signal' ? 'signal' : 'rule'} but category "${e.category}" is declared as ${info.kind}.`);
    byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
  };
  pb.rules.forEach((e, i) => place(e, `rules[${i}]`, 'dismissive'));
  pb.signals.forEach((e, i) => place(e, `signals[${i}]`, 'signal'));
  if (errors.length) return { errors };
  const files = pb.categories.map((c) => emitCategoryFile(c, byCategory.get(c.category) ?? []));
  const compiled = compilePhrasebank(files, pb.renames ?? {});
  if (compiled.errors.length) {
    return {
      errors: compiled.errors.map((e) => {
        if (e.file === 'renames.json') return `renames: ${e.message}`;
        const category = e.file.replace(/^signals\//, '').replace(/\.yml$/, '');
        return e.entryId ? `${category}/${short(e.entryId)}: ${e.message}` : `category "${category}": ${e.message}`;
      }),
    };
  }
  // The file each category came from stays as the pack says (the emitted paths are only for the check).
  const file = new Map(pb.categories.map((c) => [c.category, c.file ?? '']));
  const phrasebank = compiled.phrasebank;
  phrasebank.categories = phrasebank.categories.map((c) => ({ ...c, file: file.get(c.category) ?? '' }));
  return { phrasebank, errors: [] };
}

/** An id as an error names it: a 20,000-character id must not become a 20,000-character message. */
function short(id: string): string {
  return id.length > 60 ? `${id.slice(0, 40)}…` : id;
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
