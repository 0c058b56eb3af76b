/**
 * Compiled patterns by their text: the bundled phrasebank's come from patterns.generated.ts (compiled
 * at build time, so a cold start parses none of them and needs no compromise); any other (a team
 * pack's, or a bundled one edited since the last build) is compiled on first use and remembered.
 * Both are decoded and compiled per pattern, when first asked for: building a matcher needs only each
 * pattern's required words (`patternGroups`, also generated), and a draft only the patterns it makes
 * candidates (decoding and compiling all ≈5,700 expansions was most of a service worker's first analysis).
 */
import { deserialiseGroups, fromParsed, groupsOf, lazyTable, parseAlternatives, type CompiledAlternative } from './pattern-compile';
import type { RequiredGroups } from './prefilter';
import type { ParsedPattern } from './nlp';
import precompiled, { groups as precompiledGroups } from './patterns.generated';

let parsedAhead: ReturnType<typeof lazyTable> | undefined;
let groupsAhead: Map<string, Array<RequiredGroups | null>> | undefined;
const compiled = new Map<string, CompiledAlternative[]>();

const parsed = new Map<string, ParsedPattern[]>();

/** The compiled expansions of a pattern. Callers must not mutate them (they are shared). */
export function compiledPattern(pattern: string): CompiledAlternative[] {
  let alts = compiled.get(pattern);
  if (!alts) {
    alts = parsedPattern(pattern).map(fromParsed);
    compiled.set(pattern, alts);
  }
  return alts;
}

/**
 * compromise's parse of each expansion (the same objects as `compiledPattern(pattern)[i].parsed`), without
 * compiling the fast form: compromise's net and the `unless` checks need only this, so a process (or the
 * CLI's start-up snapshot) that uses the tagger does not build ≈28,000 word sets it may never use.
 */
export function parsedPattern(pattern: string): ParsedPattern[] {
  let alts = parsed.get(pattern);
  if (!alts) {
    parsedAhead ??= lazyTable(precompiled);
    alts = parsedAhead(pattern) ?? parseAlternatives(pattern);
    parsed.set(pattern, alts);
  }
  return alts;
}

/**
 * Per expansion of a pattern: its required word groups (what `compiledPattern(pattern)[i].groups` is), or
 * null when it parses to nothing (shared: not to be mutated). A bundled pattern's come from the generated index without decoding its
 * parse; any other pattern is compiled here (as building a matcher always did, so a bad one fails as early).
 */
export function patternGroups(pattern: string): Array<RequiredGroups | null> {
  groupsAhead ??= deserialiseGroups(precompiledGroups);
  return groupsAhead.get(pattern) ?? groupsOf(compiledPattern(pattern));
}
