import { browser } from 'wxt/browser';
import { bundledModel, IncrementalAnalyzer } from '@/lib/analysis';
import { analysisHandlers, createAnalysisService, forgetClosedTabs } from '@/lib/extension/analysis-service';
import { listen } from '@/lib/extension/messages';
import { getEffectivePhrasebank, getLockedRuleIds } from '@/lib/extension/packs';
import { getSettings } from '@/lib/extension/settings';
import { goOnWithoutLatePolicy } from '@/lib/extension/org-policy';
import { isStatEvent } from '@/lib/extension/stats';
import { recordStats } from '@/lib/extension/stats-store';
import { recordSendCheckStat } from '@/lib/extension/send-check-stats';
import { startGenericSites } from '@/lib/extension/generic-sites';

/**
 * After the first warm-up, how long to wait before warming compromise. A page wakes this worker when a ticket
 * opens (attune:warm), and agents read for longer than this before typing: at 2 s, a draft typed a second after
 * opening met a cold tagger (first underline +250 ms after a wake, perf.test.ts). A request that comes sooner
 * warms it itself, so a shorter wait costs nothing.
 */
const COMPROMISE_WARM_UP_DELAY_MS = 300;

/**
 * How long an analysis waits for the organisation policy. Chrome's managed storage answers seconds late right
 * after a browser start (4.6 s measured with no policy at all), and the first underline waited for it. After
 * this, the analysis goes on with the policy last read (none, at a browser start), and the policy is used from
 * the first analysis after it arrives: the first underlines after a browser start may come from the phrasebank
 * without the organisation's layer (its pinned packs and locks), for a few seconds, until the next analysis.
 */
const ORG_POLICY_PATIENCE_MS = 150;

export default defineBackground(() => {
  goOnWithoutLatePolicy(ORG_POLICY_PATIENCE_MS);
  startGenericSites(); // content script on sites the agent turned on (settings.enabledOrigins + permission)
  // Analysis for every composer in every tab (the content script never loads the NLP engine).
  const service = createAnalysisService({
    getPhrasebank: getEffectivePhrasebank,
    getSettings,
    getLockedRules: getLockedRuleIds,
    createAnalyzer: (pb, options) => new IncrementalAnalyzer(pb, options),
  });
  forgetClosedTabs(service, browser);
  // Warm up off the page, while the agent is still reading the ticket. The service worker sleeps after
  // 30 s idle, so this runs on nearly every ticket. Through the service itself, so the path a page's first
  // request takes (settings read, an incremental analyzer, the model) is warm, not only the engine's core
  // (warming with a bare analyze() left the first real underline at 2.8 s after a browser start). First only
  // what every analysis needs, with a sentence that needs no tagger, so compromise is not evaluated in front
  // of the first request; compromise and hearing the customer (150–300 ms) a little later, when no request is
  // likely to be waiting behind it, or by the first draft that needs them, whichever is first.
  // `attuneWarmUp` (ms it took) lets the browser tests tell a cold service worker from a slow analysis.
  const who = { tabId: -1, url: 'https://attune.invalid/' };
  const warm = async (text: string, customer?: string) => {
    await service.analyze({ type: 'attune:analyze', composerId: 'warm-up', text, ...(customer ? { context: { customer } } : {}) }, who);
    service.forgetTab(who.tabId);
  };
  const warmUp = (async () => {
    const t0 = performance.now();
    const first = warm('Thanks for writing in.');
    // The analysis first waits for the settings, packs and organisation policy from storage (10–60 ms after a
    // wake; seconds right after a browser start, when Chrome's managed storage answers late). The model is
    // decoded meanwhile (≈80 ms of a woken worker's first analysis): every analysis needs it, and it depends
    // on none of those. The same model object either way, so nothing in a result changes.
    bundledModel();
    await first;
    const ms = performance.now() - t0;
    // When it was ready, counted from the worker's start (script evaluation, phrasebank, matcher, model, analysis).
    const g = globalThis as { attuneWarmUpDoneAt?: number; attuneCompromiseLoaded?: boolean; attuneCompromiseAtWarmUp?: boolean };
    g.attuneWarmUpDoneAt = performance.now();
    // Whether that first analysis needed compromise (it should not): read by the tests before the timer below loads it.
    g.attuneCompromiseAtWarmUp = g.attuneCompromiseLoaded === true;
    setTimeout(() => void warm('Please calm down, I will send the refund by Friday.', 'I am really upset, where is my refund?'), COMPROMISE_WARM_UP_DELAY_MS);
    return ms;
  })();
  (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp = warmUp;
  // One router for every message to the background (lib/extension/messages.ts).
  listen(browser, {
    ...analysisHandlers(service),
    // Counts per rule and day (never text): the content script's DraftCounters report shown / applied / dismissed.
    'attune:stat': (msg) => {
      if (Array.isArray(msg.events)) void recordStats(msg.events.slice(0, 1000).filter(isStatEvent));
      return undefined;
    },
    'attune:send-check-stat': (msg) => {
      if (['shown', 'sent', 'reviewed'].includes(msg.outcome)) void recordSendCheckStat(msg.outcome);
      return undefined;
    },
    // The page woke this worker ahead of its first analysis (entrypoints/content/wake.ts): the warm-up above
    // is already running; answer when it is done.
    'attune:warm': () => warmUp,
  });
});
