// The background build's lib/analysis/model.generated.ts: the model's two blobs (1.4 MB of base64, half of
// background.js) shipped as one binary file beside it, model.bin, fetched when the worker starts, instead of
// as string literals that Chrome loads and decodes at every wake (the worker sleeps between tickets). The
// numbers (scales, bias, thresholds, meta) stay in the script. The bytes are the base64's bytes, so the
// decoded model, and every score, is the same (SentenceModel takes either form). Only the background: the
// popup and options pages load the analysis on demand anyway and keep the plain module. The worker waits
// for it through lib/extension/packaged-data.ts before it analyses. (The compiled patterns, 0.64 MB of one
// JSON string, were shipped the same way for a while: no difference measured in the woken worker, so they
// stay in the script.)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The module that is replaced. */
export const MODEL_MODULE = /lib[\\/]analysis[\\/]model\.generated\.ts$/;
/** The file in the extension package (next to background.js). */
export const MODEL_FILE = 'model.bin';

/** The generated module's object (it is JSON between `= ` and the closing `};`, as training/train.ts writes it). */
export function readPackedModel(file = join(root, 'lib/analysis/model.generated.ts')) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('= {');
  const end = text.lastIndexOf('};');
  if (start < 0 || end < 0) throw new Error(`packaged-data: cannot find the model object in ${file}`);
  return JSON.parse(text.slice(start + 2, end + 1));
}

/** model.bin: features' byte length (u32, little-endian), the features' bytes, the weights' bytes. */
export function packModelFile(packed) {
  const features = Buffer.from(packed.features, 'base64');
  const weights = Buffer.from(packed.weights, 'base64');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(features.length, 0);
  return Buffer.concat([head, features, weights]);
}

/** The replacement module's source. */
export function packagedModelSource(packed) {
  const { features: _f, weights: _w, ...rest } = packed;
  return [
    '// The model without its blobs, which are fetched from the package (bin/packaged-data.mjs).',
    `const model = ${JSON.stringify(rest)};`,
    `const loading = fetch(${JSON.stringify('/' + MODEL_FILE)})`,
    '  .then((r) => { if (!r.ok) throw new Error(`attune: ' + MODEL_FILE + ': HTTP ${r.status}`); return r.arrayBuffer(); })',
    '  .then((buffer) => {',
    '    const n = new DataView(buffer).getUint32(0, true);',
    '    model.features = new Uint8Array(buffer, 4, n);',
    '    model.weights = new Uint8Array(buffer, 4 + n);',
    '  });',
    '(globalThis.attunePackagedData ??= []).push(loading);',
    'export default model;',
    '',
  ].join('\n');
}

/** For Vite (wxt.config.ts): only in the background's build. */
export function packagedDataVite() {
  let background = false;
  const files = new Map();
  return {
    name: 'attune-packaged-data',
    enforce: 'pre',
    configResolved(config) {
      background = String(config.build?.lib?.entry ?? '').includes('wxt-background-entrypoint');
    },
    load(id) {
      if (!background) return null;
      const file = id.split('?')[0];
      if (MODEL_MODULE.test(file)) {
        const packed = readPackedModel(file);
        files.set(MODEL_FILE, packModelFile(packed));
        return packagedModelSource(packed);
      }
      return null;
    },
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
