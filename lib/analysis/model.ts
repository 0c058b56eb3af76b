/**
 * The trained sentence model: a linear model over hashed n-gram features (features.ts) with one
 * output per head: "is this sentence dismissive", "which category" (softmax over categories),
 * one "does it show this empathy mechanism" per mechanism, and, for the customer's message,
 * "does this sentence state or imply a feeling". Weights are trained by training/train.ts
 * from the team's own data in training/ and shipped as a generated module (model.generated.ts).
 * Pure: no browser API, runs the same in Node, the page and the CLI.
 */
import type { Mechanism } from '../phrasebank/types';
import { featurize, type SentenceFeatures } from './features';

/** The model as stored: plain JSON with base64 blobs, so it ships as a small module. */
export interface PackedModel {
  version: 1;
  /** Dismissive categories, in the order of the category heads. */
  categories: string[];
  mechanisms: Mechanism[];
  /** Sorted feature hashes, delta + varint encoded, base64. */
  features: string;
  /** 4-bit weights (-7…7, two per byte, low nibble first), feature-major (`features × heads`), base64. */
  weights: string;
  /** Per head: weight = stored value × scale. */
  scales: number[];
  bias: number[];
  /** Probability thresholds calibrated on the training data's validation split. */
  thresholds: { dismissive: number; mechanisms: Record<string, number>; customerFeeling: number; acknowledgement: number };
  /** What it was trained on and how it scored on its validation split (for docs and the test that it is current). */
  meta: Record<string, unknown>;
}

export interface SentenceScores {
  /** Probability that the sentence is dismissive. */
  dismissive: number;
  /** Most likely dismissive category and its probability among categories. */
  category: string;
  categoryConfidence: number;
  /** Probability per mechanism. */
  mechanisms: Record<string, number>;
  /** For a customer's sentence: probability that it states or implies a feeling. */
  customerFeeling: number;
  /** Share of the sentence's words the model has seen in training (low for another language). */
  coverage: number;
}

export interface Explained {
  /** Offsets in the sentence of the words that pushed the head up most. */
  start: number;
  end: number;
}

/** A model ready to score: the packed blobs decoded once. */
export class SentenceModel {
  readonly categories: string[];
  readonly mechanisms: Mechanism[];
  readonly thresholds: PackedModel['thresholds'];
  private readonly index: FeatureIndex;
  /** The 4-bit weights as shipped (feature-major, two per byte, low nibble first), read in place. */
  private readonly nibbles: Uint8Array;
  /** `scaled[v × heads + k]`: stored value v (0…15, weight v − 8) times head k's scale. */
  private readonly scaled: Float64Array;
  private readonly bias: Float64Array;
  private readonly heads: number;

  constructor(packed: PackedModel) {
    this.categories = packed.categories;
    this.mechanisms = packed.mechanisms;
    this.thresholds = packed.thresholds;
    this.heads = 1 + packed.categories.length + packed.mechanisms.length + 1;
    // Decoding is paid at every CLI and service-worker start, so the weights stay packed (no
    // features × heads array to fill) and each weight × scale product is made once per value, not per look-up:
    // the same doubles as multiplying each time, so scores are bit-identical (tests/unit/analysis/model-decode.test.ts).
    this.index = new FeatureIndex(decodeFeatureHashes(fromBase64(packed.features)));
    this.nibbles = fromBase64(packed.weights);
    const H = this.heads;
    this.scaled = new Float64Array(16 * H);
    for (let v = 0; v < 16; v++) for (let k = 0; k < H; k++) this.scaled[v * H + k] = (v - 8) * packed.scales[k];
    this.bias = Float64Array.from(packed.bias);
  }

  /** weight × scale of feature row `row` for head `k`. */
  private weightTimesScale(row: number, k: number): number {
    const i = row * this.heads + k;
    return this.scaled[((this.nibbles[i >> 1] >> ((i & 1) << 2)) & 15) * this.heads + k];
  }

  /** Raw head outputs (logits) for a featurised sentence. */
  logits(f: SentenceFeatures): Float64Array {
    const z = Float64Array.from(this.bias);
    this.sum(z, f, this.rowsOf(f), 0, this.heads);
    return z;
  }

