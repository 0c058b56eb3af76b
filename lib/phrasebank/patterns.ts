/**
 * Checks one compromise match pattern and explains, in plain words, what is wrong with it.
 */
import { knownTags, parseMatch } from './match-syntax';
import { MAX_VARIANTS, variantsOverLimit } from './expand';

let tags: Set<string> | null = null;
const MAX_WILDCARDS = 3;
const MAX_UNBOUNDED = 1;

/** Returns null when the pattern is usable, else a message saying what is wrong and how to fix it. */
export function checkPattern(pattern: string): string | null {
  if (typeof pattern !== 'string' || !pattern.trim()) return 'is empty; write the words to look for, e.g. "calm down".';
  const balance = unbalanced(pattern);
  if (balance) return balance;
  let parsed: Array<Record<string, unknown>>;
  try {
    parsed = parseMatch(pattern);
  } catch (e) {
    return `could not be read (${(e as Error).message}); check the compromise match syntax.`;
  }
  if (!parsed.length) return `"${pattern}" has no words compromise can match; write at least one word or #Tag.`;
  tags ??= knownTags();
  let required = 0;
  for (const reg of flatten(parsed)) {
    if (typeof reg.word === 'string' && /[()[\]{}|<>]/.test(reg.word)) {
      if (nested(pattern)) return `"${pattern}" puts a (…|…) group inside another one, which compromise cannot read (it would never match); list the variants as separate match patterns instead.`;
      return `"${pattern}" has a stray bracket or bar near "${reg.word}"; use (a|b) for choices and [a]? for optional words.`;
    }
    if (typeof reg.tag === 'string' && tags.size && !tags.has(reg.tag)) {
      return `"${pattern}" uses the unknown tag #${reg.tag}; tags are capitalised, e.g. #Noun, #Verb, #Pronoun, #Adverb.`;
    }
    if (!reg.optional && !reg.negative && reg.min !== 0 && !reg.anything && !reg.start && !reg.end) required++;
    else if ((reg.start || reg.end) && (reg.word || reg.tag || reg.fastOr || reg.choices)) required++;
  }
  const variants = variantsOverLimit(pattern);
  if (variants !== null) {
    return `"${pattern}" has so many choices of several words that it would need ${variants}+ simple patterns (at most ${MAX_VARIANTS}); compromise would then miss parts of it without a word. Split it into several match patterns, or use one-word choices.`;
  }
  if (required === 0) return `"${pattern}" would match any sentence because every part is optional; make at least one word required.`;
  // Each wildcard multiplies the ways a long sentence can match; a pattern with eight of them took
  // minutes on one long sentence, and analysis runs one draft at a time.
  const wildcards = parsed.filter((reg) => reg.anything);
  const unbounded = wildcards.filter((reg) => reg.greedy && reg.max === undefined);
  if (wildcards.length > MAX_WILDCARDS || unbounded.length > MAX_UNBOUNDED) {
    return `"${pattern}" has ${wildcards.length} wildcards (${unbounded.length} without a limit); at most ${MAX_WILDCARDS}, and at most ${MAX_UNBOUNDED} like ".+" or "*", keep matching fast. Name the words instead, or bound a gap with .{0,3}.`;
  }
  return null;
}

function flatten(regs: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const reg of regs) {
    out.push(reg);
    if (Array.isArray(reg.choices)) for (const c of reg.choices as Array<Array<Record<string, unknown>>>) out.push(...flatten(c).map((r) => ({ ...r, optional: true })));
  }
  return out;
}

function nested(pattern: string): boolean {
  let depth = 0;
  for (const c of pattern) {
    if (c === '(') {
      depth++;
      if (depth > 1) return true;
    } else if (c === ')') depth--;
  }
  return false;
}

function unbalanced(pattern: string): string | null {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const c of pattern) {
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return `"${pattern}" has a "${c}" without its opening "${pairs[c]}"; check the brackets.`;
    }
  }
  if (stack.length) return `"${pattern}" opens "${stack[stack.length - 1]}" but never closes it; add the matching closing bracket.`;
  return null;
}
