/**
 * Coaching on what the reply leaves unheard, read against what the customer said (listening.ts):
 * a question or request it doesn't address, nothing concrete of theirs reflected back, only "sorry"
 * where thanking them for their patience fits, and, when their message is unclear, an invitation to
 * ask how best to help. Silent when the customer's message is unknown. Every item quotes their words.
 * Precision first: an agent switches off a tool that nags, so each check needs clear evidence.
 */
import type { Coaching, Signal } from './types';
import type { Ask, Heard, Particular } from './listening';
import { FINDING_OUT, FOLLOW_UP_OPENERS, HOW_ANSWER, WAITED, WAIT_ACKNOWLEDGED, THANKS_OR_PRAISE, TIME_ANSWER, WHEREABOUTS_ANSWER } from './listening-words';
import { PART_OF_THREAD, contentStems, lowerSameLength, overlapWeight, phraseRegex, picksUp, replyKeys, topicKeys } from './listening-text';
import { reportedQuestion } from './reported';

const FINDING_OUT_RE = phraseRegex(FINDING_OUT, 'u');
const TIME_RE = phraseRegex(TIME_ANSWER, 'u');
const WHEREABOUTS_RE = phraseRegex(WHEREABOUTS_ANSWER, 'u');
const HOW_RE = phraseRegex(HOW_ANSWER, 'u');
const AMOUNT_RE = /[$£€¥]\s?\d|\d\s?(?:dollars|pounds|euros)|\bfree\b|\bno charge\b|\bcosts?\b/u;
const YES_NO_RE = /(?<![\p{L}])(?:yes|yep|no|nope|of course|absolutely|certainly|sure|unfortunately|you can|you can't|you cannot|you're able|you are able|you won't|you will|you don't need|you do not need|you'll need|you will need|that's fine|that is fine|happy to|i can|we can|i can't|we can't)(?![\p{L}])/u;
// Saying what is done or will be: "I've emailed it", "we'll move it", "done".
const COMMITS_RE = /(?<![\p{L}])(?:i've|i have|we've|we have|i'll|i will|we'll|we will|i'm|we're|done|no problem|has now|have now)(?![\p{L}])/u;
const THANKS_RE = phraseRegex(THANKS_OR_PRAISE, 'u');
const FOLLOW_UP_RE = new RegExp(`^(?:${FOLLOW_UP_OPENERS.join('|')})(?![\\p{L}])`, 'u');
const VAGUE_RE = /(?<![\p{L}])(?:not working|doesn't work|does not work|isn't working|won't work|stopped working|broken|issues?|problems?|trouble|something(?:'s| is) wrong|wrong|help|error|weird|strange|glitch\w*|bug)(?![\p{L}])/u;
const APOLOGY_RE = /(?<![\p{L}])(?:sorry|apologi[sz]e|apologies)(?![\p{L}])/u;
const TYPED = new Set(['time', 'amount', 'how']);
const WAITED_RE = phraseRegex(WAITED, 'u');
const WAIT_ACKNOWLEDGED_RE = phraseRegex(WAIT_ACKNOWLEDGED, 'u');
const CONCRETE = new Set(['order', 'ticket', 'product', 'amount']);
const THANK_RE = /(?<![\p{L}])(?:thank|thanks|grateful|appreciate)/u;

/**
 * A reflection of their situation says something back. The phrasebank's interpretations name it; the
 * model's, learned from many wordings, also fire on a generic "you've been left waiting", so one of
 * those counts only when it picks up a word of their message.
 */
function reflectsTheirWords(g: Signal, heard: Heard): boolean {
  if (g.mechanism !== 'interpretation') return false;
  return g.source !== 'model' || overlapWeight(contentStems(g.text), replyKeys(heard.message)) >= 1;
}

/** At most this many unanswered asks are listed: the first ones they wrote. */
const MAX_UNANSWERED = 2;

