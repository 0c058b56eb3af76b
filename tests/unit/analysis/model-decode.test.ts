// The model is decoded at every CLI and service-worker start, so model.ts decodes it the fast way (weights
// left packed, weight × scale products made once). This checks that against the plain decode it replaced
// (written out here with Node's own base64), over the shipped model: the same rows, and bit-identical logits.
import { describe, expect, it } from 'vitest';
import { FeatureIndex, SentenceModel, unpackNibbles, decodeFeatures } from '../../../lib/analysis/model';
import { featurize, type SentenceFeatures } from '../../../lib/analysis/features';
import packed from '../../../lib/analysis/model.generated';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';

const heads = 1 + packed.categories.length + packed.mechanisms.length + 1;

/** The decode as it was: varint deltas into a list, every 4-bit weight unpacked into an Int8Array. */
function plainDecode() {
  const bytes = Buffer.from(packed.features, 'base64');
  const hashes: number[] = [];
  let prev = 0, value = 0, mul = 1;
  for (const b of bytes) {
    value += (b & 0x7f) * mul;
    if (b & 0x80) { mul *= 0x80; continue; }
    prev += value;
    hashes.push(prev);
    value = 0;
    mul = 1;
  }
  const weights = unpackNibbles(new Uint8Array(Buffer.from(packed.weights, 'base64')), hashes.length * heads);
  const row = new Map(hashes.map((h, i) => [h, i]));
  const scales = Float64Array.from(packed.scales);
  const logits = (f: SentenceFeatures) => {
    const z = Float64Array.from(packed.bias);
    const norm = f.hashes.length ? 1 / Math.sqrt(f.hashes.length) : 0;
    for (const h of f.hashes) {
      const r = row.get(h);
      if (r === undefined) continue;
      for (let k = 0; k < heads; k++) z[k] += weights[r * heads + k] * scales[k] * norm;
    }
    return z;
  };
  return { hashes, logits };
}

describe('model decoding', () => {
  const plain = plainDecode();
  const model = new SentenceModel(packed);

  it('reads the same feature hashes', () => {
    expect(plain.hashes.length).toBeGreaterThan(10_000);
    expect(decodeFeatures(packed.features)).toEqual(plain.hashes);
  });

  it('gives bit-identical logits on every phrasebank example and a few written here', () => {
    const texts = [...bundledPhrasebank.rules, ...bundledPhrasebank.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]);
    texts.push('', 'Thanks so much for your patience while we sorted the refund out.', 'As stated, we cannot help with orders placed elsewhere.');
    let seen = 0;
    for (const text of texts) {
      const f = featurize(text);
      const a = Array.from(plain.logits(f)), b = Array.from(model.logits(f));
      // Object.is tells 0 from -0 and compares every bit that matters for a double.
      const same = a.every((x, k) => Object.is(x, b[k]));
      if (!same) expect(b, text).toEqual(a);
      seen += f.hashes.length;
    }
    expect(seen).toBeGreaterThan(10_000);
  });

  it('sums the category heads later, or not at all, without changing any score', () => {
    const texts = [...bundledPhrasebank.rules, ...bundledPhrasebank.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]);
    let withCategory = 0;
    for (const text of texts) {
      const all = model.score(text);
      const asked: number[] = [];
      const later = model.score(text, (s) => (asked.push(s.dismissive, s.coverage), s.dismissive >= 0.5));
      // The verdict's inputs are the full scores' own values.
      expect(asked).toEqual([all.dismissive, all.coverage]);
      expect([later.dismissive, later.coverage, later.customerFeeling, later.mechanisms]).toEqual([all.dismissive, all.coverage, all.customerFeeling, all.mechanisms]);
      if (all.dismissive >= 0.5) {
        withCategory++;
        expect([later.category, later.categoryConfidence]).toEqual([all.category, all.categoryConfidence]);
      } else expect(later.category).toBe('');
    }
    expect(withCategory).toBeGreaterThan(50);
    expect(withCategory).toBeLessThan(texts.length);
  });

  it('finds every feature at its row, and nothing else (the sorted directory, and the table for unsorted hashes)', () => {
    const hashes = Uint32Array.from(plain.hashes);
    const index = new FeatureIndex(hashes);
    const rowOf = new Map<number, number>();
    plain.hashes.forEach((h, i) => { if (!rowOf.has(h)) rowOf.set(h, i); });
    for (const [h, row] of rowOf) if (index.get(h) !== row) expect(index.get(h), `hash ${h}`).toBe(row);
    // Values around each hash and spread over 32 bits (seeded), most of them absent.
    let x = 12345;
    const probes: number[] = [0, 0xffffffff];
    for (let i = 0; i < 20_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      probes.push(x, (plain.hashes[x % plain.hashes.length] + 1) >>> 0, (plain.hashes[x % plain.hashes.length] - 1) >>> 0);
    }
    let absent = 0;
    for (const p of probes) {
      const want = rowOf.get(p) ?? -1;
      if (want < 0) absent++;
      if (index.get(p) !== want) expect(index.get(p), `probe ${p}`).toBe(want);
    }
    expect(absent).toBeGreaterThan(40_000);
    // Shuffled, the hashes get the hash table: each still finds its own (new) row.
    const shuffled = Uint32Array.from(hashes).reverse();
    const table = new FeatureIndex(shuffled);
    for (let i = 0; i < shuffled.length; i += 97) expect(table.get(shuffled[i])).toBe(shuffled.indexOf(shuffled[i]));
    expect(table.get(probes.find((p) => !rowOf.has(p))!)).toBe(-1);
  });
});
