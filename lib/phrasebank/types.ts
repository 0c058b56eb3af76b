/**
 * The phrasebank's data model: what team leads write in `phrasebank/*.yml`
 * and what the build compiles into the module the extension imports.
 * Format reference: phrasebank/README.md.
 */

export type Severity = 'high' | 'medium' | 'low';

/** Empathy mechanisms (EPITOME: emotional reactions, interpretations, explorations) plus service-language findings. */
export type Mechanism =
  | 'emotional-reaction' // acknowledging the feeling
  | 'interpretation' // reflecting the customer's situation back
  | 'exploration' // asking, inviting more
  | 'choice' // offering options
  | 'ownership' // "I'll", not "we'll"
  | 'next-steps' // a clear next step or a time
  | 'appreciation'; // "thank you for your patience" rather than only "sorry"

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
/**
 * Slots a suggestion may carry, filled from the customer's message and the draft: "your order[ {order}]"
 * (the bracketed part is left out when the slot can't be filled; a bare slot withdraws the suggestion).
 */
export const SLOT_KINDS = ['order', 'ticket', 'product', 'amount', 'date', 'place', 'option'] as const;

export const MECHANISMS: readonly Mechanism[] = [
  'emotional-reaction',
  'interpretation',
  'exploration',
  'choice',
  'ownership',
  'next-steps',
  'appreciation',
];

/** One rule that flags dismissive phrasing. */
export interface RuleEntry {
  /** `category/entry-id`, stable: settings store it. */
  ruleId: string;
  /** The kebab-case id inside its file. */
  id: string;
  category: string;
  /** compromise match syntax; several alternatives allowed. */
  match: string[];
  /** compromise patterns: when one matches the same sentence, the finding is dropped (harmless uses). */
  unless: string[];
  severity: Severity;
  why: string;
  suggest: string[];
  source?: string;
  examples: Examples;
}

/**
 * Sentences an entry must flag and must leave alone. A flag example written with brackets in YAML
 * ("Please [calm down] so I can look") is stored without them, and `flagSpans[i]` holds the offsets
 * the entry's finding must cover exactly.
 */
export interface Examples {
  flag: string[];
  pass: string[];
  flagSpans?: Array<[number, number] | null>;
  /** `"You should [have read] the terms" -> "…"`: the draft after applying the first suggestion. */
  flagResults?: Array<string | null>;
}

/** One rule that recognises something empathic the agent already wrote. */
export interface SignalEntry {
  ruleId: string;
  id: string;
  category: string;
  mechanism: Mechanism;
  match: string[];
  unless: string[];
  /** Shown to the agent as praise or explanation ("You named the feeling"). */
  why: string;
  source?: string;
  examples: Examples;
}

export interface CategoryInfo {
  category: string;
  title: string;
  why: string;
  kind: 'dismissive' | 'signal';
  /** Where it came from: `phrasebank/invalidating.yml`, or a pack name. */
  file: string;
  /** Kinder alternatives for the category as a whole (used when the model, not a rule, finds it). */
  suggest?: string[];
  /**
   * A refusal or a rule with nothing further strands the customer (`needs-next-step: true` in YAML):
   * without a next step or a choice Attune coaches for one; with a way forward anywhere in the reply,
   * the model's finding of this category is dropped (labelling guide R2, R3).
   */
  needsNextStep?: boolean;
  /** Optional reference for the whole category (research, style guide). */
  source?: string;
}

/** What `compile()` produces and `analyze()` consumes: plain JSON, no YAML parser needed at run time. */
export interface CompiledPhrasebank {
  version: 1;
  categories: CategoryInfo[];
  rules: RuleEntry[];
  signals: SignalEntry[];
  /** old ruleId → new ruleId */
  renames: Record<string, string>;
}

/** A precise, fixable validation problem. */
export interface PhrasebankError {
  file: string;
  line?: number;
  column?: number;
  entryId?: string;
  /** What is wrong and how to fix it, in one or two plain sentences. */
  message: string;
}
