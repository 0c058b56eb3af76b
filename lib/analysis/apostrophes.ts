/**
 * Agents in a hurry type "dont", "thats", "youre", "u". The phrasebank's patterns are written with the
 * apostrophe, so before matching, a sentence gets its missing apostrophes back, with a map from the
 * restored text to the original offsets (a Report always points into what the agent typed).
 * Only unambiguous words: "ill", "were", "well", "id", "hell", "shed" are words too, and "its" only before a word
 * a possessive never takes ("its not", "its just a", "its been"; not "its lid").
 */

const BARE = /\b(do|does|did|ca|wo|is|are|was|were|have|has|had|could|should|would|must|ai)(nt)\b|\b(that|there|what|here|let)(s)\b|\b(you|they|we)(re|ve|ll|d)\b|\b(i)(m|ve)\b|\b(it)(s)\b(?=\s+(?:not|just|only|a|an|the|been|really|so|very|all|fine|ok|okay|clear|obvious|literally|already|still|quite|pretty|too|nothing|hardly|honestly|simply|because|gonna|going|your|ur|you|u|my|our|their|on|up|over|done|gone|ready|here|there)\b)|\b(should|could|would|must|might)(ve)\b/gi;
const SKIP = new Set(['wed', 'well', 'were', 'lets']); // "we'd"/"we'll"/"we're" collide with words; "lets" is a verb

export interface Restored {
  /** The sentence with apostrophes restored ("dont" → "don't"). */
  text: string;
  /** Offset in the original sentence for each offset in `text` (length text.length + 1); null when nothing changed. */
  toSource: Int32Array | null;
}

/** Chat's "u" and "urself" are "you" and "yourself" with "yo" left out. */
const CHAT_YOU = /(?<![\w.'-])(u|urself)(?![\w.'-])/gi;
/**
 * Chat's "ur" is "your" before a noun and "you're" before what follows a "you are": a verb in -ing, "not",
 * "gonna", an article, or a word that describes a person ("ur wrong", "ur welcome"). Anything else stays "your".
 */
const CHAT_UR = /(?<![\w.'-])ur(?![\w.'-])|^Ur(?![\w.'-])/g; // "Ur" elsewhere is a name
const YOURE_NEXT = /^\s+(?:\w+ing|not|gonna|a|an|the|so|too|just|really|very|always|still|already|clearly|obviously|wrong|right|welcome|mistaken|confused|kidding|joking|supposed|able|free|sure|aware|on|in|out|being|here|there|all)\b/i;

export function restoreApostrophes(sentence: string): Restored {
  const hasBare = /[a-z](nt|s|re|ve|ll|d|m)\b/i.test(sentence);
  const hasChatYou = /\bu(rself)?\b/i.test(sentence);
  const hasChatYour = /\bur\b|^Ur\b/.test(sentence);
  if (!hasBare && !hasChatYou && !hasChatYour) return { text: sentence, toSource: null };
  const inserts: Array<{ at: number; text: string }> = []; // where in the original text, and what goes there
  if (hasBare) sentence.replace(BARE, (whole, ...groups: Array<string | number | undefined>) => {
    const offset = groups[groups.length - 2] as number;
    if (SKIP.has(whole.toLowerCase())) return whole;
    const head = (groups[0] ?? groups[2] ?? groups[4] ?? groups[6] ?? groups[8] ?? groups[10]) as string;
    // n't goes before the t: "do|n't" → apostrophe after "don"
    inserts.push({ at: offset + head.length + (groups[1] ? 1 : 0), text: "'" });
    return whole;
  });
  if (hasChatYou) for (const m of sentence.matchAll(CHAT_YOU)) inserts.push({ at: m.index!, text: m[1][0] === 'U' ? 'Yo' : 'yo' });
  if (hasChatYour) for (const m of sentence.matchAll(CHAT_UR)) {
    const at = m.index!;
    inserts.push({ at, text: m[0][0] === 'U' ? 'Yo' : 'yo' });
    if (YOURE_NEXT.test(sentence.slice(at + 2))) inserts.push({ at: at + 1, text: "'" }, { at: at + 2, text: 'e' });
  }
  if (!inserts.length) return { text: sentence, toSource: null };
  inserts.sort((a, b) => a.at - b.at);
  const added = inserts.reduce((n, i) => n + i.text.length, 0);
  let text = '';
  const toSource = new Int32Array(sentence.length + added + 1);
  let from = 0;
  let j = 0;
  for (const { at, text: piece } of inserts) {
    for (; from < at; from++) { toSource[j++] = from; text += sentence[from]; }
    for (const c of piece) { toSource[j++] = at; text += c; } // what was added maps to the letter after it
  }
  for (; from < sentence.length; from++) { toSource[j++] = from; text += sentence[from]; }
  toSource[j] = sentence.length;
  return { text, toSource };
}

/** Maps a [start, end) span of restored text back to the original sentence. */
export function spanToSource(r: Restored, start: number, end: number): [number, number] {
  if (!r.toSource) return [start, end];
  return [r.toSource[start], end > 0 ? r.toSource[end - 1] + 1 : 0];
}
