/**
 * The rule studio's data, pure: the form a lead fills in (RuleDraft, one text per field, one item per line),
 * the entry it stands for, and the edits a studio layer (a pack of the lead's own rules) goes through:
 * add or replace a rule, rename it (recorded in `renames`, so stored settings follow), remove it.
 * No browser API, no engine: the checks that need compromise are in studio-check.ts.
 */
import type { CategoryInfo, CompiledPhrasebank, RuleEntry, Severity } from '../phrasebank/types';
import type { EntryDraft } from '../phrasebank/emit';

/** The studio form: every list is one item per line, as a lead types it. */
export interface RuleDraft {
  /** An existing category id, or a new one (then `categoryTitle` and `categoryWhy` describe it). */
  category: string;
  categoryTitle: string;
  categoryWhy: string;
  id: string;
  match: string;
  unless: string;
  severity: Severity | '';
  why: string;
  suggest: string;
  flag: string;
  pass: string;
  /** Optional reference (a style guide, research). */
  source: string;
}

export const EMPTY_DRAFT: RuleDraft = { category: '', categoryTitle: '', categoryWhy: '', id: '', match: '', unless: '', severity: 'medium', why: '', suggest: '', flag: '', pass: '', source: '' };

/** Non-empty trimmed lines. */
export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The entry a draft stands for (fields possibly empty: the validator says what is missing). */
export function draftToEntry(d: RuleDraft): EntryDraft {
  const flags = lines(d.flag);
  return {
    id: d.id.trim(),
    category: d.category.trim(),
    match: lines(d.match),
    unless: lines(d.unless),
    severity: (d.severity || undefined) as Severity | undefined,
    why: d.why.trim(),
    suggest: lines(d.suggest),
    ...(d.source.trim() ? { source: d.source.trim() } : {}),
    // Flag examples keep the YAML marks ("[words]", " -> result"): compile.ts reads them as it does in a file.
    examples: { flag: flags, pass: lines(d.pass) },
  };
}

/** A stored rule back in the form, with its examples written as in YAML. */
export function entryToDraft(rule: RuleEntry, category: CategoryInfo | undefined): RuleDraft {
  const flag = rule.examples.flag.map((text, i) => {
    const span = rule.examples.flagSpans?.[i];
    const marked = span ? `${text.slice(0, span[0])}[${text.slice(span[0], span[1])}]${text.slice(span[1])}` : text;
    const result = rule.examples.flagResults?.[i];
    return result != null ? `${marked} -> ${result}` : marked;
  });
  return {
    category: rule.category,
    categoryTitle: category?.title ?? '',
    categoryWhy: category?.why ?? '',
    id: rule.id,
    match: rule.match.join('\n'),
    unless: rule.unless.join('\n'),
    severity: rule.severity,
    why: rule.why,
    suggest: rule.suggest.join('\n'),
    flag: flag.join('\n'),
    pass: rule.examples.pass.join('\n'),
    source: rule.source ?? '',
  };
}

/** An empty studio layer. */
export function emptyLayer(): CompiledPhrasebank {
  return { version: 1, categories: [], rules: [], signals: [], renames: {} };
}

/**
 * The layer with `rule` added, or put in place of `replaces` (its id before this edit). A changed id is a
 * rename: `renames[old] = new` (and earlier renames to the old id now point at the new one), so stored
 * settings and stats follow the rule. The category is declared in the layer when it is not yet.
 */
export function putRule(layer: CompiledPhrasebank, rule: RuleEntry, category: CategoryInfo, replaces?: string): CompiledPhrasebank {
  const renames = { ...layer.renames };
  const old = replaces ?? rule.ruleId;
  if (old !== rule.ruleId && layer.rules.some((r) => r.ruleId === old)) {
    for (const [from, to] of Object.entries(renames)) if (to === old) renames[from] = rule.ruleId;
    renames[old] = rule.ruleId;
  }
  delete renames[rule.ruleId]; // a rule that exists again is no longer renamed away
  const index = layer.rules.findIndex((r) => r.ruleId === old);
  const rules = layer.rules.filter((r) => r.ruleId !== old && r.ruleId !== rule.ruleId);
  rules.splice(index === -1 ? rules.length : Math.min(index, rules.length), 0, rule);
  const categories = layer.categories.some((c) => c.category === category.category)
    ? layer.categories
    : [...layer.categories, { category: category.category, title: category.title, why: category.why, kind: 'dismissive' as const, file: '' }];
  return tidy({ ...layer, rules, categories, renames });
}

/** The layer without `ruleId`; a category left with no rules goes too (a category needs entries). */
export function removeRule(layer: CompiledPhrasebank, ruleId: string): CompiledPhrasebank {
  return tidy({ ...layer, rules: layer.rules.filter((r) => r.ruleId !== ruleId) });
}

/** Drops categories with no entries and renames that point at a rule no longer in the layer. */
function tidy(layer: CompiledPhrasebank): CompiledPhrasebank {
  const used = new Set([...layer.rules, ...layer.signals].map((e) => e.category));
  const ids = new Set([...layer.rules, ...layer.signals].map((e) => e.ruleId));
  return {
    ...layer,
    categories: layer.categories.filter((c) => used.has(c.category)),
    renames: Object.fromEntries(Object.entries(layer.renames).filter(([, to]) => ids.has(to))),
  };
}

/**
 * old → new rule ids between two versions of a layer (what to migrate in stored settings): renames the new
 * version adds, and, when going back to a version from before a rename (undo, restore), the way back.
 */
export function renamesAdded(before: CompiledPhrasebank | undefined, after: CompiledPhrasebank): Record<string, string> {
  const moves = Object.fromEntries(Object.entries(after.renames).filter(([from, to]) => before?.renames[from] !== to));
  const has = (pb: CompiledPhrasebank, id: string) => pb.rules.some((r) => r.ruleId === id) || pb.signals.some((r) => r.ruleId === id);
  for (const [from, to] of Object.entries(before?.renames ?? {})) {
    if (!(from in after.renames) && has(after, from) && !has(after, to)) moves[to] = from;
  }
  return moves;
}
