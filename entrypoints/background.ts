import { browser } from 'wxt/browser';
import { analyze, IncrementalAnalyzer } from '@/lib/analysis';
import { registerAnalysisService } from '@/lib/extension/analysis-service';
import { getEffectivePhrasebank } from '@/lib/extension/packs';
import { getSettings } from '@/lib/extension/settings';
import { recordStat } from '@/lib/extension/stats';
import { recordSendCheckStat } from '@/lib/extension/send-check-stats';
import { startGenericSites } from '@/lib/extension/generic-sites';

/** After waking, how long to wait before warming compromise (a first request usually comes sooner, if at all). */
const COMPROMISE_WARM_UP_DELAY_MS = 2_000;

export default defineBackground(() => {
  startGenericSites(); // content script on sites the agent turned on (settings.enabledOrigins + permission)
  // Analysis for every composer in every tab (the content script never loads the NLP engine).
  registerAnalysisService(
    { getPhrasebank: getEffectivePhrasebank, getSettings, createAnalyzer: (pb, options) => new IncrementalAnalyzer(pb, options) },
    browser,
  );
  // Warm up off the page, while the agent is still reading the ticket. The service worker sleeps after
  // 30 s idle, so this runs on nearly every ticket: first only what every analysis needs (the matcher
  // and the model, tens of ms), with a sentence that needs no tagger, so compromise is not evaluated
  // in front of the first request; compromise itself (150–300 ms) is warmed a little later, when no
  // request is likely to be waiting behind it, or by the first draft that needs it, whichever is first.
  // `attuneWarmUp` (ms it took) lets the browser tests tell a cold service worker from a slow analysis.
  (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp = getEffectivePhrasebank().then((pb) => {
    const t0 = performance.now();
    analyze('Thanks for writing in.', pb);
    const ms = performance.now() - t0;
    // When it was ready, counted from the worker's start (script evaluation, phrasebank, matcher, model, analysis).
    (globalThis as { attuneWarmUpDoneAt?: number }).attuneWarmUpDoneAt = performance.now();
    setTimeout(() => analyze('Please calm down, I will send the refund by Friday.', pb), COMPROMISE_WARM_UP_DELAY_MS);
    return ms;
  });
  // Counts per rule and day (never text): the content script reports shown / applied / ignored.
  browser.runtime.onMessage.addListener((msg: any) => {
    if (msg?.type === 'attune:stat') void recordStat(msg.ruleId, msg.kind);
    if (msg?.type === 'attune:send-check-stat' && ['shown', 'sent', 'reviewed'].includes(msg.outcome)) void recordSendCheckStat(msg.outcome);
    return undefined;
  });
});