export function unheardCoaching(reply: string, heard: Heard | null, signals: Signal[]): Coaching[] {
  if (!heard) return [];
  const lower = lowerSameLength(reply.replace(/[\u2019\u2018]/g, "'"));
  // A link is an answer the reply points to (an article, a form): it counts as addressing, not as saying back.
  const pointsElsewhere = /https?:\/\/|www\./.test(lower);
  const keys = replyKeys(lower);
  const has = (m: string) => signals.some((s) => s.mechanism === m);
  const out: Coaching[] = [];

  const open = pointsElsewhere ? [] : unanswered(heard.asks, lower, keys, heard.particulars);
  // An ask answered in its own words already shows the reply picked up what they wrote: when the ask
  // names the thing itself ("can you check order 55-1290?"), or the reply takes up more than one of its
  // words ("swap it for a large" → "you can swap it for a large"). One word is not enough: answering
  // "can you replace them?" with "I've arranged a replacement" picks up a verb, not their headphones.
  const concreteIn = (a: Ask) => heard.particulars.some((p) => CONCRETE.has(p.kind) && p.start >= a.start && p.end <= a.end);
  const echoed = heard.asks.some((a) => !open.includes(a) && overlapWeight(a.topics, keys) >= (concreteIn(a) ? 1 : 2));
  for (const ask of open.slice(0, MAX_UNANSWERED)) out.push(unansweredItem(ask, heard));

  // Only where the reply is the answer: a reply asking for details first can't yet say them back.
  // Things they own or paid: the order, the ticket, the product, the amount (a date or a place is context, not the thing).
  const concrete = heard.particulars.filter((p) => CONCRETE.has(p.kind));
  // (A reply marked as one part of several, "2/2", may say it back in the other part.)
  const substantive = !pointsElsewhere && !FINDING_OUT_RE.test(lower) && !lower.includes('?') && !PART_OF_THREAD.test(lower);
  // Something is at stake for them: they ask (even a question too vague to name, "Can you check?"), feel, or chase.
  const stakes = heard.asks.length > 0 || heard.message.includes('?') || heard.feelings.length > 0 || heard.repeatContact.length > 0;
  if (concrete.length && stakes && substantive && !echoed && !signals.some((g) => reflectsTheirWords(g, heard)) && !concrete.some((p) => reflected(p, lower, keys))) {
    const p = concrete.find((x) => x.kind === 'order' || x.kind === 'product') ?? concrete[0];
    out.push({
      kind: 'nothing-reflected',
      severity: 'low',
      quote: { start: p.start, end: p.end, text: p.text },
      message: `They mentioned "${p.text}", and the draft names nothing from their message. Saying back one concrete thing they told you shows you read it, not just the ticket.`,
    });
  }

  // Waiting on you, or writing again, not a problem that persists ("still broken", "tried multiple times").
  const waited = heard.repeatContact.find((q) => WAITED_RE.test(heard.message.slice(q.start, q.end + 40).toLowerCase()));
  // A reply that already names the chasing or the wait has heard it; thanks would only be a formula on top.
  if (waited && APOLOGY_RE.test(lower) && !THANK_RE.test(lower) && !has('appreciation') && !WAIT_ACKNOWLEDGED_RE.test(lower)) {
    const q = waited;
    out.push({
      kind: 'thank-patience',
      severity: 'low',
      quote: { ...q },
      message: `They've been waiting ("${q.text}"). Thanking them for their patience, as well as saying sorry, recognises the effort they've put in.`,
    });
  }

  if (isUnclear(heard) && !has('exploration') && !lower.includes('?') && !FINDING_OUT_RE.test(lower)) {
    const text = heard.message.trim();
    const start = heard.message.indexOf(text);
    out.push({
      kind: 'ask-how-to-help',
      severity: 'low',
      quote: { start, end: start + text.length, text },
      message: 'Their message leaves it open what they need. Asking one question, such as what they were trying to do or how you can best help, avoids guessing.',
    });
  }
  return out;
}

/** The asks the reply does not address, in the order they were written. */
export function unanswered(asks: Ask[], reply: string, keys: ReadonlySet<string>, particulars: Particular[] = []): Ask[] {
  if (!asks.length) return [];
  // A reply that names the amount or date of the question ("it'll be $3" to "…and still only pay $3?") is answering it.
  const echoes = (a: Ask) => particulars.some((p) => p.start >= a.start && p.end <= a.end && (p.kind === 'amount' || p.kind === 'date') && reflected(p, reply, keys));
  // Among several questions, what sets one apart: "Will you send the charger? And will I be charged for shipping?"
  // share the charger and the sending, so only "charged" shows the second was answered. (A request beside
  // them, "I'd like to return the lamp", is what the questions are about: it keeps all its words.)
  const questions = asks.filter((a) => a.kind === 'question');
  const own = asks.map((a) => (a.kind === 'question' ? distinctTopics(a, questions.filter((q) => q !== a)) : a.topics));
  // A question that wants a time, an amount, a whereabouts or steps is answered by one, not by a mention of its topic.
  // "Can I keep the old one?" turns on "keep": a reply about the old one that never says keep (or yes, or no) hasn't answered.
  // Any shared topic word counts (real answers rarely repeat the question), except that the verb of "can I…?" must be there.
  // "Could you send me a VAT invoice for March?" is not answered by a reply about March: it names the sending or the invoice.
  // The verb may come in other words of its group ("send" by "posted"); the thing must be named (a payment is not an invoice).
  // Naming the thing is not enough on its own ("Our members get…" to "Can you pause my membership?"): the reply
  // also says it is done, will be, or can't be.
  const verbThere = (a: Ask) => (!a.verb || picksUp(a.verb, keys)) && (!a.focus || picksUp(a.focus[0], keys) || (a.focus.slice(1).some((t) => keys.has(t)) && (COMMITS_RE.test(reply) || YES_NO_RE.test(reply))));
  // Something to be done is picked up by more than a generic word ("order").
  const byTopic = (a: Ask, i: number) => overlapWeight(own[i], keys) >= (a.action ? 1 : 0.5) && verbThere(a);
  const addressed = asks.map((a, i) => !a.topics.length || echoes(a) || (!TYPED.has(a.answer) && byTopic(a, i)) || answers(a, own[i], reply, asks.length, keys));
  // A reply that answers nothing by topic but is finding out (looking into it, asking for details,
  // asking them a question back) answers them all, for now: the answer comes in the next message.
  if (FINDING_OUT_RE.test(reply) && !addressed.some(Boolean)) return [];
  // A question back ("Does the bill say Final Bill?") is the reply engaging: the answer comes next.
  // A reply marked as one part of several ("1/2", "2/2") may answer in its other part.
  if (reply.includes('?') || PART_OF_THREAD.test(reply)) return [];
  // Clear evidence only. Read against real brand replies, a yes/no or open question that no ask
  // around it was answered for was nearly always answered in other words ("it's a person typing this" to
  // "Is this automated?"), so it is named only when the reply answered something else they asked, or
  // when a "when", "how much" or "how do I" got no time, amount or steps at all. Two more shapes are
  // named on their own: they asked for something to be done ("Please cancel my plan", "Can I swap it?")
  // or where something is, and the reply names nothing of it (a generic word such as "order" aside), or
  // never says the verb a "can I…?" turns on. ("Where is my money?" is answered by "I've refunded it",
  // not by a whereabouts, so a "where" that the reply picks up is left alone.)
  const answeredAny = addressed.some(Boolean);
  const ignored = (a: Ask) => overlapWeight(a.topics, keys) < 1;
  const ignoredAction = (a: Ask) => (a.action && (ignored(a) || !verbThere(a))) || (a.answer === 'place' && ignored(a));
  // A plea for help alone ("Can you help me?") is answered by the reply itself.
  return asks.filter((a, i) => !addressed[i] && !a.help && (answeredAny || TYPED.has(a.answer) || ignoredAction(a)));
}

