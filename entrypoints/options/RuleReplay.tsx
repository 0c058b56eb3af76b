/**
 * Replay before publishing: the lead picks a CSV or text export of past replies; it is read into this
 * tab's memory only (never stored; gone when the tab closes) and the rule runs over it in a Web Worker,
 * with a progress bar, against the rule as the current phrasebank has it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledPhrasebank, RuleEntry } from '../../lib/phrasebank/types';
import { parseReplies, type ReplayHit, type ReplayResult } from '../../lib/extension/studio-replay';
import ReplayWorker from './replay-worker?worker';
import type { ReplayRequest } from './replay-worker';

/** "1 reply", "2,000 replies". */
function countReplies(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'reply' : 'replies'}`;
}

export function RuleReplay({ rule, before, categories }: { rule?: RuleEntry; before?: RuleEntry; categories: CompiledPhrasebank['categories'] }) {
  const [loaded, setLoaded] = useState<{ name: string; list: string[]; column?: string; cut: boolean } | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [result, setResult] = useState<ReplayResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => () => worker.current?.terminate(), []);
  // A result is about the rule it was run with: an edit (or a publish, which changes "before") clears it.
  useEffect(() => setResult(undefined), [rule, before]);

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = parseReplies(await file.text(), file.name);
      setLoaded({ name: file.name, list: parsed.replies, column: parsed.column, cut: parsed.cut });
      setResult(undefined);
      setError(parsed.replies.length ? undefined : 'No replies found in that file.');
    } catch (err) {
      setError(`Could not read the file: ${(err as Error).message}`);
    }
  };

  const run = () => {
    if (!rule || !loaded) return;
    worker.current?.terminate();
    const w = new ReplayWorker();
    worker.current = w;
    setProgress(0);
    setResult(undefined);
    setError(undefined);
    w.onmessage = (e: MessageEvent) => {
      if (e.data.type === 'progress') setProgress(e.data.done);
      else {
        if (e.data.type === 'done') setResult(e.data.result);
        else setError(`The replay stopped: ${e.data.message}`);
        setProgress(undefined);
        w.terminate();
        worker.current = undefined;
      }
    };
    w.onerror = (e) => {
      setError(`The replay stopped: ${e.message}`);
      setProgress(undefined);
    };
    w.postMessage({ replies: loaded.list, rule, before, categories } satisfies ReplayRequest);
  };

  return (
    <section class="replay" aria-labelledby="replay-title">
      <h2 id="replay-title">Replay on past replies</h2>
      <p class="muted small">
        A CSV export (the column named body, text, reply or message) or a text file with one reply per paragraph. It stays in this tab’s
        memory and is never stored.
      </p>
      <div class="inline-form">
        <label class="btn file-btn">
          Choose replies…
          <input type="file" accept=".csv,.txt,text/csv,text/plain" class="visually-hidden" data-testid="replay-file" onChange={onFile} />
        </label>
        {loaded && (
          <span class="muted small" data-testid="replay-loaded">
            <bdi>{loaded.name}</bdi>: {countReplies(loaded.list.length)}{loaded.column ? ` from column “${loaded.column}”` : ''}{loaded.cut ? ' (the first 50,000)' : ''}
          </span>
        )}
        <button type="button" class="btn primary" disabled={!rule || !loaded || progress !== undefined} onClick={run} data-testid="replay-run">
          Replay
        </button>
      </div>
      {!rule && loaded && <p class="muted small">Fix the rule above to replay it.</p>}
      {progress !== undefined && loaded && (
        <p>
          <label for="replay-progress" class="small">Replaying… {progress.toLocaleString()} of {loaded.list.length.toLocaleString()}</label>{' '}
          <progress id="replay-progress" max={loaded.list.length} value={progress} />
        </p>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {result && <ReplayReport result={result} isEdit={!!before} />}
    </section>
  );
}

function ReplayReport({ result, isEdit }: { result: ReplayResult; isEdit: boolean }) {
  const change = result.flagged - result.flaggedBefore;
  return (
    <div class="replay-result" role="status" data-testid="replay-result">
      <p>
        <strong data-testid="replay-flagged">{countReplies(result.flagged)}</strong> of {result.total.toLocaleString()} would be flagged
        {isEdit ? (
          <> (the current version flags {result.flaggedBefore.toLocaleString()}: {change === 0 ? 'no change' : `${change > 0 ? '+' : ''}${change.toLocaleString()}`})</>
        ) : (
          <> (a new rule: none before)</>
        )}
        . <span class="muted small">{(result.ms / Math.max(1, result.total / 1000)).toFixed(0)} ms per 1,000 replies.</span>
      </p>
      <HitList title={isEdit ? 'Newly flagged' : 'Flagged'} hits={isEdit ? result.added : result.hits} total={isEdit ? result.addedCount : result.flagged} />
      {isEdit && result.removedCount > 0 && <HitList title="No longer flagged" hits={result.removed} total={result.removedCount} />}
    </div>
  );
}

function HitList({ title, hits, total }: { title: string; hits: ReplayHit[]; total: number }) {
  if (!hits.length) return null;
  return (
    <details class="hits" open={hits.length <= 20}>
      <summary>{title}: {countReplies(total)}{hits.length < total ? ` (first ${hits.length} shown)` : ''}</summary>
      <ol class="hit-list">
        {hits.map((h) => (
          <li key={h.reply} value={h.reply}>
            <Marked sentence={h.sentence} words={h.text} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The sentence with the flagged words in <mark> (text nodes only). */
function Marked({ sentence, words }: { sentence: string; words: string }) {
  const at = sentence.indexOf(words);
  if (at < 0) return <>{sentence}</>;
  return <>{sentence.slice(0, at)}<mark>{words}</mark>{sentence.slice(at + words.length)}</>;
}
