// The shipped builds' lib/phrasebank/compromise.ts: compromise bundled inside a function, so that it is
// evaluated (150–300 ms) only when a draft first needs it, not whenever the CLI or the background service
// worker starts. The same ES module source as in Node and the tests, bundled by esbuild; the extension
// (Vite, wxt.config.ts) and the CLI (esbuild, bin/build-cli.mjs) swap it in with the plugins below.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The module that is replaced. */
export const COMPROMISE_MODULE = /lib[\\/]phrasebank[\\/]compromise\.ts$/;

let source;
/** The replacement module's source (built once per process). */
export function deferredCompromiseSource() {
  source ??= build({
    stdin: { contents: "export { default } from 'compromise';", resolveDir: root, sourcefile: 'compromise-entry.js' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__attuneCompromise',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  }).then(({ outputFiles }) => [
    '// compromise, evaluated on the first call (bin/defer-compromise.mjs).',
    'let nlp;',
    'export default function compromise() {',
    '  if (!nlp) {',
    outputFiles[0].text,
    '    nlp = __attuneCompromise.default;',
    // Lets the browser tests see whether a service worker has loaded it.
    '    globalThis.attuneCompromiseLoaded = true;',
    '  }',
    '  return nlp;',
    '}',
    '',
  ].join('\n'));
  return source;
}

/** For esbuild (the CLI). */
export const deferCompromiseEsbuild = {
  name: 'defer-compromise',
  setup(b) {
    b.onLoad({ filter: COMPROMISE_MODULE }, async () => ({ contents: await deferredCompromiseSource(), loader: 'js' }));
  },
};

/** For Vite (the extension). */
export function deferCompromiseVite() {
  return {
    name: 'attune-defer-compromise',
    enforce: 'pre',
    async load(id) {
      return COMPROMISE_MODULE.test(id.split('?')[0]) ? deferredCompromiseSource() : null;
    },
  };
}
