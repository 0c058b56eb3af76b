/**
 * Rewrites a phrasebank pattern into simpler equivalent patterns that compromise matches reliably:
 * - top-level choices with multi-word alternatives, "(you are|you're) not", become one pattern per
 *   alternative (compromise fails on some of these depending on order, or after `.+`);
 * - unambiguous contractions become their long form ("can't" → "can not"), which compromise matches
 *   against both the contracted and the long text.
 */

/** More variants than this and the phrasebank check asks the author to split the pattern (patterns.ts). */
export const MAX_VARIANTS = 128;

const LONG_FORMS: Array<[RegExp, string]> = [
  [/\bcan't\b/gi, 'can not'],
  [/\bwon't\b/gi, 'will not'],
  [/\bshan't\b/gi, 'shall not'],
  [/\b(\w+)n't\b/gi, '$1 not'],
  [/\b(\w+)'re\b/gi, '$1 are'],
  [/\bi'm\b/gi, 'i am'],
  [/\b(\w+)'ll\b/gi, '$1 will'],
  [/\b(\w+)'ve\b/gi, '$1 have'],
];

/**
 * Long forms for unambiguous contractions outside brackets (inside a choice a long form would
 * become a multi-word alternative, which is what we are avoiding).
 */
export function expandContractions(pattern: string): string {
  const source = pattern.replace(/[\u2019\u2018]/g, "'");
  let out = '';
  let depth = 0;
  let plain = '';
  const flush = () => {
    for (const [re, long] of LONG_FORMS) plain = plain.replace(re, long);
    out += plain;
    plain = '';
  };
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) flush();
      depth++;
      out += c;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      out += c;
    } else if (depth === 0) plain += c;
    else out += c;
  }
  flush();
  return out;
}

/** The equivalent simple patterns for one phrasebank pattern. */
export function expandPattern(pattern: string): string[] {
  return expansion(pattern).variants ?? [expandContractions(pattern)];
}

/**
 * How many simple patterns `pattern` would need, when that is more than MAX_VARIANTS: compromise
 * would then get the pattern as written, multi-word choices and all, and silently miss some of it.
 */
export function variantsOverLimit(pattern: string): number | null {
  const { over } = expansion(pattern);
  return over ?? null;
}

function expansion(pattern: string): { variants?: string[]; over?: number } {
  const source = expandContractions(pattern);
  let variants = [source];
  for (;;) {
    const next: string[] = [];
    let changed = false;
    for (const v of variants) {
      const group = firstMultiWordGroup(v);
      if (!group) {
        next.push(v);
        continue;
      }
      changed = true;
      for (const alt of group.alternatives) next.push(collapse(v.slice(0, group.start) + alt + v.slice(group.end)));
    }
    if (!changed) return { variants: [...new Set(variants)] };
    if (next.length > MAX_VARIANTS) return { over: next.length };
    variants = next;
  }
}

interface Group {
  start: number;
  end: number;
  alternatives: string[];
}

/** Every `( … )` group that is not inside another bracket, with its inner text (shared by the rule tools). */
export function topLevelParenGroups(pattern: string): { start: number; end: number; inner: string }[] {
  const groups: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '(' || c === '[' || c === '{') {
      if (depth === 0 && c === '(') open = i;
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0 && c === ')' && open >= 0) {
        groups.push({ start: open, end: i + 1, inner: pattern.slice(open + 1, i) });
        open = -1;
      }
    }
  }
  return groups;
}

/** The first top-level `( … | … )` group with an alternative of several words (or an optional one). */
function firstMultiWordGroup(pattern: string): Group | null {
  for (const { start, end, inner } of topLevelParenGroups(pattern)) {
    if (/[()[\]{}]/.test(inner)) continue;
    const alternatives = inner.split('|').map((s) => s.trim());
    // A suffix such as ? + * {n} applies to the whole group: only "?" is simple to expand.
    const suffix = pattern[end];
    const multiWord = alternatives.length > 1 && alternatives.some((a) => /\s/.test(a));
    if (multiWord && alternatives.every(Boolean) && (suffix === undefined || suffix === ' ' || suffix === '?')) {
      const optional = suffix === '?';
      return { start, end: end + (optional ? 1 : 0), alternatives: optional ? [...alternatives, ''] : alternatives };
    }
  }
  return null;
}

/** Spaces made one, and an anchor kept on its word when the optional group beside it became nothing. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/^\^ /, '^').replace(/ \$$/, '$');
}
