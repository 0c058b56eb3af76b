/**
 * The organisation layer with REAL managed storage: the test writes a Chromium policy file
 * (/etc/chromium/policies/managed/attune-e2e-<pid>.json) addressed to THIS build's extension id only (an
 * unpacked extension's id comes from its path, so other worktrees' builds are untouched), launches Chromium,
 * and checks what an agent and a lead see: two pinned packs, a locked category that stays on in the analysis
 * and shows "Set by your organisation", and a personal change of a locked rule listed as a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOptions, popupRules, storedValue } from './extension-pages';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { harnessConfig, launchBrowser, screenshot, type LaunchedBrowser } from './harness';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';

declare const chrome: any;

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/attune-e2e-${process.pid}.json`;

/** Chromium's id for an unpacked extension: the first 32 hex digits of SHA-256(absolute path), 0-f written a-p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(realpathSync(path)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** An organisation pack written for this test (the shape `attune phrasebank pack` produces). */
function orgPack(category: string, title: string, id: string, phrase: string, flag: string, pass: string) {
  return {
    version: 1,
    categories: [{ category, title, why: 'How Acme wants replies to sound.', kind: 'dismissive', file: `${category}.yml` }],
    rules: [
      {
        ruleId: `${category}/${id}`, id, category, match: [phrase], unless: [], severity: 'medium',
        why: 'Acme answers for its own decisions.', suggest: ['I can explain how we decided this.'],
        examples: { flag: [flag], pass: [pass] },
      },
    ],
    signals: [],
    renames: {},
  };
}
const TONE = orgPack('acme-tone', 'Acme tone', 'head-office', 'head office decided', 'Head office decided that, sorry.', 'I called the office today.');
const BILLING = orgPack('acme-billing', 'Acme billing', 'per-the-ledger', 'per the ledger', 'Per the ledger, you owe the fee.', 'I updated the ledger for you.');

const LOCKED_RULE = 'invalidating/calm-down';

let b: LaunchedBrowser;
let expectedId = '';
beforeAll(async () => {
  expectedId = unpackedExtensionId(harnessConfig().extensionPath);
  mkdirSync(POLICY_DIR, { recursive: true });
  const policy = {
    pinnedPacks: [
      { name: 'Acme tone', pack: JSON.stringify(TONE) },
      { name: 'Acme billing', pack: JSON.stringify(BILLING) },
    ],
    lockedCategories: ['invalidating', 'acme-tone'],
    lockedRules: ['acme-billing/per-the-ledger'],
  };
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [expectedId]: policy } } }));
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  rmSync(POLICY_FILE, { force: true });
});

const local = (values: Record<string, unknown>) => b.serviceWorker!.evaluate((v) => chrome.storage.local.set(v), values);
const stored = (key: string) => storedValue(b, key);

