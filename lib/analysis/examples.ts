/**
 * Runs every entry's examples through the real analyser, and finds pattern alternatives that
 * no flag example exercises (untested words in a rule).
 */
import type { CompiledPhrasebank, RuleEntry, SignalEntry } from '../phrasebank/types';
import type { Finding } from './types';
import { analyze } from './index';
import { topLevelParenGroups } from '../phrasebank/expand';
import { matchAll, parse, parseMatch } from './nlp';
import { normaliseForMatching, splitSentences } from './text';
import { expandPattern } from '../phrasebank/expand';

/** The outcome of one example. */
export interface ExampleResult {
  ruleId: string;
  kind: 'flag' | 'pass';
  text: string;
  ok: boolean;
  /** Why it failed, in words a phrasebank author can act on. */
  detail?: string;
}

/** Checks every flag example is caught by its entry and every pass example is not. */
export function runExamples(pb: CompiledPhrasebank): ExampleResult[] {
  const results: ExampleResult[] = [];
  const check = (entry: RuleEntry | SignalEntry, isSignal: boolean) => {
    const what = isSignal ? 'signal' : 'finding';
    for (const kind of ['flag', 'pass'] as const) {
      entry.examples[kind].forEach((text, i) => {
        const report = analyze(text, pb, undefined, { keepOverlapping: true, model: null });
        const hits = isSignal ? report.signals.filter((s) => s.ruleId === entry.ruleId) : report.findings.filter((f) => f.ruleId === entry.ruleId);
        const span = kind === 'flag' ? entry.examples.flagSpans?.[i] : null;
        const exact = !span || hits.some((h) => h.start === span[0] && h.end === span[1]);
        const expected = kind === 'flag' && !isSignal ? entry.examples.flagResults?.[i] : null;
        const fixes = (hits[0] as Finding | undefined)?.fixes;
        const applied = expected != null && fixes?.length ? text.slice(0, fixes[0].start) + fixes[0].text + text.slice(fixes[0].end) : null;
        const fits = expected == null || applied === expected;
        const ok = kind === 'flag' ? hits.length > 0 && exact && fits : hits.length === 0;
        const result: ExampleResult = { ruleId: entry.ruleId, kind, text, ok };
        if (hits.length && exact && !fits) {
          result.detail = applied === null
            ? `expected applying the first suggestion to give "${expected}", but no suggestion could be offered here (each names something this example does not mention, or has a slot it cannot fill).`
            : `expected applying the first suggestion to give "${expected}" but it gave "${applied}"; change the suggestion or the expected result after "->".`;
        } else if (hits.length && !exact) {
          result.detail = `expected the ${what} from ${entry.ruleId} to cover exactly "${text.slice(span![0], span![1])}" but it covered "${hits[0].text}"; adjust "match" or the [ ] in the example.`;
        } else if (!ok) {
          result.detail =
            kind === 'flag'
              ? `expected a ${what} from ${entry.ruleId} but got none; check that "match" (${entry.match.map((m) => JSON.stringify(m)).join(', ')}) covers this wording and that "unless" does not exclude it.`
              : `expected no ${what} from ${entry.ruleId} but it matched "${hits[0].text}"; narrow "match" or add an "unless" pattern for this harmless use.`;
        }
        results.push(result);
      });
    }
  };
  pb.rules.forEach((r) => check(r, false));
  pb.signals.forEach((s) => check(s, true));
  return results;
}

/** A match alternative that no flag example uses. */
export interface UncoveredAlternative {
  ruleId: string;
  alternative: string;
}

/** Lists `match` list items and top-level `(a|b|c)` choices that no flag example exercises. */
export function uncoveredAlternatives(pb: CompiledPhrasebank): UncoveredAlternative[] {
  const out: UncoveredAlternative[] = [];
  for (const entry of [...pb.rules, ...pb.signals]) {
    const docs = entry.examples.flag.flatMap((t) => splitSentences(normaliseForMatching(t)).map((s) => parse(s.text)));
    const matches = (pattern: string) =>
      expandPattern(pattern).some((variant) => {
        const parsed = parseMatch(variant);
        return parsed.length > 0 && docs.some((d) => matchAll(d, parsed).length > 0);
      });
    for (const pattern of entry.match) {
      if (!matches(pattern)) {
        if (entry.match.length > 1) out.push({ ruleId: entry.ruleId, alternative: pattern });
        continue;
      }
      for (const group of topLevelGroups(pattern)) {
        for (const alt of group.alternatives) {
          const variant = pattern.slice(0, group.start) + `(${alt})` + pattern.slice(group.end);
          if (!matches(variant)) out.push({ ruleId: entry.ruleId, alternative: alt });
        }
      }
    }
  }
  return out;
}

interface Group {
  start: number;
  end: number;
  alternatives: string[];
}

/** `(a|b|c)` groups not inside another bracket, with their alternatives. */
export function topLevelGroups(pattern: string): Group[] {
  return topLevelParenGroups(pattern)
    .filter(({ inner }) => !/[()]/.test(inner))
    .map(({ start, end, inner }) => ({ start, end, alternatives: inner.split('|').map((a) => a.trim()).filter(Boolean) }))
    .filter((g) => g.alternatives.length > 1);
}