/** The topics of `ask` that no other ask shares (by stem or synonym group); all of them when none is its own. */
function distinctTopics(ask: Ask, others: Ask[]): string[] {
  if (!others.length) return ask.topics;
  const taken = new Set(others.flatMap((o) => o.topics.flatMap((t) => [t, ...topicKeys(t)])));
  const own = ask.topics.filter((t) => !taken.has(t) && !topicKeys(t).some((k) => taken.has(k)));
  return own.length ? own : ask.topics;
}

/** An answer of the kind the question wants: a time for "when", an amount for "how much", a yes or no. */
function answers(ask: Ask, own: string[], reply: string, asks: number, keys: ReadonlySet<string>): boolean {
  switch (ask.answer) {
    case 'time': return TIME_RE.test(reply);
    case 'amount': return AMOUNT_RE.test(reply);
    case 'place': return WHEREABOUTS_RE.test(reply);
    case 'how': return HOW_RE.test(reply);
    // "Yes" answers a lone question; among several, it must also touch the topic.
    case 'yes-no': return YES_NO_RE.test(reply) && (asks === 1 || overlapWeight(own, keys) >= 0.5);
    default: return false;
  }
}

function unansweredItem(ask: Ask, heard: Heard): Coaching {
  const reported = ask.kind === 'question' ? reportedQuestion(ask.text) : null;
  const what = reported ? `They asked ${reported}` : `They asked: "${ask.text.trim()}"`;
  const tail = ask.kind === 'question'
    ? "An answer, or when they'll have one, saves them writing again."
    : "Saying what you'll do about it, or why you can't, saves them asking again.";
  return {
    kind: 'unanswered-question',
    severity: heard.repeatContact.length ? 'high' : 'medium',
    quote: { start: ask.start, end: ask.end, text: ask.text },
    message: `${what}; the draft doesn't say. ${tail}`,
  };
}

/** A particular shows in the reply: its digits (an order number) or its words (a product, a place). */
function reflected(p: Particular, reply: string, keys: ReadonlySet<string>): boolean {
  const digits = p.text.replace(/\D+/g, '');
  if (digits.length >= 3 && reply.replace(/\D+/g, ' ').split(' ').includes(digits)) return true;
  if (reply.includes(p.text.toLowerCase())) return true; // "$3", "HX4492"
  const topics = contentStems(p.text).filter((t) => !/^\d+$/.test(t));
  return topics.length > 0 && overlapWeight(topics, keys) >= 0.5;
}

/** A short message with no question, no particulars and no strong feeling, that says only that something is wrong. */
function isUnclear(heard: Heard): boolean {
  if (heard.asks.length || heard.particulars.length || heard.repeatContact.length || heard.intensity.level >= 2) return false;
  if (heard.words > 15 || heard.words < 2) return false;
  // @handles are already blanked in what was heard; a follow-up ("Yes, same error.") has its context upthread.
  const lower = lowerSameLength(heard.message).replace(/@[\p{L}\p{N}_]+/gu, '').trim();
  if (FOLLOW_UP_RE.test(lower)) return false;
  return VAGUE_RE.test(lower) && !THANKS_RE.test(lower) && contentStems(lower).length <= 5;
}