  /** Each feature's row (-1: not in the model). All the look-ups first: independent loads, so their cache misses overlap. */
  private rowsOf(f: SentenceFeatures): Int32Array {
    const hashes = f.hashes, n = hashes.length;
    const rows = n <= ROWS.length ? ROWS : new Int32Array(n);
    for (let j = 0; j < n; j++) rows[j] = this.index.get(hashes[j]);
    return rows;
  }

  /**
   * Adds heads [from, to) of every feature to `z`, in the sentence's feature order. Each head's sum is its
   * own, so summing some heads now and others later gives every logit as the same double as summing all at once.
   */
  private sum(z: Float64Array, f: SentenceFeatures, rows: Int32Array, from: number, to: number): void {
    const n = f.hashes.length;
    const norm = n ? 1 / Math.sqrt(n) : 0;
    const H = this.heads;
    const nibbles = this.nibbles, scaled = this.scaled;
    for (let j = 0; j < n; j++) {
      const row = rows[j];
      if (row < 0) continue;
      for (let k = from, i = row * H + from; k < to; k++, i++) z[k] += scaled[((nibbles[i >> 1] >> ((i & 1) << 2)) & 15) * H + k] * norm;
    }
  }

  /**
   * Scores one sentence. With `needsCategory`, the category heads (13 of the 22, most of the work) are summed
   * only when it says so, given the other heads: the judgement reads the category of a dismissive sentence
   * only (`category` is then '' and `categoryConfidence` NaN). Every head that is summed has the same value.
   */
  score(sentence: string, needsCategory?: (s: { dismissive: number; coverage: number; features: SentenceFeatures }) => boolean): SentenceScores & { features: SentenceFeatures } {
    const features = featurize(sentence);
    const C = this.categories.length;
    const z = Float64Array.from(this.bias);
    const rows = this.rowsOf(features);
    this.sum(z, features, rows, 0, 1);
    this.sum(z, features, rows, 1 + C, this.heads);
    let known = 0;
    for (const h of features.unigrams) if (this.index.get(h) >= 0) known++;
    const coverage = features.unigrams.length ? known / features.unigrams.length : 0;
    const dismissive = sigmoid(z[0]);
    let category = '', categoryConfidence = NaN;
    if (!needsCategory || needsCategory({ dismissive, coverage, features })) {
      this.sum(z, features, rows, 1, 1 + C);
      let best = 0;
      for (let c = 1; c < C; c++) if (z[1 + c] > z[1 + best]) best = c;
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[1 + c] - z[1 + best]);
      category = this.categories[best];
      categoryConfidence = 1 / sum;
    }
    const mechanisms: Record<string, number> = {};
    this.mechanisms.forEach((m, i) => (mechanisms[m] = sigmoid(z[1 + C + i])));
    return { coverage, dismissive, category, categoryConfidence, mechanisms, customerFeeling: sigmoid(z[this.heads - 1]), features };
  }

  /**
   * The words that drove a head: each feature's contribution is shared among the tokens it covers,
   * and the best-scoring run of at most `maxWords` tokens is returned (null when nothing pushed up).
   */
  explain(f: SentenceFeatures, head: { kind: 'dismissive' } | { kind: 'mechanism'; mechanism: string }, maxWords = 6, sentence?: string): Explained | null {
    const k = head.kind === 'dismissive' ? 0 : 1 + this.categories.length + this.mechanisms.indexOf(head.mechanism as Mechanism);
    const n = f.tokens.length;
    if (!n || k < 0) return null;
    const perToken = new Float64Array(n);
    const norm = 1 / Math.sqrt(f.hashes.length);
    f.hashes.forEach((h, i) => {
      const row = this.index.get(h);
      if (row < 0) return;
      const c = (this.weightTimesScale(row, k) * norm) / f.spans[i];
      for (let t = f.owners[i]; t < f.owners[i] + f.spans[i]; t++) perToken[t] += c;
    });
    let best = 0, from = -1, to = -1;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = i; j < Math.min(n, i + maxWords); j++) {
        // The words that drove it stay inside one clause: a run across ", " would make Apply replace both
        // clauses and lose the fact in the other ("I told you already, it ships Tuesday").
        if (j > i && sentence && CLAUSE_GAP.test(sentence.slice(f.tokens[j - 1].end, f.tokens[j].start))) break;
        sum += perToken[j];
        if (sum > best) { best = sum; from = i; to = j; }
      }
    }
    if (from < 0) return null;
    // Trim words that pull down at the edges of the run.
    while (from < to && perToken[from] <= 0) from++;
    while (to > from && perToken[to] <= 0) to--;
    return { start: f.tokens[from].start, end: f.tokens[to].end };
  }
}

