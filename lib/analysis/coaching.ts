/**
 * Whole-reply coaching: gentle nudges that no single phrase can trigger
 * (an emotion left unacknowledged, a refusal with no way forward, "we" with no "I").
 */
import type { Coaching, Finding, Signal } from './types';
import { parse } from './nlp';
import { normaliseForMatching, splitSentences } from './text';
import type { Heard } from './listening';
import { unheardCoaching } from './unheard';

/** What the customer's message sounds like, when it carries a strong feeling. */
export type Emotion = 'frustrated' | 'angry' | 'worried' | 'upset';

// Small lexicon of roots/forms; compromise supplies negation and contraction handling.
const LEXICON: Record<string, Exclude<Emotion, 'upset'>> = {};
const add = (emotion: Exclude<Emotion, 'upset'>, words: string) => words.split(' ').forEach((w) => (LEXICON[w] = emotion));
add('frustrated', 'frustrated frustrating frustration frustrates annoyed annoying annoys irritated irritating ridiculous unacceptable useless hopeless pointless disappointed disappointing disappointment fed sick tired nightmare joke waste wasted wasting again still forever ages hassle');
add('angry', 'angry furious livid outraged outrageous mad hate hated pissed terrible awful worst disgusted disgusting disgraceful appalling appalled scam ripoff rip-off incompetent rude shocking shocked');
add('worried', 'worried worry worrying worries anxious anxiety nervous scared afraid frightened concerned concern panic panicking stressed stress stressful urgent urgently desperate desperately upset helpless confused lost');
// Weak words count only next to another cue, so "I still have a question" is not an emotion.
const WEAK = new Set(['again', 'still', 'forever', 'ages', 'lost', 'concern', 'stress', 'sick', 'tired', 'fed', 'waste', 'joke', 'confused']);
/** The feeling lexicon, shared with listening.ts (which quotes the words). */
export const FEELING_WORDS: Readonly<Record<string, Exclude<Emotion, 'upset'>>> = LEXICON;
export const WEAK_FEELING_WORDS: ReadonlySet<string> = WEAK;
const POSITIVE_WHEN_NEGATED = new Set(['happy', 'pleased', 'satisfied', 'impressed', 'good', 'ok', 'okay', 'acceptable', 'fair']);
const NEGATORS = new Set(['not', 'no', 'never', "isn't", "wasn't", 'hardly']);

