/**
 * The extension's own pages as the e2e tests open them: the options page on a tab, the popup's
 * "Check a draft" box, and a value in the extension's local storage. One copy for every test file.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './harness';

declare const chrome: any;

/** The options page on a tab (`#packs`, `#stats`…), at a readable size, in the given colour scheme. */
export async function openOptions(b: LaunchedBrowser, hash = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.goto(`chrome-extension://${b.extensionId}/options.html${hash}`);
  await page.waitForSelector('[role="tabpanel"]');
  return page;
}

/** The rule ids the popup's "Check a draft" box flags in `text`. */
export async function popupRules(b: LaunchedBrowser, text: string): Promise<string[]> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await page.fill('#draft', text);
  await page.waitForSelector('li.finding, .all-clear');
  const rules = await page.$$eval('li.finding', (els) => els.map((e) => e.getAttribute('data-rule-id')!));
  await page.close();
  return rules;
}

/** A value in the extension's local storage, read in its service worker. */
export function storedValue(b: LaunchedBrowser, key: string): Promise<any> {
  return b.serviceWorker!.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}
