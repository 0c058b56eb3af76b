/**
 * Chat fillers around a clause: "@sam ok", "look," before it; ", sorry", " I'm afraid",
 * " tbh 🙄" after it. Rules anchored to the start or end of a sentence ("^you must$", "that's not
 * true$") failed whenever one was there, so the rule layer matches the sentence without them. The
 * core is a slice of the sentence, so offsets only shift by its start.
 */
const LEADING = /^(?:(?:@[\w.]+|ok(?:ay)?|look|listen|well|right|alright|um+|uh+|hmm+)(?:[\s,.:;!-]+|$))+/i;
const TRAILING = /(?:[\s,;:.!-]+(?:sorry|i'm afraid|im afraid|unfortunately|tbh|honestly|though|then|ok(?:ay)?|thanks|thx|ty|lol|mate|x+|:\)|:\(|\p{Extended_Pictographic}\uFE0F?))+[\s.!?\u2026]*$/iu;

/** [start, end) of the sentence without leading and trailing fillers (the whole sentence when nothing is left). */
export function coreSpan(sentence: string): [number, number] {
  const lead = sentence.match(LEADING)?.[0].length ?? 0;
  const rest = sentence.slice(lead);
  const tail = rest.match(TRAILING);
  const end = tail ? lead + tail.index! : sentence.length;
  return end - lead >= 2 && /[\p{L}\p{N}]/u.test(sentence.slice(lead, end)) ? [lead, end] : [0, sentence.length];
}
