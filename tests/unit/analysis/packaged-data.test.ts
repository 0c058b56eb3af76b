// The extension's background gets the model's blobs from model.bin and the compiled patterns from
// patterns.txt, files beside background.js (bin/packaged-data.mjs), not from the generated modules. The same
// data must come out: this builds each file and replacement module as the build does, loads them as the
// worker would (a fetch that serves the file), and compares with the generated modules.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SentenceModel, type ModelSource } from '../../../lib/analysis/model';
import { featurize } from '../../../lib/analysis/features';
import packed from '../../../lib/analysis/model.generated';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
// @ts-expect-error a plain .mjs build helper, without type declarations
import { packModelFile, packagedModelSource, readPackedModel, MODEL_FILE, packPatternsFile, packagedPatternsSource, readPatterns, PATTERNS_FILE } from '../../../bin/packaged-data.mjs';
import precompiled, { groups } from '../../../lib/analysis/patterns.generated';

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

  it('serves the same compiled patterns and word groups from patterns.txt', () => {
    const strings = readPatterns();
    expect(strings).toEqual({ patterns: precompiled, groups });
    // In plain Node, not through Vitest's module transform: the replacement's default export is a live
    // binding filled in after the fetch (as Rollup bundles it), which that transform would copy too early.
    const dir = mkdtempSync(join(tmpdir(), 'attune-patterns-'));
    writeFileSync(join(dir, PATTERNS_FILE), packPatternsFile(strings));
    writeFileSync(join(dir, 'replacement.mjs'), packagedPatternsSource());
    const probe = [
      `const served = ${JSON.stringify(join(dir, PATTERNS_FILE))};`,
      "const { readFileSync } = await import('node:fs');",
      'const asked = [];',
      'globalThis.fetch = async (url) => { asked.push(url); return new Response(readFileSync(served, "utf8")); };',
      `const mod = await import(${JSON.stringify(pathToFileURL(join(dir, 'replacement.mjs')).href)});`,
      'await Promise.all(globalThis.attunePackagedData);',
      'process.stdout.write(JSON.stringify({ asked, patterns: mod.default, groups: mod.groups }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.asked).toEqual([`/${PATTERNS_FILE}`]);
    expect(out.patterns === precompiled).toBe(true);
    expect(out.groups === groups).toBe(true);
  });
});
