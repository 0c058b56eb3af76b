/**
 * `npm run train`: trains the sentence model from the team's own data in training/ and writes
 * lib/analysis/model.generated.ts. Deterministic: same data, same bytes (seeded shuffles, no clock).
 *
 *   npm run train            train, calibrate on the validation split, write the module
 *   npm run train -- --check exit 1 when the committed module does not match the data (CI)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTrainingData, dataHash, type Example } from './data';
import { trainModel } from './fit';
import { renderModule } from './render';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'lib/analysis/model.generated.ts');

function main(): void {
  const check = process.argv.includes('--check');
  const { examples, errors, files } = loadTrainingData(path.join(root, 'training'));
  if (errors.length) {
    for (const e of errors) console.error(`${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
    console.error(`\n${errors.length} problem(s) in the training data; nothing was written.`);
    process.exit(2);
  }
  const hash = dataHash(files);
  if (check) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (!current.includes(`"dataHash": "${hash}"`)) {
      console.error('lib/analysis/model.generated.ts was not trained from the current training data: run `npm run train` and commit the result.');
      process.exit(1);
    }
    console.log('model is current');
    return;
  }
  const t0 = performance.now();
  // ATTUNE_TRAIN_MAX_FPR: try another false-alarm budget for the dismissive head (don't commit its model).
  const maxFalsePositiveRate = process.env.ATTUNE_TRAIN_MAX_FPR ? Number(process.env.ATTUNE_TRAIN_MAX_FPR) : undefined;
  const { packed, report } = trainModel(examples, { dataHash: hash, maxFalsePositiveRate, log: (s) => console.error(s) });
  fs.writeFileSync(OUT, renderModule(packed));
  const ms = performance.now() - t0;
  console.error(`trained on ${summary(examples)} in ${(ms / 1000).toFixed(1)} s → ${path.relative(root, OUT)} (${(fs.statSync(OUT).size / 1024).toFixed(0)} KB)`);
  console.log(JSON.stringify(report, null, 1));
}

function summary(examples: Example[]): string {
  const flag = examples.filter((e) => e.dismissive === 1).length;
  return `${examples.length} sentences (${flag} dismissive)`;
}

main();
