/**
 * Apply on the evidence fixtures (tests/fixtures/hosts/, ../shared/notes/helpdesks.md), in real Chromium, with
 * lib/editors injected into the page and the page-world helper installed as the extension's MAIN-world script
 * installs it: Salesforce's CKEditor 4 two frames deep (where the helper is absent, as in a frame rewritten by
 * document.write), Help Scout's Slate 0.47, Gorgias's Draft.js form, and Zendesk's CKEditor 5.
 * - Each new path on its own lands exactly the edit, and one real Ctrl+Z undoes it.
 * - On Zendesk the bridge's first path, CKEditor 5's model from the page world, is the one taken.
 * - A seeded randomized apply/undo run per host never corrupts a draft. ATTUNE_HOST_OPS sets the count per host
 *   (default 200: about 50 s for the four); a quick local run:
 *   `ATTUNE_HOST_OPS=40 npx vitest run --project e2e tests/e2e/editors-hosts.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, injectEditorsBundle, launchBrowser, openFixture, pressUndo, type LaunchedBrowser } from './harness';
import { randomDraft, randomReplacement, randomSpan, seededRandom } from './random-drafts';

const OPS = Number(process.env.ATTUNE_HOST_OPS ?? 200);

interface Host { name: string; host: string; path: string; kind: string; paths: string[] }
const HOSTS: Host[] = [
  { name: 'Salesforce (CKEditor 4, two frames deep)', host: 'acme.lightning.force.com', path: '/lightning/r/Case/500Nested0000001/view', kind: 'ckeditor4', paths: ['execCommand', 'paste'] },
  { name: 'Help Scout (Slate 0.47)', host: 'secure.helpscout.net', path: '/conversation/2231/5', kind: 'slate', paths: ['beforeinput', 'paste'] },
  { name: 'Gorgias (Draft.js)', host: 'acme.gorgias.com', path: '/app/ticket/9001', kind: 'draftjs', paths: ['textInput', 'paste'] },
  { name: 'Zendesk (CKEditor 5)', host: 'acme.zendesk.com', path: '/agent/tickets/1234', kind: 'ckeditor5', paths: ['ckeditor5-model', 'beforeinput', 'paste'] },
];

type W = Window & {
  __fixture: { editors: { element: HTMLElement; getText(): string; setText(t: string): unknown }[] };
  __attuneEditors: typeof import('../../lib/editors/index') & { safeReplace: typeof import('../../lib/editors/replace').safeReplace };
};

const norm = (t: string) => t.replace(/\u00a0/g, ' ').replace(/[\u200b\u2060\ufeff]/g, '');

let browser: LaunchedBrowser;
beforeAll(async () => { browser = await launchBrowser({ extension: false }); });
afterAll(async () => { await browser?.close(); });

async function open(spec: Host, errors: string[]): Promise<Page> {
  const page = await openFixture(browser.context, fixtureUrl(spec.host, spec.path));
  page.on('pageerror', (e) => errors.push(e.message));
  await injectEditorsBundle(page);
  return page;
}

async function read(page: Page): Promise<{ model: string; bridge: string; kind: string | null }> {
  const s = await page.evaluate(() => {
    const w = window as unknown as W;
    const el = w.__fixture.editors[0].element;
    const b = w.__attuneEditors.bridgeFor(el);
    return { model: w.__fixture.editors[0].getText(), bridge: b ? b.read().text : '', kind: b ? b.kind : null };
  });
  return { ...s, model: norm(s.model) };
}

/** Poll until the model and the bridge's read both show `want` (editors render a tick later); the last state read. */
async function settles(page: Page, want: string, ms = 1_000) {
  const deadline = Date.now() + ms;
  let s = await read(page);
  while ((s.model !== want || s.bridge !== want) && Date.now() < deadline) {
    await page.waitForTimeout(20);
    s = await read(page);
  }
  return s;
}

/** Load `draft` through the fixture's model API; resolves to the draft as the editor holds it (bullets may render as list items). */
async function load(page: Page, draft: string): Promise<string> {
  await page.evaluate((t) => (window as unknown as W).__fixture.editors[0].setText(t), draft);
  let s = await read(page);
  for (let last = ''; s.bridge !== s.model || s.model !== last || !s.model; ) {
    last = s.model;
    await page.waitForTimeout(40);
    s = await read(page);
  }
  return s.model;
}

