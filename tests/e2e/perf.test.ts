/**
 * Performance of the in-page experience in real Chromium with the built extension:
 *  1. main-thread time attributable to Attune's content script from navigation until a composer is
 *     focused (CDP sampling profiler: self time of frames in content-scripts/content.js) ≤ 15 ms;
 *  2. no long task (> 50 ms) while typing into a 2,000-word draft;
 *  3. underlines ≤ 300 ms after typing pauses (median; measured inside the page).
 * Figures are printed and written to test-results/perf-in-page.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, harnessConfig, launchBrowser, waitForFixture, type LaunchedBrowser } from './harness';
import { waitForFindings } from './in-page-helpers';

const figures: Record<string, unknown> = {};
let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const dir = join(harnessConfig().root, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'perf-in-page.json'), JSON.stringify(figures, null, 2));
  console.log('[perf] in-page figures:', JSON.stringify(figures));
});

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose top frame belongs to `urlPart`. */
function selfTime(profile: Profile, urlPart: string): number {
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.includes(urlPart)).map((n) => n.id));
  let us = 0;
  for (let i = 0; i < profile.samples.length; i++) if (ours.has(profile.samples[i])) us += profile.timeDeltas[i + 1] ?? 0;
  return us / 1000;
}

/** 2,000 words of an ordinary reply, with a few dismissive phrases in it (written for this test). */
function longDraft(): string {
  const para =
    'Thanks for getting in touch about the delivery. I checked the order history and the parcel left our warehouse on Monday, ' +
    'which means it should reach you within three working days. I will keep an eye on the tracking page for you and write again tomorrow. ' +
    'If anything looks wrong on your side, just reply here and I will look into it straight away. ';
  const words: string[] = [];
  let i = 0;
  while (words.length < 2000) {
    words.push(...para.trim().split(/\s+/));
    if (i++ % 5 === 2) words.push(...'Please calm down, that is our policy.'.split(' '));
  }
  return words.slice(0, 2000).join(' ');
}

const DRAFT = "Please calm down, as I already said that's our policy.";

/**
 * Open the Zendesk fixture, give the agent a moment to read (`readMs`), type the draft, and return ms from the
 * last key to the first underline, measured inside the page.
 */
async function firstUnderlineMs(b: LaunchedBrowser, readMs: number): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(fixtureUrl('acme.zendesk.com', '/agent/tickets/1234'));
  await waitForFixture(page);
  await page.waitForTimeout(readMs);
  await focusEditorEnd(page);
  await page.keyboard.type(DRAFT);
  const t0 = await page.evaluate(() => performance.now());
  await waitForFindings(page, (f) => f.length > 0, 15_000);
  const ms = (await page.evaluate(() => performance.now())) - t0;
  await page.close();
  return Math.round(ms);
}

