import { browser } from 'wxt/browser';
import { analyze, IncrementalAnalyzer } from '@/lib/analysis';
import { registerAnalysisService } from '@/lib/extension/analysis-service';
import { getEffectivePhrasebank } from '@/lib/extension/packs';
import { getSettings } from '@/lib/extension/settings';
import { isStatEvent } from '@/lib/extension/stats';
import { recordStats } from '@/lib/extension/stats-store';
import { recordSendCheckStat } from '@/lib/extension/send-check-stats';
import { startGenericSites } from '@/lib/extension/generic-sites';

export default defineBackground(() => {
  startGenericSites(); // content script on sites the agent turned on (settings.enabledOrigins + permission)
  // Analysis for every composer in every tab (the content script never loads the NLP engine).
  registerAnalysisService(
    { getPhrasebank: getEffectivePhrasebank, getSettings, createAnalyzer: (pb, options) => new IncrementalAnalyzer(pb, options) },
    browser,
  );
  // Warm up off the page, while the agent is still reading the ticket: the first analysis compiles the
  // phrasebank's patterns and runs compromise's tagger once (a few hundred ms on a cold service worker).
  // `attuneWarmUp` (ms it took) lets the browser tests tell a cold service worker from a slow analysis.
  (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp = getEffectivePhrasebank().then((pb) => {
    const t0 = performance.now();
    analyze('Please calm down, I will send the refund by Friday.', pb);
    return performance.now() - t0;
  });
  // Counts per rule and day (never text): the content script's DraftCounters report shown / applied / dismissed.
  browser.runtime.onMessage.addListener((msg: any) => {
    if (msg?.type === 'attune:stat' && Array.isArray(msg.events)) void recordStats(msg.events.slice(0, 1000).filter(isStatEvent));
    if (msg?.type === 'attune:send-check-stat' && ['shown', 'sent', 'reviewed'].includes(msg.outcome)) void recordSendCheckStat(msg.outcome);
    return undefined;
  });
});
