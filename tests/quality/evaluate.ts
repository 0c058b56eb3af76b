/**
 * `npx tsx tests/quality/evaluate.ts [--no-corpus] [--misses] [--record-gaps]`: measures the phrasebank and the
 * empathy signals, prints a summary, and writes docs/quality.md (figures only: no corpus text).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPhrasebank } from '../../lib/phrasebank/node';
import { BLIND_FILES, UNREAD_BLIND_FILES, HOLDOUT_FILES, loadDevset, loadSignalDevset } from './devset';
import { corpusDir, readEpitome, readPoliteness, readRealReplies } from './corpus';
import { RULES_ONLY, evaluateDevset, evaluateEpitome, evaluateRealReplies, evaluateSignals, meetsTargets } from './metrics';
import { LAYERS, readLabelledCases, scoreCases, type Layer } from './labelled-cases';
import { analyze, type AnalysisOptions } from '../../lib/analysis/index';
import { readFileSync, existsSync } from 'node:fs';
import { renderQualityReport } from './report';
import { DEVSET_FILES } from './devset';
import { sampleApplied, scoreFixes } from './fixes';

const repoRoot = resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));

const { phrasebank, errors } = loadPhrasebank(resolve(repoRoot, 'phrasebank'));
if (errors.length) {
  console.error(`phrasebank has ${errors.length} problem(s); scoring what compiled. First: ${errors[0].file}: ${errors[0].message}`);
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
// Sections 1-3 measure the phrasebank's rules against their own targets; section 0 the shipped judgement per layer.
const devset = evaluateDevset(phrasebank, loadDevset(), RULES_ONLY);
const holdout = evaluateDevset(phrasebank, loadDevset(undefined, HOLDOUT_FILES), RULES_ONLY);
const signals = evaluateSignals(phrasebank, loadSignalDevset(), RULES_ONLY);
const dir = corpusDir(repoRoot);
const replies = args.has('--no-corpus') ? null : readRealReplies(dir);
const epitome = args.has('--no-corpus') ? null : readEpitome(dir);
const real = replies ? evaluateRealReplies(phrasebank, replies, RULES_ONLY) : null;
const empathy = epitome ? evaluateEpitome(phrasebank, epitome, RULES_ONLY) : null;

const layerOptions = (l: Layer): AnalysisOptions => ({ layers: { rules: l !== 'model', model: l !== 'rules' } });
const perLayer = <T>(fn: (l: Layer) => T) => Object.fromEntries(LAYERS.map((l) => [l, fn(l)])) as Record<Layer, T>;
const independent = args.has('--no-corpus') ? null : readLabelledCases(dir);
const readOwn = (files: string[]) => files.flatMap((f) => readLabelledCases(resolve(repoRoot, 'tests/quality'), f) ?? []);
const blindCases = readOwn(BLIND_FILES);
const unreadCases = readOwn(UNREAD_BLIND_FILES);
const politenessRows = args.has('--no-corpus') ? null : readPoliteness(dir);
// The judged sample of real-reply flags: counts written by hand after reading (tests/quality/real-sample.json).
const samplePath = resolve(repoRoot, 'tests/quality/real-sample.json');
const layered = {
  cases: independent ? perLayer((l) => scoreCases(phrasebank, independent, l)) : null,
  blind: blindCases.length ? perLayer((l) => scoreCases(phrasebank, blindCases, l)) : null,
  unread: unreadCases.length ? perLayer((l) => scoreCases(phrasebank, unreadCases, l)) : null,
  real: replies ? perLayer((l) => evaluateRealReplies(phrasebank, replies, layerOptions(l))) : null,
  realSample: existsSync(samplePath) ? JSON.parse(readFileSync(samplePath, 'utf8')) : null,
  epitome: epitome ? perLayer((l) => evaluateEpitome(phrasebank, epitome, layerOptions(l)).scores) : null,
  politeness: politenessRows ? perLayer((l) => [1, 2, 3, 4].map((q) => {
    const rows = politenessRows.filter((r) => r.quartile === q);
    return rows.filter((r) => analyze(r.text, phrasebank, undefined, layerOptions(l)).findings.length > 0).length / (rows.length || 1);
  })) : null,
};
if (layered.cases) for (const l of LAYERS) { const c = layered.cases[l]; console.log(`independent ${l.padEnd(5)} recall ${c.recall.toFixed(3)} fpr ${c.falsePositiveRate.toFixed(3)} ack-coached ${c.context.acknowledgingCoached}/${c.context.acknowledging} unack ${c.context.unacknowledgingCaught}/${c.context.unacknowledging} mechF1 ${c.meanMechanismF1.toFixed(3)}`); }
if (layered.blind) for (const l of LAYERS) { const c = layered.blind[l]; console.log(`blind ${l.padEnd(5)} recall ${c.recall.toFixed(3)} fpr ${c.falsePositiveRate.toFixed(3)} ack-coached ${c.context.acknowledgingCoached}/${c.context.acknowledging} mechF1 ${c.meanMechanismF1.toFixed(3)}`); }
if (layered.real) for (const l of LAYERS) console.log(`real replies ${l.padEnd(5)} ${pct(layered.real[l].share)}`);

for (const r of devset.categories) {
  const mark = !r.inPhrasebank ? 'NO FILE' : meetsTargets(r) ? 'ok' : 'MISS';
  console.log(`${r.category.padEnd(20)} recall ${r.caught}/${r.dismissive} (${pct(r.recall)})  agree ${r.agreed}/${r.dismissive}  FP ${r.politeFlagged}/${r.polite} (${pct(r.falsePositiveRate)})  ${mark}`);
  if (args.has('--misses') && r.inPhrasebank) {
    for (const m of r.misses) console.log(`   miss ${m.id} [fired: ${m.fired.join(', ') || 'nothing'}]${m.caughtWithoutGreeting ? ' (caught without the greeting)' : ''} ${m.text}`);
    for (const m of r.falsePositives) console.log(`   fp   ${m.id} [fired: ${m.fired.join(', ')}] ${m.text}`);
  }
}
console.log(`ordinary polite: ${devset.ordinary.flagged}/${devset.ordinary.total} flagged (${pct(devset.ordinary.rate)})`);
if (args.has('--misses')) for (const m of devset.ordinary.falsePositives) console.log(`   fp   ${m.id} [fired: ${m.fired.join(', ')}] ${m.text}`);
for (const r of holdout.categories) console.log(`holdout ${r.category.padEnd(20)} recall ${r.caught}/${r.dismissive}  FP ${r.politeFlagged}/${r.polite}${args.has('--misses') ? `  missed ${r.misses.map((m) => m.id.split('/').pop()).join(',')}` : ''}`);
for (const r of signals) console.log(`signal ${r.mechanism.padEnd(19)} recall ${r.found}/${r.shows}  FP ${r.wronglyFound}/${r.lacks}${r.misses.length ? `  missed ${r.misses.join(', ')}` : ''}${r.falsePositives.length ? `  wrongly ${r.falsePositives.map((f) => f.id).join(', ')}` : ''}`);
if (real) console.log(`real replies: ${real.withFinding}/${real.total} with a finding (${pct(real.share)}), ${real.msPerReply.toFixed(1)} ms/reply`);
else console.log(`real replies: skipped (no ${dir}/real-replies.jsonl)`);
if (empathy) for (const s of empathy.scores) console.log(`EPITOME ${s.label} ← ${s.mechanism}: precision ${pct(s.precision)}, recall ${pct(s.recall)} (${s.truePositives}/${s.positives}; predicted ${s.predicted})`);
else console.log('EPITOME: skipped (no empathy-labelled.jsonl)');

if (args.has('--record-gaps')) {
  // Records today's below-target categories so CI blocks regressions while the misses are routed.
  const gaps: Record<string, { recall: number; falsePositiveRate: number }> = {};
  for (const r of devset.categories) if (r.inPhrasebank && !meetsTargets(r)) gaps[r.category] = { recall: r.recall, falsePositiveRate: r.falsePositiveRate };
  writeFileSync(resolve(repoRoot, 'tests/quality/known-gaps.json'), `${JSON.stringify(gaps, null, 2)}\n`);
  console.log(`recorded ${Object.keys(gaps).length} known gap(s) in tests/quality/known-gaps.json`);
}

// Applying suggestions: every fix on every dismissive reply (ours, and the independent set's flag cases).
const ownDismissive = loadDevset(undefined, [...DEVSET_FILES, ...HOLDOUT_FILES]).filter((c) => c.kind === 'dismissive').map((c) => ({ text: c.text }));
const fixSamplePath = resolve(repoRoot, 'tests/quality/fix-sample.json');
const fixes = {
  own: scoreFixes(phrasebank, ownDismissive),
  independent: independent ? scoreFixes(phrasebank, independent.filter((c) => c.expect === 'flag').map((c) => ({ text: c.text, customer: c.customer }))) : null,
  sample: existsSync(fixSamplePath) ? JSON.parse(readFileSync(fixSamplePath, 'utf8')) : null,
};
for (const [name, s] of [['own', fixes.own], ['independent', fixes.independent]] as const) if (s) console.log(`fixes ${name}: ${s.broken}/${s.fixes} broken seams, ${s.withoutSuggestion}/${s.findings} findings with no suggestion, ${s.stillFlagged} still flagged, ${s.leftover} leftover, ${s.droppedNegation} dropped a needed "no"`);
// `--fix-sample N [--seed S]`: print N applied drafts of the independent set to read (terminal only: third-party text).
const sampleArg = process.argv.indexOf('--fix-sample');
const seedArg = process.argv.indexOf('--seed');
if (sampleArg > 0 && fixes.independent) for (const e of sampleApplied(fixes.independent, Number(process.argv[sampleArg + 1] ?? 50), seedArg > 0 ? Number(process.argv[seedArg + 1]) : 7)) console.log(`---${e.problems.length ? ` [${e.problems.join(', ')}]` : ''}\n  ${e.before.replace(/\n/g, ' / ')}\n→ ${e.after.replace(/\n/g, ' / ')}`);

const out = resolve(repoRoot, 'docs/quality.md');
// The Listening section is written by tests/quality/listening.ts --write; keep it when regenerating the rest.
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
const listening = /<!-- listening:start -->[\s\S]*<!-- listening:end -->/.exec(previous)?.[0];
const rendered = renderQualityReport({ phrasebank, devset, holdout, signals, real, empathy, phrasebankErrors: errors.length, layered, fixes });
writeFileSync(out, listening ? rendered.replace(/\n## How to reproduce/, `\n${listening}\n\n## How to reproduce`) : rendered);
console.log(`wrote ${out.replace(repoRoot + '/', '')}`);
