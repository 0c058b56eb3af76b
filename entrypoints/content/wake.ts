/**
 * Wakes the background ahead of the first analysis. Chrome stops an idle extension service worker after about
 * 30 s; the next message then waits for it to start and warm the engine (compromise and the phrasebank's
 * patterns: seconds on a busy machine). The page sends a tiny `attune:warm` when that wait is still ahead
 * (on load, when a composer gets focus, on the first keystroke after a quiet spell), so the worker starts
 * while the agent reads or types and the first underline comes as fast as a warm one.
 */

/** Less than the worker's idle timeout: a message sooner than this finds it awake. */
const AWAKE_MS = 20_000;
let last = -Infinity;

/** Note any message to the background (it keeps the worker awake as well). */
export function noteBackgroundContact(): void {
  last = performance.now();
}

/** Wake the background with `warm` (PageServices.warm) unless it was contacted within AWAKE_MS (cheap: one message, no wait). */
export function wakeBackground(warm: () => void): void {
  if (performance.now() - last < AWAKE_MS) return;
  noteBackgroundContact();
  warm();
}
