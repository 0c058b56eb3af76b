/**
 * Loads the analysis core on demand, so extension pages paint before compromise (~0.3–0.5 s to evaluate)
 * has loaded, and warms it up once so the first real draft is analysed quickly.
 */
import type { CompiledPhrasebank } from '../phrasebank/types';

type Engine = typeof import('../analysis/index');
let engine: Promise<Engine> | undefined;
const warmed = new WeakSet<CompiledPhrasebank>();

/** The analysis module, imported once. */
export function loadEngine(): Promise<Engine> {
  engine ??= import('../analysis/index');
  return engine;
}

/** Loads the engine and runs one tiny analysis with `pb` (builds its matcher) before the agent types. */
export async function warmEngine(pb: CompiledPhrasebank): Promise<Engine> {
  const e = await loadEngine();
  if (!warmed.has(pb)) {
    warmed.add(pb);
    e.analyze('Thanks for writing in, I will look at this today.', pb);
  }
  return e;
}
