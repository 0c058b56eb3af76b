/**
 * The studio's replay, off the page's thread: Vite bundles this file as a Web Worker (imported with
 * `?worker`). It gets the replies and the rule, posts progress, then the result. It keeps nothing: the
 * replies live in this worker's memory until the studio ends it.
 */
import { replay } from '../../lib/extension/studio-replay';
import type { CompiledPhrasebank, RuleEntry } from '../../lib/phrasebank/types';

export interface ReplayRequest {
  replies: string[];
  rule: RuleEntry;
  before?: RuleEntry;
  categories: CompiledPhrasebank['categories'];
}

self.onmessage = (e: MessageEvent<ReplayRequest>) => {
  const { replies, rule, before, categories } = e.data;
  try {
    const result = replay(replies, rule, before, categories, (done) => postMessage({ type: 'progress', done }), 100);
    postMessage({ type: 'done', result });
  } catch (err) {
    postMessage({ type: 'error', message: (err as Error).message });
  }
};
