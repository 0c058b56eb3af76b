/**
 * `npx tsx tests/quality/fixes-run.ts [--own-list] [--independent-list] [--fix-sample N [--seed S]]`: the
 * "Applying suggestions" figures alone, in seconds rather than evaluate.ts's minutes, for working on the fix
 * planner. Lists and samples go to the terminal only (the independent set is third-party text).
 */
import { resolve } from 'node:path';
import { loadPhrasebank } from '../../lib/phrasebank/node';
import { DEVSET_FILES, HOLDOUT_FILES, loadDevset } from './devset';
import { corpusDir } from './corpus';
import { readLabelledCases } from './labelled-cases';
import { sampleApplied, scoreFixes, type FixScores } from './fixes';

const repoRoot = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const { phrasebank } = loadPhrasebank(resolve(repoRoot, 'phrasebank'));
const own = scoreFixes(phrasebank, loadDevset(undefined, [...DEVSET_FILES, ...HOLDOUT_FILES]).filter((c) => c.kind === 'dismissive').map((c) => ({ text: c.text })));
const cases = readLabelledCases(corpusDir(repoRoot));
const independent = cases ? scoreFixes(phrasebank, cases.filter((c) => c.expect === 'flag').map((c) => ({ text: c.text, customer: c.customer }))) : null;

const line = (name: string, s: FixScores) =>
  console.log(`${name}: ${s.fixes} fixes, ${s.broken} broken seams (${((100 * s.broken) / (s.fixes || 1)).toFixed(1)} %), ${s.stillFlagged} still flagged, ${s.leftover} leftover finding in the touched sentence, ${s.droppedNegation} dropped a needed "no" (first fixes: ${s.first.leftover} leftover, ${s.first.droppedNegation} "no" dropped of ${s.first.fixes}), ${s.withoutSuggestion}/${s.findings} findings with no suggestion`);
line('own', own);
if (independent) line('independent', independent);

const show = (e: FixScores['examples'][number]) =>
  console.log(`---${e.problems.length ? ` [${e.problems.join(', ')}]` : ''}${e.leftover ? ' [leftover]' : ''}${e.droppedNegation ? ' [no dropped]' : ''}${e.first ? ' [first]' : ''}\n  ${e.before.replace(/\n/g, ' / ')}\n→ ${e.after.replace(/\n/g, ' / ')}`);
if (argv.includes('--own-list')) for (const e of own.examples) if (e.leftover || e.droppedNegation) show(e);
if (argv.includes('--own-all')) for (const e of own.examples) show(e);
if (argv.includes('--independent-list') && independent) for (const e of independent.examples) if (e.leftover || e.droppedNegation) show(e);
const n = argv.indexOf('--fix-sample');
const seedAt = argv.indexOf('--seed');
if (n >= 0 && independent) for (const e of sampleApplied(independent, Number(argv[n + 1] ?? 50), seedAt >= 0 ? Number(argv[seedAt + 1]) : 7)) show(e);
