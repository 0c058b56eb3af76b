/**
 * "I can't fix the hinge, but the repairs desk can": the remainder leaves out the verb
 * phrase it shares with the refused clause. Replacing that clause would leave "the repairs desk can"
 * (nothing said once the clause is gone, and who can help is lost). The verb phrase is the agent's own:
 * `completeEllipsis` puts it back ("the repairs desk can fix the hinge").
 */
import { parse } from './nlp';
import { standsAlone } from './clauses';

// A remainder that stops on a modal or "able to": the verb phrase after it was left out.
const ELLIPTICAL = /\b(?:able to|can|could|will|may|might|should)\s*$/i;
// "…what I can", "…when we can", "as soon as I can": the modal closes a clause of its own, no gap to fill.
const CLOSED = /\b(?:what|whatever|when|whenever|if|as|all|anything|everything|that|which|who|where|how)\b(?:\s+[\p{L}'\u2019]+){0,3}\s+(?:able to|can|could|will|may|might|should)\s*$/iu;
// The refused verb phrase: after the negation, to the clause's end.
const REFUSED_VP = /(?:n['\u2019]t|\bcannot|\bnot|\bunable to|\bnever)\s+(?:(?:be\s+)?able\s+to\s+)?([\p{L}][^,;:]*)$/iu;

// "…closed on 3 May": a capital "May" after other words is the month, not the modal.
const MONTH_MAY = /\S\s+May\s*$/;

/** True when the remainder stops on a modal or "able to" (its verb phrase is in another clause). */
export function isElliptical(remainder: string): boolean {
  return ELLIPTICAL.test(remainder) && !CLOSED.test(remainder) && !MONTH_MAY.test(remainder);
}

/** The remainder with the flagged clause's refused verb phrase put back, or null when it has no gap of that kind. */
export function completeEllipsis(remainder: string, flaggedClause: string): string | null {
  if (!isElliptical(remainder)) return null;
  const vp = REFUSED_VP.exec(flaggedClause.trim())?.[1].trim();
  if (!vp) return null;
  const first = parse(vp).sentences.flat()[0];
  if (!first || !first.tags.has('Verb') || first.tags.has('Gerund') || /^(?:be|have|do)$/i.test(first.text)) return null;
  const whole = `${remainder.trim()} ${vp}`;
  return standsAlone(whole) ? whole : null;
}
