import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../lib/analysis/types';
import { fixture, looksLikeCleanError, MAIN, REPO, runCli } from './run-cli';

// Each test spawns the real CLI (start-up is mostly loading the NLP library); allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

// The fixture phrasebank's rules on their own, so the expected findings are exactly its rules' (the model layer has its own test below).
const PB = ['--phrasebank', fixture('pb-good'), '--layers', 'rules'];
// Emoji, a line break and a curly apostrophe before the flagged words, so offsets are not trivially ASCII.
const DRAFT = 'Hi 👋 Sam,\nThat sounds stressful. I’m sorry, but there is nothing more I can do, please read the manual.\n';
const CLEAN = 'Hi Sam, your replacement ships today and I will send the tracking link tonight.\n';

let tmp: string;
let draftFile: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'attune-cli-'));
  draftFile = join(tmp, 'draft.txt');
  writeFileSync(draftFile, DRAFT);
});

/** Every span in a Report must point at its own text in the input. */
function expectExactOffsets(input: string, report: Report) {
  for (const span of [...report.findings, ...report.signals]) {
    expect(input.slice(span.start, span.end)).toBe(span.text);
  }
}

describe('attune check (one draft)', () => {
  it('prints line:col, severity, message, rule id, the flagged words, suggestions and a summary; exit 1', async () => {
    const r = await runCli(['check', ...PB, draftFile]);
    expect(r.code).toBe(1);
    const line2 = DRAFT.split('\n')[1];
    const col = line2.indexOf('nothing more') + 1;
    expect(r.stdout).toContain(`2:${col}  high  Sounds like a closed door, even when other options exist.  brushoff/nothing-more`);
    expect(r.stdout).toContain('flagged: "nothing more I can do"');
    // The reply's only "no" is this refusal: the alternative that keeps it is listed, the one that drops it is not.
    expect(r.stdout).toContain("  → I can't change that part, but I can try this instead.");
    expect(r.stdout).not.toContain('  → Here is what I can do right now.');
    expect(r.stdout).toContain('  → Let me walk you through it step by step.');
    expect(r.stdout).toMatch(/✓ acknowledged the feeling: "That sounds stressful"/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 phrases worth another look \(1 high, 1 medium\), 1 strength noticed\.$/);
    expect(r.stdout).not.toContain('\u001b['); // stdout is a pipe: no colour
  });

  it('--format json prints exactly one Report whose offsets slice the input; stdin and FILE agree', async () => {
    const fromFile = await runCli(['check', '--format', 'json', ...PB, draftFile]);
    const fromStdin = await runCli(['check', '--format', 'json', ...PB], DRAFT);
    expect(fromFile.code).toBe(1);
    expect(fromStdin.code).toBe(1);
    expect(fromFile.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = JSON.parse(fromFile.stdout) as Report;
    expect(Object.keys(report).sort()).toEqual(['coaching', 'findings', 'signals']);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['brushoff/nothing-more', 'brushoff/read-the-manual']);
    expect(report.signals.map((s) => s.ruleId)).toEqual(['emotional-reaction/sounds-stressful']);
    expectExactOffsets(DRAFT, report);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('exits 0 on a draft with nothing to flag', async () => {
    const json = await runCli(['check', '--format', 'json', ...PB], CLEAN);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as Report).findings).toEqual([]);
    const text = await runCli(['check', ...PB], CLEAN);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/No dismissive phrasing found/);
  });

  it('works with the bundled phrasebank (no --phrasebank)', async () => {
    const r = await runCli(['check', '--format', 'json'], 'Thanks for your patience while I looked into this for you.');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as Report;
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it('--customer FILE is read as context (and must be readable)', async () => {
    const customer = join(tmp, 'customer.txt');
    writeFileSync(customer, 'I am furious, this is the third time my order went missing!');
    const ok = await runCli(['check', '--format', 'json', ...PB, '--customer', customer], CLEAN);
    expect([0, 1]).toContain(ok.code);
    JSON.parse(ok.stdout);
    // The listening coaching: the unanswered question is named, quoted from the customer's file.
    const asked = join(tmp, 'asked.txt');
    const message = 'My order 7730 is packed. When will it be dispatched? Can you change the delivery address to my work address?';
    writeFileSync(asked, message);
    const reply = 'Thanks for your order 7730, it leaves the warehouse tomorrow morning.';
    const json = JSON.parse((await runCli(['check', '--format', 'json', '--customer', asked], reply)).stdout) as Report;
    const open = json.coaching.filter((c) => c.kind === 'unanswered-question');
    const question = 'Can you change the delivery address to my work address?';
    expect(open.map((c) => c.quote)).toEqual([{ start: message.indexOf(question), end: message.length, text: question }]);
    const human = await runCli(['check', '--customer', asked], reply);
    expect(human.stdout).toContain('they wrote: "Can you change the delivery address to my work address?"');
    expect((await runCli(['check', '--format', 'json'], reply)).stdout).not.toContain('unanswered-question');
    const missing = await runCli(['check', ...PB, '--customer', join(tmp, 'nope.txt')], CLEAN);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
  });
});

describe('attune check: the model layer', () => {
  // Dismissive in words no bundled rule lists.
  const NOVEL = 'Frankly, getting this worked up over a parcel that is one day late is a bit much.';
  it('adds model findings (source "model", a confidence) with the bundled phrasebank, and --layers rules leaves them out', async () => {
    const both = JSON.parse((await runCli(['check', '--format', 'json'], NOVEL)).stdout) as Report;
    const model = both.findings.filter((f) => f.source === 'model');
    expect(model.length).toBeGreaterThan(0);
    expect(model[0].confidence).toBeGreaterThan(0);
    expectExactOffsets(NOVEL, both);
    const rules = await runCli(['check', '--format', 'json', '--layers', 'rules'], NOVEL);
    expect((JSON.parse(rules.stdout) as Report).findings).toEqual([]);
    expect(rules.code).toBe(0);
  });

  it('keeps offsets exact in a file that starts with a byte-order mark', async () => {
    const file = join(tmp, 'bom.txt');
    const text = '\uFEFFThanks for waiting. Please calm down, I am on it.';
    writeFileSync(file, text);
    const r = JSON.parse((await runCli(['check', '--format', 'json', file])).stdout) as Report;
    expect(r.findings.length).toBeGreaterThan(0);
    expectExactOffsets(text, r);
  });
});

describe('attune check --jsonl', () => {
  it('answers every line in order, keeps ids, reports a bad line in the middle and goes on; exit 1', async () => {
    const lines = [
      JSON.stringify({ id: 'a-1', text: 'Please read the manual.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 7, text: CLEAN, customer: 'Where is my parcel?' }),
      JSON.stringify({ id: 8, body: 'no text field here' }),
      '',
      JSON.stringify({ id: { ticket: 9 }, text: DRAFT }),
      JSON.stringify({ id: 10, text: 'Fine.', customer: 42 }),
    ];
    const r = await runCli(['check', '--jsonl', ...PB], lines.join('\n') + '\n');
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(6); // the blank line is skipped
    expect(out.map((o) => o.id)).toEqual(['a-1', null, 7, 8, { ticket: 9 }, 10]);
    expect(out[0].findings[0].ruleId).toBe('brushoff/read-the-manual');
    expect(out[1].error).toMatch(/^line 2: not valid JSON/);
    expect(out[2].findings).toEqual([]);
    expect(out[3].error).toBe('line 4: missing "text" (the draft to check)');
    expect(out[4].findings).toHaveLength(2);
    expectExactOffsets(DRAFT, out[4]);
    expect(out[5].error).toMatch(/^line 7: "customer" must be a string/);
    expect(r.stderr).toMatch(/3 of 6 lines could not be read/);
  });

  it('reads JSON Lines from FILE as well as stdin', async () => {
    const file = join(tmp, 'drafts.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'f1', text: 'Just read the manual.' })}\r\n${JSON.stringify({ id: 'f2', text: CLEAN })}\r\n`);
    const r = await runCli(['check', '--jsonl', ...PB, file]);
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.findings.length])).toEqual([['f1', 1], ['f2', 0]]);
  });

  it('exits 0 when every line is clean, 2 when every line is bad or there is no input', async () => {
    const clean = await runCli(['check', '--jsonl', ...PB], `${JSON.stringify({ id: 1, text: CLEAN })}\n`);
    expect(clean.code).toBe(0);
    const allBad = await runCli(['check', '--jsonl', ...PB], 'nope\n[1,2]\n{"id":3,"text":null}\n');
    expect(allBad.code).toBe(2);
    expect(allBad.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).error)).toEqual([
      expect.stringMatching(/^line 1: not valid JSON/),
      'line 2: expected a JSON object like {"id": 1, "text": "…"}',
      'line 3: "text" must be a string, not null',
    ]);
    const empty = await runCli(['check', '--jsonl', ...PB], '');
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(looksLikeCleanError(empty.stderr)).toBe(true);
  });

  it('refuses one oversized or non-UTF-8 line without dropping the others', async () => {
    const huge = JSON.stringify({ id: 'big', text: 'a '.repeat(600_000) });
    const badUtf8 = Buffer.concat([Buffer.from('{"id":"bin","text":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const input = Buffer.concat([
      Buffer.from(`${huge}\n`),
      badUtf8,
      Buffer.from(`\n${JSON.stringify({ id: 'ok', text: 'Please read the manual.' })}\n`),
    ]);
    const r = await runCli(['check', '--jsonl', ...PB], input);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ id: 'big', error: 'line 1: "text" is 1.1 MB; one draft can be at most 1.0 MB' });
    expect(out[1].error).toMatch(/^line 2: .*not valid UTF-8/);
    expect(out[2].id).toBe('ok');
    expect(r.code).toBe(1);
  });
});