const CLAUSE_GAP = /[,;:\u2013\u2014]/;

/** Scratch rows for `logits` (a sentence has a few hundred features; a longer one gets its own array). */
const ROWS = new Int32Array(4096);

/**
 * Feature hash → row. The model's hashes are sorted and spread evenly over 32 bits, and a feature's row is
 * its position among them, so the index is the sorted hashes themselves plus a directory of where each value
 * of the top 16 bits starts (about one hash per bucket): a look-up reads the directory and one or two hashes.
 * It replaced an open-addressing table (a Map before that): built in one pass, and the 0.6 MB a look-up
 * reads stays in cache where the 2 MB table did not (about as fast to build; faster to score in a batch). Rows are the same (the first of equal hashes, as the table gave); hashes that are not
 * sorted (never shipped), or a big-endian machine, get the table.
 */
export class FeatureIndex {
  readonly size: number;
  private readonly sorted: Uint32Array | null = null;
  /** `directory[b]`: the first row whose hash's top 16 bits are ≥ b (65,537 entries). */
  private readonly directory: Uint32Array | null = null;
  private readonly table: HashTable | null = null;

  constructor(hashes: Uint32Array) {
    this.size = hashes.length;
    const n = hashes.length;
    if (!LITTLE_ENDIAN || hashes.byteOffset % 2 !== 0) {
      this.table = new HashTable(hashes);
      return;
    }
    // Read as 16-bit halves, small integers (a hash above 2^30 read whole is boxed before the JIT has optimised this).
    const halves = new Uint16Array(hashes.buffer, hashes.byteOffset, 2 * n);
    for (let i = 1; i < n; i++) {
      const t = halves[2 * i + 1], p = halves[2 * i - 1];
      if (t < p || (t === p && halves[2 * i] < halves[2 * i - 2])) {
        this.table = new HashTable(hashes);
        return;
      }
    }
    const directory = new Uint32Array(65537);
    let i = 0;
    for (let b = 0; b <= 65536; b++) {
      while (i < n && halves[2 * i + 1] < b) i++;
      directory[b] = i;
    }
    this.sorted = hashes;
    this.directory = directory;
  }

  /** The row of a feature hash, or -1. */
  get(h: number): number {
    const key = h >>> 0;
    const sorted = this.sorted, directory = this.directory;
    if (!sorted || !directory) return this.table!.get(key);
    const b = key >>> 16;
    for (let i = directory[b], end = directory[b + 1]; i < end; i++) {
      const k = sorted[i];
      if (k === key) return i;
      if (k > key) break;
    }
    return -1;
  }
}

/** Feature hash → row for hashes in any order: open addressing over typed arrays. */
class HashTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(hashes: ArrayLike<number>) {
    let capacity = 1;
    while (capacity < hashes.length * 2) capacity <<= 1;
    const mask = (this.mask = capacity - 1);
    const keys = (this.keys = new Uint32Array(capacity));
    const rows = (this.rows = new Int32Array(capacity).fill(-1));
    for (let row = 0; row < hashes.length; row++) {
      const h = hashes[row];
      let i = Math.imul(h, 0x9e3779b1) & mask;
      while (rows[i] >= 0) i = (i + 1) & mask;
      keys[i] = h;
      rows[i] = row;
    }
  }

  get(h: number): number {
    let i = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const row = this.rows[i];
      if (row < 0 || this.keys[i] === h >>> 0) return row;
      i = (i + 1) & this.mask;
    }
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

// --- packing (shared by training/train.ts and the runtime) ---

