/**
 * The customer's explicit questions and requests: sentences ending in "?", and clauses opening with
 * "can you…", "please…", "I want/need…", "could I…". Rhetorical questions ("Are you kidding me?")
 * and openers that aren't requests ("Please note…") are left out.
 */
import type { Span } from './text';
import { NOT_AFTER_PLEASE, NOT_REQUESTS, REQUEST_OPENERS, RHETORICAL } from './listening-words';
import { contentStems, phraseRegex, stem, type Quote } from './listening-text';

export type AskKind = 'question' | 'request';

/** What kind of answer a question wants: a time, an amount, a place, a yes or no, or something else. */
export type AnswerType = 'time' | 'amount' | 'place' | 'how' | 'yes-no' | 'other';

export interface Ask extends Quote {
  kind: AskKind;
  answer: AnswerType;
  /** Stems of its topic words (what a reply that addresses it would mention). */
  topics: string[];
  /** A plea for help ("can you help me?"): answered by the reply itself. */
  help: boolean;
  /**
   * It asks for something to be done or allowed: a request, or a "can you…?", "could I…?" question.
   * A reply that names nothing of it has not answered it, whatever else it says.
   */
  action: boolean;
  /** For "can you…?" and "please…": the verb and the words it acts on, as stems; a reply that answers it picks up one of them. */
  focus?: string[];
  /** The verb a yes/no question turns on ("Can I *keep* the old one?"), as a stem: a reply that answers it uses it or says yes or no. */
  verb?: string;
}

const RHETORICAL_RE = phraseRegex(RHETORICAL, 'u');
const NOT_REQUEST_RE = new RegExp(`^(?:${NOT_REQUESTS.join('|')})`, 'u');
// A request opener at the start of a clause: sentence start, or after a comma, "and", "but", "so", "also".
const OPENER_RE = new RegExp(`(?:^|[,;:]\\s*|(?<![\\p{L}])(?:and|but|so|also|then|or)\\s+)(?:(?:so|and|also|ok|okay|now)\\s+)?(${REQUEST_OPENERS.join('|')})(?![\\p{L}])`, 'gu');
const PLEASE_RE = new RegExp(`^(?:please|pls|plz|kindly) (?:${NOT_AFTER_PLEASE.join('|')})(?![\\p{L}])`, 'u');
// ", did you?", ", right?": a tag on a statement, not a question.
const TAG_RE = /,\s*(?:(?:did|do|does|are|is|have|has|would|will|can|isn't|aren't|don't|didn't|won't|wouldn't)(?:n't)? (?:you|it|they|we|he|she|i)|right|ok|okay|yeah|no)\s*\?+["')\]]*\s*$/u;
const SECOND_QUESTION = /,?\s+(?:and|also|plus)\s+(?=(?:is|are|do|does|can|could|will|would|should|how|when|where|what|why|which)\s)/u;
const VERB_RE = /^(?:can|could|may|should|shall|will|would|do) (?:i|we) (?:still |just |also |please )?([\p{L}]+)/u;
const HELP_RE = /(?<![\p{L}])(?:help|assist|assistance|support)(?![\p{L}])/u;
// "Can you change…?", "Could I get…?", "Is it possible to…?" ask for an action; "Will I be charged…?" asks for a fact.
// "Can I just confirm…?" and "can I check…?" ask for a fact too.
const ACTION_RE = /^(?:(?:can|could|may) (?:i|we)(?: just| please)?|(?:can|could|would|will) (?:you|u|someone|anyone|somebody)(?: please)?|is it possible to) (?!(?:just |please )?(?:be|confirm|check|ask|clarify|know|see|say)\b)/u;
// "Could you send me a VAT invoice…?": what they want done (the verb) and to what (the next two topic words).
const FOCUS_RE = /^(?:(?:can|could|would|will) (?:you|u|someone|anyone|somebody)|please|pls|plz|kindly)(?: please| just)? ([\p{L}]+)(.*)$/u;
const CLAUSE_END = /[,;:]\s+(?=(?:and |but |so |also |then )?(?:i|we|you|it|this|that|the|my)\b)/u;