describe('the first underline after a cold start', () => {
  // After a service-worker wake the page's `attune:warm` (entrypoints/content/wake.ts, sent on load) has the worker
  // started and warm before the agent types. Right after a browser start the first underline waited 1.6–4.7 s for
  // Chrome's managed storage (the organisation policy answers seconds late then, even when there is none); the
  // background now goes on without a late policy (background.ts, ORG_POLICY_PATIENCE_MS): 1595 → 369 ms here.
  // Both asserted against a warm underline, with room for this shared 2-core machine.
  it('after a service-worker wake and after a browser start it comes about as fast as a warm one', async () => {
    const fresh = await launchBrowser();
    const warmUpMs = fresh.serviceWorker!.evaluate(() => (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp);
    let afterStart: number;
    let warm: number;
    let afterWake: number;
    try {
      // The agent opens a ticket right after starting the browser and reads it for a second.
      afterStart = await firstUnderlineMs(fresh, 1000);
      warm = Math.min(await firstUnderlineMs(fresh, 200), await firstUnderlineMs(fresh, 200));
      // Chrome stops an idle worker after ~30 s; stop it here the way DevTools does, then open the next ticket.
      const page = await fresh.context.newPage();
      const cdp = await fresh.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.close();
      afterWake = await firstUnderlineMs(fresh, 1000);
    } finally {
      await fresh.close();
    }
    figures.firstUnderlineMs = { afterBrowserStart: afterStart, warm, afterServiceWorkerWake: afterWake, engineWarmUpAtStart: Math.round((await warmUpMs.catch(() => -1)) ?? -1) };
    console.log(`[perf] first underline: after browser start ${afterStart} ms, warm ${warm} ms, after a worker wake ${afterWake} ms`);
    expect(afterWake).toBeLessThanOrEqual(warm + 200);
    expect(afterStart).toBeLessThanOrEqual(warm + 600);
  });
});

describe('the first underline after the agent restarts the browser', () => {
  // The fresh profile above is the first run after installing: Chrome has compiled none of the worker's script yet.
  // An agent's morning start reuses the profile, with the extension installed and its code cache written.
  it('with the same profile it comes about as fast as a warm one', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'attune-profile-restart-'));
    try {
      const first = await launchBrowser({ profileDir });
      await first.serviceWorker!.evaluate(() => (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp);
      const installRun = await firstUnderlineMs(first, 200);
      await first.close();
      const again = await launchBrowser({ profileDir });
      let afterRestart: number;
      let warm: number;
      try {
        afterRestart = await firstUnderlineMs(again, 1000);
        warm = await firstUnderlineMs(again, 200);
      } finally {
        await again.close();
      }
      figures.firstUnderlineAfterRestartMs = { installRun, afterRestart, warm };
      console.log(`[perf] first underline: first run after install ${installRun} ms; after a restart with the same profile ${afterRestart} ms, then warm ${warm} ms`);
      expect(afterRestart).toBeLessThanOrEqual(warm + 600); // 1569 ms against a warm 184 before the policy wait went
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});

describe('in-page performance', () => {
  it('content script: ≤ 15 ms main-thread time on page load, before a composer is focused', async () => {
    const runs: number[] = [];
    // Five loads, not three: on shared 2-core machines one load in three can take twice as long (12, 17, 33 ms).
    for (let r = 0; r < 5; r++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(fixtureUrl('acme.zendesk.com', '/agent/tickets/1234'));
      await waitForFixture(page);
      await page.waitForTimeout(1000);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      runs.push(selfTime(profile, `${browser.extensionId}/content-scripts/`));
      // Sanity: the profiler did see the page's own (much larger) editor script.
      expect(selfTime(profile, '/_fixtures/dist/ckeditor5.js')).toBeGreaterThan(1);
      await page.close();
    }
    runs.sort((a, b) => a - b);
    figures.loadMainThreadMs = runs;
    expect(runs[2], `median of ${runs.join(', ')} ms`).toBeLessThanOrEqual(15);
  });

  it('typing into a 2,000-word draft: no long task (> 50 ms); underlines ≤ 300 ms after the pause', async () => {
    const page: Page = await browser.context.newPage();
    await page.goto(fixtureUrl('app.frontapp.com', '/open/cnv_perf'));
    await waitForFixture(page);
    await page.evaluate((t) => (window as any).__fixture.editors[0].setText(t), longDraft());
    await focusEditorEnd(page);
    await page.keyboard.type(' Ok.');
    await waitForFindings(page, (f) => f.length >= 5, 10_000);
    await page.evaluate(() => {
      const w = window as any;
      w.__longTasks = [];
      new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      // In-page latency: last keydown → the shadow host's findings include a new finding.
      w.__lastKey = 0;
      document.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
      w.__latencies = [];
      const host = document.querySelector('attune-ui')!;
      let seen = (JSON.parse(host.getAttribute('data-attune-findings')!) as unknown[]).length;
      new MutationObserver(() => {
        const n = (JSON.parse(host.getAttribute('data-attune-findings')!) as unknown[]).length;
        if (n > seen) w.__latencies.push(performance.now() - w.__lastKey);
        seen = n;
      }).observe(host, { attributes: true, attributeFilter: ['data-attune-findings'] });
    });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.type(' Please calm down.', { delay: 40 });
      await page.waitForTimeout(700);
    }
    const { longTasks, latencies } = await page.evaluate(() => ({ longTasks: (window as any).__longTasks as number[], latencies: (window as any).__latencies as number[] }));
    const sorted = [...latencies].sort((a, b) => a - b);
    figures.longTasksWhileTyping2000Words = longTasks.map(Math.round);
    figures.underlineLatencyMs = sorted.map(Math.round);
    expect(latencies.length).toBe(5);
    expect(longTasks, 'long tasks (ms)').toEqual([]);
    expect(sorted[2], `median of ${sorted.map(Math.round).join(', ')} ms`).toBeLessThanOrEqual(300);
    await page.close();
  });
});
