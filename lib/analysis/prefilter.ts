/**
 * The words a pattern cannot match without: the matcher indexes each pattern by one of them
 * (matcher.ts), so a sentence only tries the patterns whose required words it contains.
 * Conservative: tag-only or optional terms add no requirement, so nothing that could match is skipped.
 */

/** One compromise term as returned by `nlp.parseMatch` (only the fields we read). */
export interface ParsedTerm {
  word?: string;
  fastOr?: Set<string>;
  choices?: ParsedTerm[][];
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  min?: number;
  [key: string]: unknown;
}

/** Word groups a pattern needs: each inner array lists alternatives, one of which must appear. */
export type RequiredGroups = string[][];

/** Derives required word groups from a parsed pattern; tag-only or optional terms add no constraint. */
export function requiredGroups(regs: ParsedTerm[]): RequiredGroups {
  const groups: RequiredGroups = [];
  for (const reg of regs) {
    const g = termGroup(reg);
    if (g) groups.push(g);
  }
  return groups;
}

function termGroup(reg: ParsedTerm): string[] | null {
  if (reg.optional || reg.negative || reg.fuzzy || reg.min === 0) return null;
  if (typeof reg.word === 'string' && reg.word) return [reg.word.toLowerCase()];
  if (reg.fastOr instanceof Set && reg.fastOr.size) return [...reg.fastOr].map((w) => String(w).toLowerCase());
  if (Array.isArray(reg.choices)) {
    const union: string[] = [];
    for (const choice of reg.choices) {
      const first = requiredGroups(choice)[0];
      if (!first) return null; // this alternative needs no particular word
      union.push(...first);
    }
    return union.length ? union : null;
  }
  return null;
}
