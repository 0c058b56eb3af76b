/**
 * Hearing the customer: what their latest message says, with exact offsets, so coaching can quote
 * their own words and suggestions can fill slots ("{order}") from them. Pure, and memoised by text:
 * the customer's message changes once per message while the draft changes on every keystroke.
 * The word lists live in listening-words.ts; the feeling words are the coaching lexicon's.
 */
import { parse } from './nlp';
import { normaliseForMatching, splitSentences, type Span } from './text';
import { FEELING_WORDS, WEAK_FEELING_WORDS, type Emotion } from './coaching';
import { findAsks, type Ask } from './listening-asks';
import { findParticulars, findDeadlines, type Particular } from './listening-particulars';
import { INTENSIFIERS, NOT_SHOUTING, REPEAT_CONTACT } from './listening-words';
import { lowerSameLength, phraseRegex, type Quote } from './listening-text';

export type { Ask, AskKind } from './listening-asks';
export type { Particular, ParticularKind } from './listening-particulars';
export type { Quote } from './listening-text';

/** A feeling word in their message, and which feeling it names. */
export interface Feeling extends Quote {
  emotion: Exclude<Emotion, 'upset'>;
}

/** How strongly the feelings are put: none, mild (a feeling word), strong, intense. */
export type IntensityLevel = 0 | 1 | 2 | 3;

export interface Heard {
  /** The message as given (offsets index it). */
  message: string;
  /** Feeling words, in order. */
  feelings: Feeling[];
  /** 0 none · 1 mild · 2 strong · 3 intense; `cues` are the intensifiers, capitals and repeated punctuation that raised it. */
  intensity: { level: IntensityLevel; cues: Quote[] };
  /** Saying they have been here before ("third time", "still waiting", "nobody replied"). */
  repeatContact: Quote[];
  /** Each explicit question and request. */
  asks: Ask[];
  /** Dates and times that matter to them: "by Friday", "my flight on Saturday". */
  deadlines: Quote[];
  /** Concrete particulars: order and ticket numbers, products, amounts, dates, places, and the options they ask about. */
  particulars: Particular[];
  /** Words in the message (a short message with no question is unclear). */
  words: number;
}

const REPEAT_RE = phraseRegex(REPEAT_CONTACT);
const INTENSIFIER_SET = new Set(INTENSIFIERS);
const NOT_SHOUTING_SET = new Set(NOT_SHOUTING);
const NEGATORS = new Set(['not', 'no', 'never', "isn't", "wasn't", "aren't", "don't", "didn't", 'hardly', 'without']);

const memo = new Map<string, Heard>();
const MEMO_SIZE = 32;

/** What the customer said, read once per message (memoised by text). */
export function hearCustomer(message: string): Heard {
  const known = memo.get(message);
  if (known) return known;
  const heard = listen(message);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(message, heard);
  return heard;
}

function listen(message: string): Heard {
  // @handles, links and hashtags are addressing, not content ("@AskPlayStation" is no product): blanked, same length.
  const norm = normaliseForMatching(message).replace(/(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_]+|#\p{L}[\p{L}_]*(?![\p{N}_-])/gu, (m) => ' '.repeat(m.length));
  const lower = lowerSameLength(norm);
  const quote = (start: number, end: number): Quote => ({ start, end, text: message.slice(start, end) });
  const sentences: Span[] = splitSentences(norm);
  const words = [...lower.matchAll(/[\p{L}\p{N}][\p{L}\p{N}']*/gu)];

  const feelings: Feeling[] = [];
  const cues: Quote[] = [];
  words.forEach((m, i) => {
    const word = m[0];
    const emotion = FEELING_WORDS[word];
    if (!emotion || WEAK_FEELING_WORDS.has(word)) return;
    const before = words.slice(Math.max(0, i - 3), i).map((w) => w[0]);
    if (before.some((w) => NEGATORS.has(w))) return;
    feelings.push({ emotion, ...quote(m.index!, m.index! + word.length) });
    const prev = words[i - 1];
    if (prev && INTENSIFIER_SET.has(prev[0]) && prev.index! + prev[0].length + 2 >= m.index!) cues.push(quote(prev.index!, prev.index! + prev[0].length));
  });
  // Shouting: two or more all-capital words that aren't names or abbreviations.
  const shouted = [...norm.matchAll(/(?<![\p{L}\p{N}])[A-Z]{3,}(?![\p{L}\p{N}])/gu)].filter((m) => !NOT_SHOUTING_SET.has(m[0]));
  if (shouted.length >= 2) for (const m of shouted) cues.push(quote(m.index!, m.index! + m[0].length));
  for (const m of norm.matchAll(/[!?]{2,}/g)) cues.push(quote(m.index!, m.index! + m[0].length));

  const repeatContact = [...lower.matchAll(REPEAT_RE)].map((m) => quote(m.index!, m.index! + m[0].length));
  const doc = parse(norm);
  return {
    message,
    feelings,
    intensity: { level: levelOf(feelings, unique(cues), repeatContact), cues: unique(cues) },
    repeatContact,
    asks: findAsks(message, lower, sentences),
    deadlines: findDeadlines(message, lower),
    particulars: findParticulars(message, norm, lower, doc),
    words: words.length,
  };
}

/** Cues in order, each span once ("REALLY" is both an intensifier and shouting). */
function unique(quotes: Quote[]): Quote[] {
  const seen = new Set<number>();
  return quotes.sort((a, b) => a.start - b.start).filter((q) => !seen.has(q.start) && (seen.add(q.start), true));
}

/**
 * One feeling word is mild; a second, an intensifier, shouting or "!!" makes it strong; two such
 * cues, or anger with a cue, intense. Repeat contact alone is not a feeling, but it strengthens one.
 */
function levelOf(feelings: Feeling[], cues: Quote[], repeat: Quote[]): IntensityLevel {
  // No feeling word, but shouting or "!!" about writing again ("the THIRD time!!") is feeling put strongly.
  if (!feelings.length) return cues.length + (repeat.length ? 1 : 0) >= 2 ? 2 : cues.length >= 1 ? 1 : 0;
  const angry = feelings.some((f) => f.emotion === 'angry');
  const weight = feelings.length + cues.length + (repeat.length ? 1 : 0) + (angry ? 1 : 0);
  return weight >= 4 ? 3 : weight >= 2 ? 2 : 1;
}
