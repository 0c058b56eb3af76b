// The extension's background gets the model's blobs from model.bin, a file beside background.js
// (bin/packaged-data.mjs), not from the generated module's base64. The same bytes must give the same model:
// this builds the file and the replacement module as the build does, loads them as the worker would (a fetch
// that serves the file), and compares scores with the model decoded from the generated module.
import { describe, expect, it } from 'vitest';
import { SentenceModel, type ModelSource } from '../../../lib/analysis/model';
import { featurize } from '../../../lib/analysis/features';
import packed from '../../../lib/analysis/model.generated';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
// @ts-expect-error a plain .mjs build helper, without type declarations
import { packModelFile, packagedModelSource, readPackedModel, MODEL_FILE } from '../../../bin/packaged-data.mjs';

/** Evaluates a replacement module with `fetch` serving `body`; its exports once its data has come, and the URLs asked for. */
async function loadReplacement(source: string, body: Uint8Array<ArrayBuffer>): Promise<{ mod: Record<string, unknown>; asked: string[] }> {
  const g = globalThis as { attunePackagedData?: Array<Promise<unknown>>; fetch: typeof fetch };
  const realFetch = g.fetch;
  const asked: string[] = [];
  g.fetch = (async (url: string) => {
    asked.push(url);
    return new Response(body);
  }) as typeof fetch;
  try {
    delete g.attunePackagedData;
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(g.attunePackagedData).toHaveLength(1);
    await Promise.all(g.attunePackagedData!);
    return { mod, asked };
  } finally {
    g.fetch = realFetch;
    delete g.attunePackagedData;
  }
}

describe('the data as the background build ships it', () => {
  it('reads the generated module as it is (the build parses it as JSON)', () => {
    expect(readPackedModel()).toEqual(packed);
  });

  it('gives bit-identical logits from the fetched file as from the base64', async () => {
    const file: Buffer = packModelFile(packed);
    const source: string = packagedModelSource(packed);
    expect(source).not.toContain(packed.weights.slice(0, 200));
    const { mod, asked } = await loadReplacement(source, new Uint8Array(file));
    const loaded = mod.default as ModelSource;
    expect(asked).toEqual([`/${MODEL_FILE}`]);
    expect(loaded.features).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(loaded.weights as Uint8Array).toString('base64')).toBe(packed.weights);
    const fromFile = new SentenceModel(loaded);
    const fromModule = new SentenceModel(packed);
    const texts = [...bundledPhrasebank.rules, ...bundledPhrasebank.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]);
    texts.push('Thanks for bearing with me while the courier looks for the parcel.');
    for (const text of texts) {
      const f = featurize(text);
      const a = Array.from(fromModule.logits(f)), b = Array.from(fromFile.logits(f));
      if (!a.every((x, k) => Object.is(x, b[k]))) expect(b, text).toEqual(a);
    }
  });
});
