/**
 * `npx tsx tests/quality/real-rate.ts [--by-rule] [--list]`: how many of the 5,000 real brand replies
 * (../shared/corpus/real-replies.jsonl, read at run time) get a finding, per layer. The quick check for a
 * change to the model's data or a rule: a change that raises this rate costs agents false alarms.
 * `--list` prints the index of each flagged reply (not its text) with the finding's rule, for reading locally.
 */
import { resolve } from 'node:path';
import { loadPhrasebank } from '../../lib/phrasebank/node';
import { analyze } from '../../lib/analysis/index';
import { corpusDir, readRealReplies } from './corpus';

const repoRoot = resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));
const { phrasebank } = loadPhrasebank(resolve(repoRoot, 'phrasebank'));
const replies = readRealReplies(corpusDir(repoRoot));
if (!replies) { console.error('real-rate: ../shared/corpus/real-replies.jsonl not found'); process.exit(2); }

let flagged = 0, byModel = 0, byRules = 0;
const byRule = new Map<string, number>();
replies.forEach((text, i) => {
  const findings = analyze(text, phrasebank).findings;
  if (!findings.length) return;
  flagged++;
  if (findings.some((f) => f.source === 'model')) byModel++;
  if (findings.some((f) => f.source !== 'model')) byRules++;
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (args.has('--list')) console.log(i, findings.map((f) => `${f.ruleId}${f.source === 'model' ? `@${f.confidence?.toFixed(2)}` : ''}`).join(' '));
});
console.log(`real replies flagged: ${flagged}/${replies.length} = ${((flagged / replies.length) * 100).toFixed(1)} % (with a model finding ${byModel}, with a rule finding ${byRules})`);
if (args.has('--by-rule')) for (const [id, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)} ${id}`);
