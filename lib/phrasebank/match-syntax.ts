/**
 * compromise's match syntax as the phrasebank needs it to validate patterns: parsing a pattern and
 * the tags compromise knows. The engine (lib/analysis/nlp.ts) re-uses these, so the arrow points
 * one way: lib/analysis imports lib/phrasebank, never the reverse.
 */
import compromise from './compromise';

/** A parsed pattern (opaque to callers). */
export type ParsedPattern = Array<Record<string, unknown>>;

/* eslint-disable @typescript-eslint/no-explicit-any */
/** compromise, evaluated on first use in the shipped builds (see compromise.ts). */
const api = () => compromise() as any;

/** Parses a compromise match pattern. */
export function parseMatch(pattern: string): ParsedPattern {
  return api().parseMatch(pattern) as ParsedPattern;
}

/** Tags compromise knows (to reject `#Typo` in patterns). */
export function knownTags(): Set<string> {
  return new Set(Object.keys(api().world().model.one.tagSet ?? {}));
}
/* eslint-enable @typescript-eslint/no-explicit-any */
