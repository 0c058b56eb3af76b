import { browser } from 'wxt/browser';
import { analyze, IncrementalAnalyzer } from '@/lib/analysis';
import { registerAnalysisService } from '@/lib/extension/analysis-service';
import { getEffectivePhrasebank } from '@/lib/extension/packs';
import { getSettings } from '@/lib/extension/settings';
import { recordStat } from '@/lib/extension/stats';
import { recordSendCheckStat } from '@/lib/extension/send-check-stats';
import { startGenericSites } from '@/lib/extension/generic-sites';

export default defineBackground(() => {
  startGenericSites(); // content script on sites the agent turned on (settings.enabledOrigins + permission)
  // Analysis for every composer in every tab (the content script never loads the NLP engine).
  const service = registerAnalysisService(
    { getPhrasebank: getEffectivePhrasebank, getSettings, createAnalyzer: (pb, options) => new IncrementalAnalyzer(pb, options) },
    browser,
  );
  // Warm up off the page, while the agent is still reading the ticket: the first analysis compiles the
  // phrasebank's patterns and runs compromise's tagger once (a few hundred ms on a cold service worker).
  // Through the service itself, with the settings and a customer's message, so every path a page's first
  // request takes (settings read, an incremental analyzer, the model, hearing the customer) is warm, not only
  // the engine's core: warming with a bare analyze() left the first real underline at 2.8 s after a browser start.
  // `attuneWarmUp` (ms it took) lets the browser tests tell a cold service worker from a slow analysis.
  const warmUp = (async () => {
    const t0 = performance.now();
    const who = { tabId: -1, url: 'https://attune.invalid/' };
    await service.analyze(
      { type: 'attune:analyze', composerId: 'warm-up', text: 'Please calm down, I will send the refund by Friday.', context: { customer: 'I am really upset, where is my refund?' } },
      who,
    );
    service.forgetTab(who.tabId);
    return performance.now() - t0;
  })();
  (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp = warmUp;
  // Counts per rule and day (never text): the content script reports shown / applied / ignored.
  browser.runtime.onMessage.addListener((msg: any) => {
    if (msg?.type === 'attune:stat') void recordStat(msg.ruleId, msg.kind);
    if (msg?.type === 'attune:send-check-stat' && ['shown', 'sent', 'reviewed'].includes(msg.outcome)) void recordSendCheckStat(msg.outcome);
    // The page woke this worker ahead of its first analysis (entrypoints/content/wake.ts): the warm-up above
    // is already running; answer when it is done.
    if (msg?.type === 'attune:warm') return warmUp;
    return undefined;
  });
});