/** Values in -7…7, two per byte (low nibble first). */
export function packNibbles(values: Int8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) out[i >> 1] |= (values[i] + 8) << ((i & 1) * 4);
  return out;
}

export function unpackNibbles(bytes: Uint8Array, count: number): Int8Array {
  const out = new Int8Array(count);
  for (let i = 0; i < count; i++) out[i] = ((bytes[i >> 1] >> ((i & 1) * 4)) & 15) - 8;
  return out;
}

export function encodeFeatures(sorted: number[]): string {
  const bytes: number[] = [];
  let prev = 0;
  for (const h of sorted) {
    let d = h - prev;
    prev = h;
    while (d >= 0x80) { bytes.push((d % 0x80) | 0x80); d = Math.floor(d / 0x80); }
    bytes.push(d);
  }
  return toBase64(Uint8Array.from(bytes));
}

export function decodeFeatures(b64: string): number[] {
  return Array.from(decodeFeatureHashes(fromBase64(b64)));
}

/**
 * decodeFeatures into a typed array (hashes are 32-bit), without growing an array one push at a time.
 * Runs once per start over ≈78,000 hashes, mostly before the JIT has optimised it: a hash above 2^30 is not
 * a small integer to V8, and adding or storing one allocates, which made this the largest part of a woken
 * service worker's model decode (≈35 ms). So the running sum is kept as two 16-bit halves and written through
 * a Uint16Array view of the output (little-endian, as every platform that runs the extension is; the plain
 * loop otherwise). The same hashes either way (tests/unit/analysis/model-decode.test.ts).
 */
function decodeFeatureHashes(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length); // at most one hash per byte
  let n = 0;
  if (LITTLE_ENDIAN) {
    const halves = new Uint16Array(out.buffer);
    let lo = 0, hi = 0, delta = 0, shift = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      // Up to four 7-bit groups stay below 2^28; a fifth (only for a gap ≥ 2^28) is added as a double.
      delta = shift < 28 ? delta | ((b & 0x7f) << shift) : delta + (b & 0x7f) * 2 ** shift;
      if (b & 0x80) { shift += 7; continue; }
      // A gap is below 2^32 (hashes are 32-bit), so its halves come out of these small-integer operations.
      lo += delta & 0xffff;
      hi += (delta >>> 16) + (lo >> 16);
      lo &= 0xffff;
      halves[2 * n] = lo;
      halves[2 * n + 1] = hi;
      n++;
      delta = 0;
      shift = 0;
    }
    return out.subarray(0, n);
  }
  let prev = 0, value = 0, mul = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    value += (b & 0x7f) * mul;
    if (b & 0x80) { mul *= 0x80; continue; }
    prev += value;
    out[n++] = prev;
    value = 0;
    mul = 1;
  }
  return out.subarray(0, n);
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

const B64_INDEX = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/**
 * The engine's own `Uint8Array.fromBase64` where there is one (Chrome 140+, Firefox 133+): in a woken
 * service worker the JS loop below was ≈15 ms of the first analysis (1 MB of weights and feature hashes),
 * the native decode is a fraction of a millisecond. Same bytes for the same text (the packed model is
 * standard base64; a missing '=' is accepted by both). Node 20 has none, so the CLI keeps the loop.
 */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

export function fromBase64(s: string): Uint8Array {
  if (typeof nativeFromBase64 === 'function') return nativeFromBase64.call(Uint8Array, s);
  let length = s.length;
  while (length > 0 && s.charCodeAt(length - 1) === 61) length--; // trailing '='
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let o = 0;
  let i = 0;
  // Whole groups of four characters first, without bounds checks (this runs once per start, over 1 MB).
  for (const whole = length - (length % 4); i < whole; i += 4) {
    const n = (B64_INDEX[s.charCodeAt(i)] << 18) | (B64_INDEX[s.charCodeAt(i + 1)] << 12) | (B64_INDEX[s.charCodeAt(i + 2)] << 6) | B64_INDEX[s.charCodeAt(i + 3)];
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const at = (k: number) => (k < length ? B64_INDEX[s.charCodeAt(k)] : 0);
  for (; i < length; i += 4) {
    const n = (at(i) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3);
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
