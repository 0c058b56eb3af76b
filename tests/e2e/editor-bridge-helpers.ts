/**
 * Page-side helpers for the editor contract (editor-contract.ts) and the single editor tests (editors-special.test.ts):
 * read the editor's own model and the bridge's text, apply through the bridge, wait for an undo to land, check
 * every word's DOM range, run the page-draft random run, and run code in an isolated world. They only use
 * `page.evaluate(fn, arg)` and `page.keyboard.press`, so the Firefox run can hand them an adapted puppeteer page.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harnessConfig, pressUndo } from './harness';
import { seededRandom } from './random-drafts';

export type PageWindow = Window & {
  __fixture: { editors: { kind: string; element: HTMLElement; getText(): string; setText?(t: string): void }[]; ready: Promise<void> };
  __attuneEditors: { bridgeFor(el: HTMLElement): import('../../lib/editors/types').EditorBridge | null };
};

/** Model text as the bridge contract reads it: non-breaking spaces count as spaces. */
export const normalise = (t: string) => t.replace(/\u00a0/g, ' ');

export interface State { model: string; bridge: string; kind: string | null }

/** The editor's model, the bridge's read() and the bridge's kind, in one round trip. */
export async function state(page: Page): Promise<State> {
  const s = await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    const f = w.__fixture.editors[0];
    const bridge = w.__attuneEditors.bridgeFor(f.element);
    return { model: f.getText(), bridge: bridge ? bridge.read().text : '', kind: bridge ? bridge.kind : null };
  });
  return { ...s, model: normalise(s.model) };
}

/** bridge.replace in the page. */
export async function replace(page: Page, start: number, end: number, expected: string, replacement: string) {
  return page.evaluate(async ([s, e, x, r]) => {
    const w = window as unknown as PageWindow;
    const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element)!;
    return bridge.replace(s, e, x, r);
  }, [start, end, expected, replacement] as const);
}

/** The editor's own model text (nbsp normalised). */
export async function modelOf(page: Page): Promise<string> {
  return normalise(await page.evaluate(() => (window as unknown as PageWindow).__fixture.editors[0].getText()));
}

/** Poll the model until it equals `want` (editors may apply undo a tick later); returns the last model text. */
export async function modelSettles(page: Page, want: string, ms = 600): Promise<string> {
  const deadline = Date.now() + ms;
  let model = await modelOf(page);
  while (model !== want && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 20));
    model = await modelOf(page);
  }
  return model;
}

/** Every word of every line: the DOM range the bridge gives holds exactly that word. */
export async function rangeMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as PageWindow;
    const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element)!;
    const snap = bridge.read();
    const bad: string[] = [];
    for (const m of snap.text.matchAll(/[^\s]+/g)) {
      const range = snap.rangeFor(m.index!, m.index! + m[0].length);
      // Fillers inside a range are invisible chrome; the bridge skips them in text.
      const got = range ? range.toString().replace(/[\u200b\u2060\ufeff]/g, '').replace(/\u00a0/g, ' ') : null;
      if (got !== m[0]) bad.push(`${JSON.stringify(m[0])} -> ${JSON.stringify(got)}`);
    }
    return bad;
  });
}

/**
 * Put the caret right after the first `text` in the editor's DOM, and wait out Slate 0.47's 100 ms throttle on
 * selectionchange so its model has it.
 */
export async function caretAfter(page: Page, text: string): Promise<void> {
  await page.evaluate(async (t) => {
    const el = (window as unknown as PageWindow).__fixture.editors[0].element;
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(t);
      if (at < 0) continue;
      el.focus();
      el.ownerDocument.getSelection()!.collapse(n, at + t.length);
      break;
    }
    await new Promise((r) => setTimeout(r, 150));
  }, text);
}

// ---- the page-draft random run: short replies of single words, deletions and spaces among the replacements ----

const REPLACEMENTS = [
  'I hear you', 'I’ll sort this out today 🙂', '“right away”', '', 'thanks — really', '👍🏽 done', 'x', 'it’s on me',
  'we’ll', 'Let’s fix it together', '🎉', 'I can see why that’s frustrating', ' ', 'here’s what I’ll do:', '‘soon’',
];
const WORDS = ['refund', 'calm', 'down', 'policy', '🙂', '“Billing”', 'I’m', 'sorry', 'the', 'order', '👩🏽‍💻', 'again', 'we’ve', 'today', 'ticket'];

