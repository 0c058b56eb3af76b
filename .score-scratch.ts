// scratch: per-layer independent-set figures (not committed)
import { resolve } from 'node:path';
import { loadPhrasebank } from '/work/main/lib/phrasebank/node';
import { readLabelledCases, scoreCases, LAYERS } from '/work/main/tests/quality/labelled-cases';
const { phrasebank } = loadPhrasebank('/work/main/phrasebank');
const cases = readLabelledCases('/work/shared/corpus')!;
const f = (x: number) => x.toFixed(3);
for (const layer of process.argv.includes('--both') ? ['both' as const] : LAYERS) {
  const s = scoreCases(phrasebank, cases, layer);
  console.log(`${layer}: recall ${f(s.recall)} fpr ${f(s.falsePositiveRate)} trap ${s.groups.hardNegatives.flagged}/${s.groups.hardNegatives.total} plain ${s.groups.plain.flagged}/${s.groups.plain.total} ack-coached ${s.context.acknowledgingCoached}/${s.context.acknowledging} unack ${s.context.unacknowledgingCaught}/${s.context.unacknowledging} neutral ${s.context.neutralCoached}/${s.context.neutral} mechF1 ${f(s.meanMechanismF1)}`);
  console.log('  ' + Object.entries(s.recallByCategory).map(([k, v]) => `${k} ${v.caught}/${v.total}`).join(', '));
  console.log('  ' + Object.entries(s.mechanisms).map(([k, v]) => `${k} p${f(v.precision)} r${f(v.recall)}`).join(', '));
}
