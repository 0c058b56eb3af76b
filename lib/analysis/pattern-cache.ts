/**
 * Compiled patterns by their text: the bundled phrasebank's come from patterns.generated.ts (compiled
 * at build time, so a cold start parses none of them and needs no compromise); any other (a team
 * pack's, or a bundled one edited since the last build) is compiled on first use and remembered.
 */
import { deserialise, fromParsed, parseAlternatives, type CompiledAlternative, type PrecompiledTable } from './pattern-compile';
import precompiled from './patterns.generated';

let parsedAhead: PrecompiledTable | undefined;
const compiled = new Map<string, CompiledAlternative[]>();

/** The compiled expansions of a pattern. Callers must not mutate them (they are shared). */
export function compiledPattern(pattern: string): CompiledAlternative[] {
  let alts = compiled.get(pattern);
  if (!alts) {
    parsedAhead ??= deserialise(precompiled);
    const ahead = Object.hasOwn(parsedAhead, pattern) ? parsedAhead[pattern] : undefined;
    alts = (ahead ?? parseAlternatives(pattern)).map(fromParsed);
    compiled.set(pattern, alts);
  }
  return alts;
}
