/**
 * Text preparation with exact offsets: normalising look-alike characters, splitting a draft
 * into sentences (lines, bullets, quoted lines, signatures) and finding quoted spans.
 * Every transformation keeps string length, so offsets in the normalised text are offsets in the input.
 */

/** A piece of the input: `text === input.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// Same-length replacements only: each maps one UTF-16 unit to one UTF-16 unit.
const NORMALISE: Record<string, string> = {
  '\u2019': "'", // right single quote / curly apostrophe
  '\u2018': "'",
  '\u02BC': "'", // modifier letter apostrophe
  '\u2032': "'", // prime
  '\u00A0': ' ', // no-break space
  '\u202F': ' ', // narrow no-break space
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u201C': '"',
  '\u201D': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\t': ' ',
};
const NORMALISE_RE = /[\u2019\u2018\u02BC\u2032\u00A0\u202F\u2007\u2009\u200A\u2002\u2003\u201C\u201D\u2010\u2011\t]/g;

/** Replaces curly apostrophes, typographic quotes and odd spaces with plain ASCII of the same length. */
export function normaliseForMatching(text: string): string {
  return text.replace(NORMALISE_RE, (c) => NORMALISE[c] ?? c);
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'prof', 'vs', 'no', 'approx', 'st', 'jr', 'sr', 'inc', 'ltd', 'co',
  'dept', 'est', 'fig', 'min', 'max', 'incl', 'ref', 'tel', 'ext', 'a.m', 'p.m', 'u.s', 'cf', 'al', 'nr', 'ca',
]);

const SIGN_OFF_RE = /^(best|best wishes|best regards|kind regards|warm regards|warmly|regards|many thanks|thanks|thank you|cheers|sincerely|yours sincerely|all the best|take care)[,.!]?$/i;

/**
 * Where the signature starts: after a closing line ("Best regards,") followed only by up to three
 * short lines (name, role, team), which are not the agent's prose.
 */
function signatureStart(text: string): number {
  const lines = text.split('\n');
  let offset = text.length;
  let trailing = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    offset -= lines[i].length + (i < lines.length - 1 ? 1 : 0);
    if (!line) continue;
    if (SIGN_OFF_RE.test(line)) return trailing > 0 ? offset + lines[i].length : text.length;
    if (++trailing > 3 || line.length > 40 || /[.!?]$/.test(line)) return text.length;
  }
  return text.length;
}

const BULLET_RE = /^(?:[-*\u2022\u2023\u25E6\u2043\u2219+]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+/;
const SIGNATURE_RE = /^--\s*$/;

/**
 * Splits a draft into sentences with exact offsets. Each line (and each bullet) is its own unit;
 * lines starting with `>` (quoted mail) and everything after a `-- ` signature line are skipped.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const stop = signatureStart(text);
  let lineStart = 0;
  while (lineStart < stop) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmedStart = line.search(/\S/);
    if (trimmedStart !== -1) {
      const rest = line.slice(trimmedStart);
      if (SIGNATURE_RE.test(rest)) break;
      if (!rest.startsWith('>')) {
        const bullet = BULLET_RE.exec(rest);
        const from = lineStart + trimmedStart + (bullet ? bullet[0].length : 0);
        splitLine(text, from, lineEnd, out);
      }
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

// "Hi Jordan," / "Good morning Sam!" opening a line: its own unit, so `^` patterns see the sentence after it.
const GREETING_RE = /^(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening|day))\b[^,.!?:;\n]{0,40}[,!:;]\s+/i;

/** Splits text[from, to) (one line) at sentence-final punctuation. */
function splitLine(text: string, from: number, to: number, out: Span[]): void {
  const greeting = GREETING_RE.exec(text.slice(from, Math.min(to, from + 64)));
  if (greeting && from + greeting[0].length < to) {
    pushSentence(text, from, from + greeting[0].length, out);
    from += greeting[0].length;
  }
  let sentenceStart = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? and the ellipsis character
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < to && /[.!?\u2026"'\u201D\u2019)\]]/.test(text[j])) j++;
    if (j < to && !/\s/.test(text[j])) continue; // "3.5", "example.com", "?!x"
    if (c === 46 && j === i + 1 && isAbbreviation(text, sentenceStart, i)) continue;
    pushSentence(text, sentenceStart, j, out);
    sentenceStart = j;
    i = j - 1;
  }
  pushSentence(text, sentenceStart, to, out);
}

function isAbbreviation(text: string, lineFrom: number, dot: number): boolean {
  let k = dot;
  while (k > lineFrom && /[A-Za-z.]/.test(text[k - 1])) k--;
  const word = text.slice(k, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  return /^[a-z]$/i.test(word) && /[A-Z]/.test(word); // an initial: "J. Smith"
}

/**
 * Longest unit analysed as one sentence. Matching cost grows faster than a sentence's length (a
 * 40,000-character run-on took 100 s), so a longer run is cut into windows at a comma, semicolon or
 * space; real sentences are far shorter, and a phrase cut by a window edge is the only loss.
 */
export const MAX_SENTENCE_CHARS = 400;

function pushSentence(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return;
  while (end - start > MAX_SENTENCE_CHARS) {
    const head = text.slice(start, start + MAX_SENTENCE_CHARS);
    const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '));
    const space = head.lastIndexOf(' ');
    const at = cut > MAX_SENTENCE_CHARS / 2 ? cut + 1 : space > 0 ? space : MAX_SENTENCE_CHARS;
    pushSentence(text, start, start + at, out);
    start += at;
    while (start < end && /\s/.test(text[start])) start++;
  }
  const slice = text.slice(start, end);
  if (!/[\p{L}\p{N}]/u.test(slice)) return; // punctuation or emoji only
  out.push({ start, end, text: slice });
}

/**
 * Ranges the agent is quoting: text between double quotes ("…", “…”) and between curly single
 * quotes used as quotation marks (‘…’), within one paragraph. Unpaired marks quote nothing.
 */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let paraStart = 0;
  const paragraphs = text.split(/(\n[ \t]*\n)/);
  for (const part of paragraphs) {
    if (!/^\n[ \t]*\n$/.test(part)) quotedInParagraph(part, paraStart, ranges);
    paraStart += part.length;
  }
  return ranges;
}

function quotedInParagraph(p: string, base: number, ranges: Array<[number, number]>): void {
  let open = -1;
  let openChar = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (open === -1) {
      if (c === '"' || c === '\u201C') {
        open = i;
        openChar = c;
      } else if (c === '\u2018' && (i === 0 || /[\s([{]/.test(p[i - 1]))) {
        open = i;
        openChar = c;
      }
    } else if (
      (openChar === '\u2018' && c === '\u2019' && !/\p{L}/u.test(p[i + 1] ?? '')) ||
      (openChar !== '\u2018' && (c === '"' || c === '\u201D'))
    ) {
      ranges.push([base + open, base + i + 1]);
      open = -1;
    }
  }
}

/** True when [start, end) overlaps any range. */
export function overlapsAny(start: number, end: number, ranges: Array<[number, number]>): boolean {
  for (const [a, b] of ranges) if (start < b && end > a) return true;
  return false;
}

/** Removes trailing punctuation and spaces from a span, keeping closing brackets that are balanced out. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s.,;:!?\u2026"'\u201D\u2019)\]\u2013\u2014-]/.test(text[end - 1])) end--;
  while (start < end && /[\s"'\u201C\u2018(\[]/.test(text[start])) start++;
  return [start, end];
}
