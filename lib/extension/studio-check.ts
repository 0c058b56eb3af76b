/**
 * Checks a studio draft exactly as `phrasebank test` checks a YAML file: the draft is written as its
 * category's YAML (emit.ts) and compiled by compile.ts, then its examples run through the real analyser
 * (runExamples) and the alternatives no flag example exercises are listed (uncoveredAlternatives).
 * Loads the engine (compromise): import it lazily from pages.
 */
import { compilePhrasebank, formatError } from '../phrasebank/compile';
import { emitCategoryFile } from '../phrasebank/emit';
import type { CategoryInfo, CompiledPhrasebank, RuleEntry } from '../phrasebank/types';
import { runExamples, uncoveredAlternatives, type ExampleResult } from '../analysis/examples';
import { draftToEntry, type RuleDraft } from './studio-rule';

/** A problem, and the form field it is about (`match`, `examples.flag`, …; undefined: the rule as a whole). */
export interface FieldProblem {
  field?: string;
  message: string;
}

export interface DraftCheck {
  /** The compiled rule when the draft compiles. */
  rule?: RuleEntry;
  category: CategoryInfo;
  problems: FieldProblem[];
  /** One per example, in the order written (flag first), when the rule compiles. */
  examples: ExampleResult[];
  /** Pattern alternatives no flag example exercises. */
  uncovered: string[];
}

/**
 * Compiles and tests a draft. `known` is the category as the effective phrasebank declares it (undefined
 * for a new category: the draft's title and why describe it).
 */
export function checkDraft(draft: RuleDraft, known: CategoryInfo | undefined): DraftCheck {
  const category: CategoryInfo = known ?? {
    category: draft.category.trim(),
    title: draft.categoryTitle.trim(),
    why: draft.categoryWhy.trim(),
    kind: 'dismissive',
    file: '',
  };
  const file = emitCategoryFile(category, [draftToEntry(draft)]);
  const { phrasebank, errors } = compilePhrasebank([file]);
  if (errors.length) {
    return {
      category,
      examples: [],
      uncovered: [],
      problems: errors.map((e) => {
        const at = e.line ? file.lines[e.line] : undefined;
        // A problem reported on the entry's first line is about the entry as a whole unless it names the id.
        const field = at?.field === 'id' && !/^id |^Entry without/.test(e.message) ? undefined : at?.field ?? (at ? 'category' : undefined);
        return { field, message: e.line ? e.message : formatError(e) };
      }),
    };
  }
  return { category, rule: phrasebank.rules[0], problems: [], ...testRule(phrasebank) };
}

function testRule(pb: CompiledPhrasebank): { examples: ExampleResult[]; uncovered: string[] } {
  return { examples: runExamples(pb), uncovered: uncoveredAlternatives(pb).map((u) => u.alternative) };
}
