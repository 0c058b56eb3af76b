/**
 * What an organisation locks (managed policy `lockedCategories`, `lockedRules`): rules an agent can't switch
 * off and a team or personal pack can't replace. Pure: the extension reads the policy, this says what it means.
 */
import type { CompiledPhrasebank, RuleEntry, SignalEntry } from './types';

/** Locked category ids and rule ids, as the policy names them. */
export interface Locks {
  categories: string[];
  rules: string[];
}

export const NO_LOCKS: Locks = { categories: [], rules: [] };

/** Most ids read from one policy list (a real policy names a handful). */
const MAX_LOCKS = 500;

/** A policy value as a list of ids: a list of texts, or one text of ids separated by commas or spaces. */
function ids(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  const clean = list.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x && x.length <= 130);
  return [...new Set(clean)].slice(0, MAX_LOCKS);
}

/** The policy's locks; anything malformed counts as no lock. */
export function normalizeLocks(categories: unknown, rules: unknown): Locks {
  return { categories: ids(categories), rules: ids(rules) };
}

/** True when the organisation locks this rule or signal (itself, or its whole category). */
export function isLocked(entry: Pick<RuleEntry | SignalEntry, 'ruleId' | 'category'>, locks: Locks): boolean {
  return locks.categories.includes(entry.category) || locks.rules.includes(entry.ruleId);
}

/** Every rule and signal id of `pb` that is locked; a lock naming a renamed id follows the rename. */
export function lockedRuleIds(pb: CompiledPhrasebank, locks: Locks): string[] {
  if (!locks.categories.length && !locks.rules.length) return [];
  const renamed = new Set(locks.rules.map((id) => pb.renames?.[id] ?? id));
  return [...pb.rules, ...pb.signals].filter((e) => locks.categories.includes(e.category) || renamed.has(e.ruleId)).map((e) => e.ruleId);
}

/** Locks that name nothing in `pb` (a typo in the policy would otherwise lock nothing, silently). */
export function unknownLocks(pb: CompiledPhrasebank, locks: Locks): Locks {
  const categories = new Set(pb.categories.map((c) => c.category));
  const rules = new Set([...pb.rules, ...pb.signals].map((e) => e.ruleId));
  return {
    categories: locks.categories.filter((c) => !categories.has(c)),
    rules: locks.rules.filter((r) => !rules.has(pb.renames?.[r] ?? r)),
  };
}
