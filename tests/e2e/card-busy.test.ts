/**
 * The card while an Apply waits (issue 7): on ProseMirror (Intercom's composer) an Apply right after an edit first
 * waits out prosemirror-history's merge window (lib/editors/merge-window.ts, about 0.55 s), and the card used to
 * vanish at the click with nothing changed for that long. Now it stays, `aria-busy`, with a status naming the
 * suggestion being applied, until the edit lands; then it closes and the draft holds the suggestion. Real
 * Chromium with the built extension, on the Intercom fixture.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyze } from '../../lib/analysis';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';
import { fixtureUrl, focusEditorEnd, launchBrowser, modelText, screenshot, waitForFixture, type LaunchedBrowser } from './harness';
import { HELPDESK_FIXTURES, cardOpen, pageFindings, waitForFindings } from './in-page-helpers';

const DRAFT = 'Please calm down, as I already said that is our policy.';
const intercom = HELPDESK_FIXTURES.find((f) => f.id === 'intercom')!;

let browser: LaunchedBrowser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

it('an Apply that waits out the merge window: the card says it is applying (aria-busy, a status) until the edit lands', async () => {
  expect(intercom.editor).toBe('prosemirror');
  const page = await browser.context.newPage();
  await page.goto(fixtureUrl(intercom.host, intercom.path));
  await waitForFixture(page);
  await focusEditorEnd(page);
  await page.keyboard.type(DRAFT);
  const calm = (await waitForFindings(page, (f) => f.some((x) => x.ruleId === 'invalidating/calm-down'))).find((x) => x.ruleId === 'invalidating/calm-down')!;
  // Open the card by a click (the caret stays in the editor), then edit once more at the draft's end and take it
  // back (the draft is again the text analysed, so the card stays): the Apply that follows at once must wait out
  // the window after that Backspace.
  await page.mouse.click(calm.rects[0].left + calm.rects[0].width / 2, calm.rects[0].top + calm.rects[0].height / 2);
  await expect.poll(() => cardOpen(page)).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('!');
  await page.keyboard.press('Backspace');
  const before = await modelText(page);
  expect(before).toBe(DRAFT);
  expect(before).toContain('calm down');

  const seen = await page.evaluate(async () => {
    const root = document.querySelector('attune-ui')!.shadowRoot!;
    (root.querySelector('[data-action="apply"]') as HTMLElement).click();
    // The next frames: the card re-rendered busy while the bridge waits.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const dialog = root.querySelector('[role="dialog"]');
    const status = dialog?.querySelector('[role="status"]');
    return {
      busy: dialog?.getAttribute('aria-busy') ?? null,
      status: status?.textContent ?? null,
      applying: dialog?.querySelector('[data-applying]')?.textContent ?? null,
      editorText: document.querySelector('.ProseMirror')!.textContent,
    };
  });
  await screenshot(page, 'card-busy-applying');
  const core = analyze(before, bundledPhrasebank).findings.find((f) => f.ruleId === 'invalidating/calm-down')!;
  expect(seen.busy).toBe('true');
  expect(seen.applying).toBe(core.suggestions[0]);
  expect(seen.status).toBe(`Applying “${core.suggestions[0]}”…`);
  expect(seen.editorText, 'still waiting: nothing replaced yet').toContain('calm down');

  // Then the edit lands, exactly the core's fix, and the card closes.
  const fix = core.fixes[0];
  const want = before.slice(0, fix.start) + fix.text + before.slice(fix.end);
  await expect.poll(() => modelText(page), { timeout: 3000 }).toBe(want);
  await expect.poll(() => cardOpen(page)).toBe(false);
  expect((await pageFindings(page)).some((f) => f.ruleId === 'invalidating/calm-down' && f.start === core.start)).toBe(false);
  await page.close();
});