describe('attune check: bad usage and bad input exit 2 with one clear line', () => {
  const cases: [string, string[], string | Buffer, RegExp][] = [
    ['empty stdin', ['check'], '', /stdin is empty/],
    ['whitespace-only stdin', ['check'], ' \n\t\n', /stdin is empty/],
    ['NUL bytes', ['check'], Buffer.from('hello\0world'), /binary/],
    ['invalid UTF-8', ['check'], Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]), /not valid UTF-8/],
    ['over 1 MB on stdin', ['check'], 'x'.repeat(1024 * 1024 + 10), /at most 1\.0 MB/],
    ['a missing file', ['check', 'no/such/draft.txt'], '', /Cannot read no\/such\/draft\.txt: no such file/],
    ['an unknown flag', ['check', '--colour'], 'hi', /Unknown option '--colour'.*attune check --help/],
    ['an unknown format', ['check', '--format', 'xml'], 'hi', /--format must be text or json/],
    ['two files', ['check', 'a.txt', 'b.txt'], '', /Unexpected argument: b\.txt/],
    ['an unknown command', ['chek'], '', /Unknown command "chek"/],
    ['a missing phrasebank', ['check', '--phrasebank', 'no/such/pack.json'], 'hi', /Cannot read phrasebank no\/such\/pack\.json/],
    ['an unknown layer', ['check', '--layers', 'rules,magic'], 'hi', /--layers takes rules, model or rules,model/],
  ];
  for (const [name, args, input, message] of cases) {
    it(name, async () => {
      const r = await runCli(args, input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(looksLikeCleanError(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(message);
    });
  }

  it('over 1 MB in a file', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, 'Please read the manual. '.repeat(50_000));
    const r = await runCli(['check', ...PB, big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.txt is 1\.\d MB; one draft can be at most 1\.0 MB/);
  });

  it('a phrasebank folder with no rules says so instead of reporting a clean draft', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'attune-empty-pb-'));
    const r = await runCli(['check', '--phrasebank', empty], 'Please calm down.');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/has no rules/);
  });

  it('a broken phrasebank lists its precise errors', async () => {
    const r = await runCli(['check', '--phrasebank', fixture('pb-broken')], 'hi');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^attune: The phrasebank .*pb-broken has \d+ problems? to fix/);
    const details = r.stderr.split('\n').slice(1).filter(Boolean);
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => /^ {2}\S*shrugging\.yml(:\d+)*: /.test(d))).toBe(true);
    expect(r.stderr).toMatch(/severity|suggest/);
  });
});