/** Questions and requests in the message, in order. */
export function findAsks(message: string, lower: string, sentences: Span[]): Ask[] {
  const out: Ask[] = [];
  for (const s of sentences) {
    const text = lower.slice(s.start, s.end);
    const core = text.replace(/^(?:(?:hi|hello|hey|so|and|but|also|ok|okay|um|well|guys)[\s,]+)+/u, '');
    const words = core.match(/[\p{L}\p{N}']+/gu) ?? [];
    if (/\?["')\]]*\s*$/.test(text)) {
      if (words.length < 4 || RHETORICAL_RE.test(core) || TAG_RE.test(core)) continue;
      // "Do I need the box, and is shipping free?" is two questions.
      const split = SECOND_QUESTION.exec(text);
      if (split && split.index > 10) {
        const cut = s.start + split.index;
        out.push(make(message, s.start, trimEnd(lower, s.start, cut), 'question', lower.slice(s.start, cut)));
        const from = cut + split[0].length;
        out.push(make(message, from, s.end, 'question', lower.slice(from, s.end)));
      } else out.push(make(message, s.end - core.length, s.end, 'question', core));
      continue;
    }
    for (const m of text.matchAll(OPENER_RE)) {
      const from = s.start + m.index! + m[0].length - m[1].length;
      const rest = lower.slice(from, s.end);
      if (NOT_REQUEST_RE.test(rest) || PLEASE_RE.test(rest)) continue;
      const cut = rest.search(CLAUSE_END);
      const end = trimEnd(lower, from, cut > 0 ? from + cut : s.end);
      if ((lower.slice(from, end).match(/[\p{L}\p{N}']+/gu) ?? []).length < 3) continue;
      out.push(make(message, from, end, 'request', lower.slice(from, end)));
      break; // one request per sentence: "please refund me, and please hurry" is one thing to answer
    }
  }
  return out;
}

function make(message: string, start: number, end: number, kind: AskKind, lower: string): Ask {
  const topics = contentStems(lower).filter((t) => !/^\d+$/.test(t));
  const verb = VERB_RE.exec(lower)?.[1];
  const action = kind === 'request' || ACTION_RE.test(lower);
  const ask: Ask = { kind, start, end, text: message.slice(start, end), answer: answerType(lower), topics, help: HELP_RE.test(lower), action };
  if (verb && topics.includes(stem(verb))) ask.verb = stem(verb);
  const focus = action ? FOCUS_RE.exec(lower) : null;
  if (focus) ask.focus = [stem(focus[1]), ...contentStems(focus[2]).filter((t) => !/^\d+$/.test(t)).slice(0, 2)];
  return ask;
}

function answerType(q: string): AnswerType {
  if (/\b(?:by|before|until|in time for) (?:tomorrow|tonight|the weekend|the end|end of|next|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the \d)/u.test(q)) return 'time';
  if (/^(?:when|how long|how soon|what time|by when|what date)\b/u.test(q) || /\b(?:when|how long)\b.*\b(?:arrive|ship|deliver|get|hear|be)\b/u.test(q)) return 'time';
  if (/\bwhen (?:will|is|are|can|could|do|does|did|would|should|might)\b/u.test(q)) return 'time'; // not "…when I shop?"
  if (/^how (?:do|can|should|would) (?:i|we)\b|^how to\b|^is there a way\b/u.test(q)) return 'how';
  if (/^how much\b|\bhow much (?:is|will|does|do|would)\b/u.test(q)) return 'amount';
  if (/^where\b/u.test(q)) return 'place';
  // "Can I confirm the sale price still applies?" wants a yes, not an amount.
  if (/^(?:can|could|may|will|would|is|are|am|do|does|did|should|shall|has|have)\b/u.test(q)) return 'yes-no';
  if (/\bcost\b|\bprice\b/u.test(q)) return 'amount';
  return 'other';
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from && /[\s.,;:!]/.test(text[end - 1])) end--;
  return end;
}
