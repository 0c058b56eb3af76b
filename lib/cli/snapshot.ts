/**
 * The entry of the CLI's V8 start-up snapshot (bin/build-cli.mjs bundles it into one script and runs
 * `node --build-snapshot` on it; bin/attune.mjs starts `node --snapshot-blob …` from it). What every
 * process used to build at start — compromise evaluated (150–300 ms), the bundled phrasebank's matcher
 * and compromise's match net, the decoded model, the clause and customer-message code paths — is built
 * once here by analysing a few drafts, and each start deserialises that heap instead (≈50 ms).
 * Nothing here changes a result: the caches it fills are keyed by phrasebank and text, the same as a
 * process that analysed these drafts first.
 */
import { startupSnapshot } from 'node:v8';
import { runCli } from './dispatch';
import { loadAnalysis } from './engine';
import { choosePhrasebank } from './phrasebank-source';

/** Drafts that reach every lazily built part: the word-level path, the tagger path, a fix's clause check, the model, a customer message. */
const WARM_UP: { text: string; customer?: string }[] = [
  { text: 'Thanks for writing in.' },
  { text: 'Please calm down, as I already said that is our policy. You should have read the guide before ordering.' },
  { text: 'Honestly there is nothing I can do, and you will have to wait like everybody else.', customer: 'I am really upset, my parcel to Bristol is two weeks late and nobody answers.' },
];

async function warmUp(): Promise<void> {
  // The commands' own modules, so a start evaluates none of them.
  await Promise.all([import('./check'), import('./phrasebank-command'), import('./audit')]);
  const phrasebank = await choosePhrasebank(undefined);
  const { analyze } = await loadAnalysis();
  for (const { text, customer } of WARM_UP) {
    analyze(text, phrasebank, customer === undefined ? {} : { customer });
    analyze(text, phrasebank, {}, { layers: { model: false } });
  }
}

if (startupSnapshot.isBuildingSnapshot()) {
  // The snapshot is written once the event loop is empty, so the warm-up is in it; a failure fails the build.
  void warmUp().catch((err: unknown) => {
    process.stderr.write(`attune: the start-up snapshot's warm-up failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
  // Started as `node --snapshot-blob FILE -- <args>`: the arguments follow node's own.
  startupSnapshot.setDeserializeMainFunction(() => runCli(process.argv.slice(1)));
} else {
  runCli(process.argv.slice(2));
}