describe('organisation policy (real Chromium managed storage)', () => {
  it('Chromium hands the policy to this build: the id matches and every declared key arrives', async () => {
    expect(b.extensionId).toBe(expectedId);
    const managed = await b.serviceWorker!.evaluate(() => chrome.storage.managed.get(null));
    // Keys the schema does not declare are dropped by Chromium, so this also checks public/managed_schema.json.
    expect(Object.keys(managed).sort()).toEqual(['lockedCategories', 'lockedRules', 'pinnedPacks']);
    expect(managed.pinnedPacks.map((p: { name: string }) => p.name)).toEqual(['Acme tone', 'Acme billing']);
  });

  it('both pinned packs are used, and a locked rule is flagged even though the agent turned it off', async () => {
    await local({ settings: { enabled: true, disabledRules: [LOCKED_RULE, 'invalidating/relax'], ignoredPhrases: [], disabledHosts: [], enabledOrigins: [], sendCheckHosts: [] } });
    const rules = await popupRules(b, 'Please calm down. Head office decided that. Per the ledger, you owe the fee.');
    expect(rules).toEqual(expect.arrayContaining([LOCKED_RULE, 'acme-tone/head-office', 'acme-billing/per-the-ledger']));
  });

  it('the phrasebank shows locked switches as "Set by your organisation"; keyboard and clicks leave them on', async () => {
    const page = await openOptions(b, '');
    await page.fill('#rule-search', 'calm down');
    const category = page.locator('details.category-block[data-category="invalidating"]');
    expect(await category.locator('[data-testid="category-locked"]').textContent()).toContain('Set by your organisation');
    const card = page.locator(`article[data-rule-id="${LOCKED_RULE}"]`);
    await card.waitFor();
    expect(await card.getAttribute('class')).not.toContain('off'); // on, although settings say off
    const box = card.locator('.toggle input');
    expect(await box.isChecked()).toBe(true);
    expect(await box.getAttribute('aria-disabled')).toBe('true');
    expect(await card.locator('.toggle').textContent()).toContain('Set by your organisation');
    // Reachable by keyboard (not disabled), and Space does not switch it.
    await page.locator('#rule-search').focus();
    let focusedLocked = false;
    for (let i = 0; i < 60 && !focusedLocked; i++) {
      await page.keyboard.press('Tab');
      focusedLocked = await page.evaluate((id) => document.activeElement === document.querySelector(`article[data-rule-id="${id}"] .toggle input`), LOCKED_RULE);
    }
    expect(focusedLocked).toBe(true);
    await page.keyboard.press('Space');
    await box.click({ force: true }); // playwright waits for "enabled"; a person can still click it
    expect(await box.isChecked()).toBe(true);
    expect((await stored('settings')).disabledRules).toEqual([LOCKED_RULE, 'invalidating/relax']);
    await screenshot(page, 'org-policy-phrasebank-light');
    // Organisation rules say where they come from.
    await page.fill('#rule-search', 'head office');
    expect(await page.locator('article[data-rule-id="acme-tone/head-office"] [data-testid="rule-source"]').textContent()).toBe('Organisation: Acme tone');
    await page.close();
    const dark = await openOptions(b, '', 'dark');
    await dark.fill('#rule-search', 'calm down');
    await dark.locator(`article[data-rule-id="${LOCKED_RULE}"]`).waitFor();
    await screenshot(dark, 'org-policy-phrasebank-dark');
    await dark.close();
  });

  it("a personal version of a locked rule, chosen by the lead, is listed as a conflict with the rule explained and isn't used", async () => {
    const calm = bundledPhrasebank.rules.find((r) => r.ruleId === LOCKED_RULE)!;
    const category = bundledPhrasebank.categories.find((c) => c.category === calm.category)!;
    // A personal layer that narrows the rule to a phrase nobody writes (as good as switching it off).
    const personal = { ...calm, match: ['calm down right this minute please'], examples: { flag: ['Calm down right this minute please.'], pass: ['Please calm down.', 'Stay calm.'] } };
    await local({
      packs: [{ name: 'My rules', layer: 'personal', importedAt: new Date().toISOString(), phrasebank: { version: 1, categories: [category], rules: [personal], signals: [], renames: {} } }],
      ruleChoices: { [LOCKED_RULE]: 'My rules' },
    });
    expect(await popupRules(b, 'Please calm down.')).toContain(LOCKED_RULE);
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openOptions(b, '#studio', scheme);
      const table = page.locator('[data-testid="studio-conflicts"]');
      const row = table.locator(`tr[data-rule-id="${LOCKED_RULE}"][data-reason="locked"]`);
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('Attune (built in)');
      expect(text).toContain('My rules');
      expect(text).toContain('locked by your organisation');
      expect(text).toContain('You chose “My rules”; the organisation’s policy overrules that choice.');
      expect(text).toContain(calm.why); // the rule explained, not only its id
      expect(await row.locator('button').count()).toBe(0); // no "use this version" against a lock
      // The agent's own switch for a locked rule is a conflict too.
      expect(await table.locator(`tr[data-rule-id="${LOCKED_RULE}"][data-reason="locked-switch"]`).textContent()).toContain('Your switch: off');
      expect(await page.locator('[data-testid="org-policy"]').textContent()).toContain('Acme tone, Acme billing');
      await page.locator('[data-testid="rule-sources"]').scrollIntoViewIfNeeded();
      await screenshot(page, `org-policy-conflicts-${scheme}`);
      await page.close();
    }
  });
});