// Phrases that carry the feeling on their own (checked on the lower-cased message).
const PHRASES: Array<[RegExp, Exclude<Emotion, 'upset'>]> = [
  [/\b(fed up|sick of|tired of|had enough|runaround|run around|waste of (my )?time|still waiting|still not (working|fixed|resolved|here|arrived)|again and again|(\d+|three|four|five|several|many) times (now|already|in)|no one (has )?(helped|responded|replied|answered)|nobody (helps|helped|responds|replied|answered)|unbelievable|pathetic|joke of a|beyond (frustrated|annoyed))\b/, 'frustrated'],
  [/\b(ripped off|rip off|stealing|stole|robbed|scammed|bs answers?|bull ?shit|wtf|shame on you|never again|worst (service|company|experience)|how dare)\b/, 'angry'],
  [/\b(is it safe|am i going to lose|will i lose|lost all|can't afford|cannot afford|need help urgently|panicking)\b/, 'worried'],
];

/** Detects frustration, anger or worry in the customer's message (null when calm). */
export function detectEmotion(customer: string | undefined): Emotion | null {
  if (!customer || customer.trim().length < 3) return null;
  const doc = parse(customer.replace(/[\u2019\u2018]/g, "'"));
  const score: Record<Exclude<Emotion, 'upset'>, number> = { frustrated: 0, angry: 0, worried: 0 };
  let weak = 0;
  const lower = customer.toLowerCase().replace(/[\u2019\u2018]/g, "'");
  for (const [re, emotion] of PHRASES) if (re.test(lower)) score[emotion] += 1;
  for (const sentence of doc.sentences) {
    sentence.forEach((term, i) => {
      const word = (term.implicit || term.normal || '').toLowerCase();
      const negated = sentence.slice(Math.max(0, i - 3), i).some((t) => NEGATORS.has((t.implicit || t.normal || '').toLowerCase()) || t.tags.has('Negative'));
      if (POSITIVE_WHEN_NEGATED.has(word) && negated) score.frustrated += 1;
      const emotion = LEXICON[word];
      if (!emotion || negated) return;
      if (WEAK.has(word)) weak += 1;
      else score[emotion] += 1;
    });
  }
  const shouted = (customer.match(/\b[A-Z]{3,}\b/g) ?? []).filter((w) => !/^(API|URL|PDF|CSV|USB|VPN|SMS|FAQ|CEO|USA|EUR|USD|GBP|ETA|ASAP|HTTP|HTTPS|SSL|DNS|IOS|APP)$/.test(w)).length;
  if (shouted >= 2 || /!{2,}|\?!|!\?/.test(customer)) score.angry += 1;
  const total = score.frustrated + score.angry + score.worried;
  if (total === 0) return weak >= 2 ? 'frustrated' : null; // "still broken, again" adds up
  if (score.angry >= score.frustrated && score.angry >= score.worried && score.angry > 0) return 'angry';
  if (score.worried > score.frustrated) return 'worried';
  return score.frustrated > 0 ? 'frustrated' : score.worried > 0 ? 'worried' : null;
}

const EMOTION_EXAMPLE: Record<Emotion, string> = {
  frustrated: 'I can see why this has been so frustrating',
  angry: 'I understand why you are upset, and you have every right to be',
  worried: 'I can hear this has been worrying, so let me set your mind at rest',
  upset: 'That sounds like a rough few days, and I want to put it right',
};

/**
 * The customer's feeling: the lexicon names which one when it can; the trained model's customer
 * head notices feelings said in words no lexicon lists ("I've got a wedding on Saturday and
 * nothing to wear") and reports a general 'upset'.
 */
export function customerEmotion(customer: string | undefined, feels: ((sentence: string) => boolean) | null): Emotion | null {
  const named = detectEmotion(customer);
  if (named || !customer || !feels) return named;
  return splitSentences(normaliseForMatching(customer)).some((s) => feels(s.text)) ? 'upset' : null;
}

const SEVERITY_BY_LEVEL = ['low', 'low', 'medium', 'high'] as const;

/**
 * Which of their words carry the feeling (the strongest feeling word, else what they said about
 * writing again), and how much it matters: rising with how strongly it is put and with repeat contact.
 */
function feelingEvidence(heard: Heard): Pick<Coaching, 'quote' | 'severity'> {
  const level = Math.min(3, heard.intensity.level + (heard.repeatContact.length ? 1 : 0));
  const angry = heard.feelings.find((f) => f.emotion === 'angry');
  const q = angry ?? heard.feelings[0] ?? heard.repeatContact[0] ?? heard.intensity.cues[0];
  return { severity: SEVERITY_BY_LEVEL[level], ...(q ? { quote: { start: q.start, end: q.end, text: q.text } } : {}) };
}

const WE_WILL = /\b(we'll|we will|we're going to|we are going to|our team will|the team will|we shall)\b/i;
const I_WILL = /\b(i'll|i will|i'm going to|i am going to|let me|i've (asked|escalated|passed|sent|raised|opened|flagged)|i have (asked|escalated|passed|sent|raised|opened|flagged))\b/i;

/**
 * Builds the coaching items for a reply. `agentText` excludes quoted lines; `needsNextStep` lists the
 * categories marked `needs-next-step`; `acknowledged` is the model's lenient "a feeling was named somewhere".
 */
export function coachingFor(agentText: string, findings: Finding[], signals: Signal[], customerEmotion: Emotion | null, needsNextStep: ReadonlySet<string>, acknowledged = false, heard: Heard | null = null): Coaching[] {
  const words = agentText.match(/[\p{L}\p{N}']+/gu)?.length ?? 0;
  if (words < 8) return [];
  const has = (...mechanisms: string[]) => signals.some((s) => mechanisms.includes(s.mechanism));
  const out: Coaching[] = [];
  if (customerEmotion && !acknowledged && !has('emotional-reaction', 'interpretation')) {
    out.push({
      kind: 'unacknowledged-emotion',
      message: `The customer sounds ${customerEmotion}. Naming that before the fix, for example "${EMOTION_EXAMPLE[customerEmotion]}", helps them feel heard.`,
      ...(heard ? feelingEvidence(heard) : {}),
    });
  }
  out.push(...unheardCoaching(agentText, heard, signals));
  if (findings.some((f) => needsNextStep.has(f.category)) && !has('next-steps', 'choice')) {
    out.push({
      kind: 'no-next-step',
      message: 'This reply explains what can\'t be done. Adding what you can do, a choice, or the next step and when it happens gives the customer a way forward.',
    });
  }
  const normalised = agentText.replace(/[\u2019\u2018]/g, "'");
  // A second-order nudge, so never the only one: beside phrasing already flagged or another item above.
  // Alone it nagged replies that had done the work (named the feeling, fixed it, said when: "we'll reprint
  // the set today"), and a neutral question answered with instructions gets no coaching at all (R8).
  const stakes = findings.length > 0 || out.length > 0;
  if (stakes && WE_WILL.test(normalised) && !I_WILL.test(normalised) && !has('ownership')) {
    out.push({
      kind: 'we-not-i',
      message: 'You\'ve said what "we" will do. Saying "I\'ll…" for the part you are handling shows the customer that someone owns it.',
    });
  }
  return out;
}
