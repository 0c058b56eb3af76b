/**
 * The background service worker sleeps after 30 s idle, i.e. between nearly every ticket, so its start
 * is on the agent's path. compromise (150–300 ms to evaluate) must not be loaded for the first analysis
 * of a draft that needs no tagger, only later, when idle. The time to that first analysis is recorded
 * in test-results/worker-wake.json, twice over:
 * - right after a browser start (`afterBrowserStart`): Chrome's managed storage (the organisation policy)
 *   answers only after 2–5 s there; the first analysis no longer waits for it (background.ts, ORG_POLICY_PATIENCE_MS);
 * - after real wakes (`afterWake`: the worker stopped the way Chrome stops an idle one, then woken by a
 *   message), which is what the target (≤ 150 ms from the worker's start) is about. Not met yet on this
 *   shared 2-core machine (≈210–320 ms, see bench/README.md), so recorded, not asserted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { harnessConfig, launchBrowser, type LaunchedBrowser } from './harness';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The worker's warm-up: its first analysis, counted from the worker's start (script evaluation, storage, phrasebank, matcher, model). */
const firstAnalysis = (worker: Worker) =>
  worker.evaluate(async () => {
    const g = globalThis as unknown as { attuneWarmUp: Promise<number>; attuneWarmUpDoneAt: number; attuneCompromiseAtWarmUp?: boolean };
    const analysisMs = await g.attuneWarmUp;
    return { analysisMs: Math.round(analysisMs), sinceStartMs: Math.round(g.attuneWarmUpDoneAt), compromise: g.attuneCompromiseAtWarmUp === true };
  });

/** Stops the worker (as DevTools does; Chrome does the same after 30 s idle) and wakes it with a message from an extension page. */
async function wake(): Promise<Worker> {
  // Playwright may hand back the same Worker object for the restarted worker: a mark in the old global tells them apart.
  const mark = () => browser.context.serviceWorkers()[0]?.evaluate(() => (globalThis as { attuneOldWorker?: boolean }).attuneOldWorker === true).catch(() => true);
  await browser.context.serviceWorkers()[0].evaluate(() => void ((globalThis as { attuneOldWorker?: boolean }).attuneOldWorker = true));
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'attune:warm' }));
  await expect.poll(mark, { timeout: 10_000 }).toBe(false);
  await page.close();
  return browser.context.serviceWorkers()[0];
}

it('a woken service worker analyses its first draft without loading compromise, and loads it later', async () => {
  const worker = browser.serviceWorker!;
  const afterBrowserStart = await firstAnalysis(worker);
  expect(afterBrowserStart.compromise).toBe(false);
  expect(afterBrowserStart.analysisMs).toBeGreaterThan(0);
  // Warmed later, off the first request's path.
  await expect.poll(() => worker.evaluate(() => (globalThis as { attuneCompromiseLoaded?: boolean }).attuneCompromiseLoaded === true), { timeout: 10_000 }).toBe(true);

  const afterWake: Array<Awaited<ReturnType<typeof firstAnalysis>>> = [];
  // ATTUNE_WAKES: more wakes for a steadier median when measuring a change on a busy machine.
  const wakes = Math.max(1, Number(process.env.ATTUNE_WAKES) || 3);
  for (let i = 0; i < wakes; i++) {
    const woken = await wake();
    const figures = await firstAnalysis(woken);
    // A new worker: its compromise is not evaluated yet at its first analysis either.
    expect(figures.compromise).toBe(false);
    afterWake.push(figures);
  }
  const sorted = afterWake.map((f) => f.sinceStartMs).sort((a, b) => a - b);
  const result = { afterBrowserStart, afterWake, afterWakeMedianSinceStartMs: sorted[Math.floor(sorted.length / 2)] };
  console.log('[perf] service worker wake:', JSON.stringify(result));
  const dir = join(harnessConfig().root, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'worker-wake.json'), JSON.stringify(result, null, 2));
});