function wordDraft(rand: () => number): string {
  const lines: string[] = [];
  const n = 2 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    if (rand() < 0.15) { lines.push(''); continue; }
    const words: string[] = [];
    const m = 1 + Math.floor(rand() * 9);
    for (let j = 0; j < m; j++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
    lines.push(words.join(' '));
  }
  if (!lines.some((l) => l)) lines.push('calm down');
  return lines.join('\n');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Grapheme boundaries of `line` (never inside an emoji sequence or a surrogate pair). */
function boundaries(line: string): number[] {
  const out = [0];
  for (const g of graphemes.segment(line)) out.push(g.index + g.segment.length);
  return out;
}

/** A span inside one line (suggestions never cross a line), at word edges most of the time. */
function lineSpan(text: string, rand: () => number): { start: number; end: number } | null {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => ({ l, i })).filter((x) => x.l.length > 0);
  if (!candidates.length) return null;
  const { i } = candidates[Math.floor(rand() * candidates.length)];
  const line = lines[i];
  const lineStart = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  let cuts = boundaries(line);
  if (rand() < 0.7) {
    const wordCuts = cuts.filter((c) => c === 0 || c === line.length || line[c - 1] === ' ' || line[c] === ' ');
    if (wordCuts.length >= 2) cuts = wordCuts;
  }
  // Findings are never empty, so neither are spans here. (A pure insertion right where the previous one
  // ended would also merge into one undo step in Slate and Trix, exactly as their typing does.)
  const a = Math.floor(rand() * (cuts.length - 1));
  const b = Math.min(cuts.length - 1, a + 1 + Math.floor(rand() * 4));
  return { start: lineStart + cuts[a], end: lineStart + cuts[b] };
}

export interface RunStats { applied: number; rejected: string[]; corrupted: string[]; undos: number; badUndos: string[] }
export const emptyStats = (): RunStats => ({ applied: 0, rejected: [], corrupted: [], undos: 0, badUndos: [] });

/**
 * `ops` random replacements, about 40 % of them undone with a real Ctrl+Z; with `drafts`, a new word draft every
 * 25 ops (through the fixture's setText), else the page's own draft throughout. Stops at the first corruption.
 */
export async function randomRun(page: Page, kind: string, ops: number, seed: number, drafts: boolean, stats: RunStats): Promise<void> {
  const rand = seededRandom(seed);
  for (let op = 0; op < ops; op++) {
    if (drafts && op % 25 === 0) {
      const draft = wordDraft(rand);
      await page.evaluate((t) => (window as unknown as PageWindow).__fixture.editors[0].setText!(t), draft);
      expect(await modelSettles(page, draft), `${kind} setText`).toBe(draft);
      // Slate updates its model at once but renders the DOM on React's next commit: under load the bridge can
      // still read the previous draft here, and an apply from that read is (rightly) refused as stale. Start
      // each draft from a settled page, as an agent's edits always do.
      for (const deadline = Date.now() + 2_000; (await state(page)).bridge !== draft && Date.now() < deadline; ) {
        await new Promise((ok) => setTimeout(ok, 20));
      }
    }
    const before = await state(page);
    const span = lineSpan(before.bridge, rand);
    if (!span) continue;
    const replacement = REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
    const expected = before.bridge.slice(span.start, span.end);
    if (expected === replacement) continue; // never offered: nothing would change
    const want = before.bridge.slice(0, span.start) + replacement + before.bridge.slice(span.end);
    const context = JSON.stringify(`${before.bridge.slice(Math.max(0, span.start - 12), span.start)}[${expected}]${before.bridge.slice(span.end, span.end + 12)}`);
    const label = `${kind} seed ${seed} op ${op}: [${span.start},${span.end}) ${context} → ${JSON.stringify(replacement)}`;
    const result = await replace(page, span.start, span.end, expected, replacement);
    const after = await state(page);
    if (result.ok && after.model === want && after.bridge === want) stats.applied++;
    else if (!result.ok && result.reason === 'rejected' && after.model === before.model) stats.rejected.push(label);
    else {
      stats.corrupted.push(`${label}: ${JSON.stringify(result)}\n  want  ${JSON.stringify(want)}\n  model ${JSON.stringify(after.model)}\n  read  ${JSON.stringify(after.bridge)}`);
      return; // one corruption is enough to report; the draft is no longer a known state
    }
    if (result.ok && rand() < 0.4) {
      await pressUndo(page);
      const restored = await modelSettles(page, before.model);
      stats.undos++;
      if (restored !== before.model) {
        stats.badUndos.push(`${label} undo:\n  want  ${JSON.stringify(before.model)}\n  model ${JSON.stringify(restored)}`);
        return;
      }
    }
  }
}

/**
 * Run `body` (an async function body using `bridge`, the bridge of the element `editable` finds) in a fresh
 * isolated world with lib/editors loaded, as the extension's content script runs: same DOM, no page objects.
 */
export async function inIsolatedWorld(page: Page, editable: string, body: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'attune-editor-contract' });
    const bundle = readFileSync(join(harnessConfig().root, 'tests/fixtures/dist/attune-editors.js'), 'utf8');
    await cdp.send('Runtime.evaluate', { expression: bundle, contextId });
    const expression = `(async () => { const bridge = __attuneEditors.bridgeFor(${editable}); ${body} })()`;
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`isolated world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}