describe('--help', () => {
  for (const args of [['--help'], ['check', '--help'], ['audit', '--help'], ['phrasebank', '--help'], ['phrasebank', 'test', '--help'], ['phrasebank', 'pack', '--help'], ['phrasebank', 'catalogue', '--help']]) {
    it(args.join(' '), async () => {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: attune/);
      expect(r.stdout).toMatch(/Exit codes/);
    });
  }
});

// `script` gives the CLI a real terminal, to check that colour follows the TTY and NO_COLOR.
const haveScript = existsSync('/usr/bin/script');
describe('colour', () => {
  it.skipIf(!haveScript)('is used on a terminal unless NO_COLOR is set, and never in a pipe', async () => {
    const cmd = (env: string) => `${env} '${process.execPath}' --import tsx '${MAIN}' check --phrasebank '${fixture('pb-good')}' '${draftFile}'`;
    const tty = spawnSync('/usr/bin/script', ['-qec', cmd('env -u NO_COLOR'), '/dev/null'], { cwd: REPO, encoding: 'utf8' });
    expect(tty.stdout).toContain('\u001b[31mhigh\u001b[39m');
    const noColor = spawnSync('/usr/bin/script', ['-qec', cmd('NO_COLOR=1'), '/dev/null'], { cwd: REPO, encoding: 'utf8' });
    expect(noColor.stdout).toContain('high  Sounds like a closed door');
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});

describe('the prebuilt command (bin/attune.mjs, what `npm run attune` runs)', () => {
  it('runs a bundle of the current source (rebuilt when a source file is newer): the same Report as the source', async () => {
    const { spawnSync: run } = await import('node:child_process');
    const draft = 'Please calm down. I have refunded the order.';
    const bin = run(process.execPath, [join(REPO, 'bin/attune.mjs'), 'check', '--format', 'json'], { cwd: REPO, input: draft, encoding: 'utf8' });
    const source = await runCli(['check', '--format', 'json'], draft);
    expect(bin.status).toBe(1);
    expect(bin.stdout).toBe(source.stdout);
  });
});