/** Replace through the bridge (its own path chain), or through one path alone when `only` is given. */
function apply(page: Page, start: number, end: number, expected: string, replacement: string, only?: string) {
  return page.evaluate(async ({ start, end, expected, replacement, only }) => {
    const w = window as unknown as W;
    const el = w.__fixture.editors[0].element;
    const bridge = w.__attuneEditors.bridgeFor(el)!;
    if (!only) return bridge.replace(start, end, expected, replacement);
    return w.__attuneEditors.safeReplace({ element: bridge.element, read: bridge.read, insert: only as 'paste', undo: 'keydown' }, start, end, expected, replacement);
  }, { start, end, expected, replacement, only });
}

describe.each(HOSTS)('$name', (spec) => {
  test.each(spec.paths.filter((p) => p !== spec.paths[0] || spec.kind === 'ckeditor5'))('the %s path alone: exactly the edit, one Ctrl+Z undoes it', async (path) => {
    const errors: string[] = [];
    const page = await open(spec, errors);
    await load(page, 'Hi Sam,\nPlease calm down, that is our policy.\nBest, Jo');
    const before = await read(page);
    expect(before.kind).toBe(spec.kind);
    expect(before.bridge).toBe(before.model);
    const phrase = 'calm down';
    const at = before.bridge.indexOf(phrase);
    const want = before.bridge.slice(0, at) + 'I hear you 🙂' + before.bridge.slice(at + phrase.length);
    expect(await apply(page, at, at + phrase.length, phrase, 'I hear you 🙂', path)).toEqual({ ok: true });
    expect(await settles(page, want)).toMatchObject({ model: want, bridge: want });
    await pressUndo(page);
    expect(await settles(page, before.model)).toMatchObject({ model: before.model, bridge: before.model });
    expect(errors).toEqual([]);
    await page.close();
  });

  if (spec.kind === 'ckeditor5') {
    test("the bridge's first path, CKEditor 5's model from the page world, is the one taken", async () => {
      const page = await open(spec, []);
      await load(page, 'Please calm down.');
      await page.evaluate(() => {
        const w = window as unknown as W & { __taken: boolean[] };
        w.__taken = [];
        // Bubble phase on window: after the page-world helper's capture listener decided.
        window.addEventListener('attune:page-apply', (e) => w.__taken.push(e.defaultPrevented));
      });
      const before = await read(page);
      const at = before.bridge.indexOf('calm down');
      expect(await apply(page, at, at + 9, 'calm down', 'I hear you')).toEqual({ ok: true });
      expect(await page.evaluate(() => (window as unknown as { __taken: boolean[] }).__taken)).toEqual([true]);
      await page.close();
    });
  }

  test(`seeded random applies with real Ctrl+Z undos never corrupt the draft (${OPS})`, async () => {
    const errors: string[] = [];
    const page = await open(spec, errors);
    const rand = seededRandom(4242 + HOSTS.indexOf(spec));
    const bad: string[] = [];
    let applied = 0;
    let undone = 0;
    for (let op = 0; op < OPS && !bad.length; op++) {
      if (op % 20 === 0) {
        expect(await load(page, randomDraft(rand))).not.toBe('');
      }
      const before = await read(page);
      const span = randomSpan(rand, before.bridge);
      if (!span) continue;
      const expected = before.bridge.slice(span.start, span.end);
      const replacement = randomReplacement(rand);
      if (expected === replacement) continue;
      const want = before.bridge.slice(0, span.start) + replacement + before.bridge.slice(span.end);
      const label = `${spec.kind} op ${op} [${span.start},${span.end}) ${JSON.stringify(expected)} → ${JSON.stringify(replacement)}`;
      const result = await apply(page, span.start, span.end, expected, replacement);
      const after = await settles(page, result.ok ? want : before.model, 600);
      if (!result.ok || after.model !== want || after.bridge !== want) {
        bad.push(`${label}: ${JSON.stringify(result)}\n  want  ${JSON.stringify(want)}\n  model ${JSON.stringify(after.model)}\n  read  ${JSON.stringify(after.bridge)}`);
        break;
      }
      applied++;
      if (rand() < 0.4) {
        await pressUndo(page);
        const restored = await settles(page, before.model);
        undone++;
        if (restored.model !== before.model) bad.push(`${label} undo: want ${JSON.stringify(before.model)}, model ${JSON.stringify(restored.model)}`);
      }
    }
    console.log(`[editors-hosts] ${spec.host} (${spec.kind}): ${applied} applied, ${undone} Ctrl+Z checked, ${bad.length} failed`);
    expect(bad).toEqual([]);
    expect(errors).toEqual([]);
    expect(applied).toBeGreaterThanOrEqual(OPS * 0.9);
    await page.close();
  });
});
