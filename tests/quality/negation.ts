/**
 * Does an applied fix drop a "no" the sentence's meaning depended on? What counts as saying no is
 * lib/analysis/refusal.ts (a refusal or denial, not a negation that was itself the harm). The planner orders
 * alternatives by the same test, so this figure counts the fixes where it had none that keeps the "no"
 * (every alternative of that finding drops it), or did not look (a second or third alternative).
 */
import { ANY_NEGATION, refuses } from '../../lib/analysis/refusal';

/**
 * A sentence the edit touched refused, and after it no sentence of the reply refuses and the touched ones
 * say nothing negative at all: the refusal is gone, not moved ("No. We can't refund it." keeps its "no" in
 * the second sentence when the first is replaced; "that isn't the answer you hoped for" still says it).
 */
export function dropsNegation(touchedBefore: string[], touchedAfter: string[], afterSentences: string[]): boolean {
  return touchedBefore.some(refuses) && !afterSentences.some(refuses) && !touchedAfter.some((s) => ANY_NEGATION.test(s));
}
