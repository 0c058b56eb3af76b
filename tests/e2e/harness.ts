/**
 * E2E harness: launch Debian Chromium with the built extension, open fixture pages on their real
 * hostnames (every host maps to the local server), drive editors like a user, read the editor's own
 * model, take screenshots, and inspect the server's request log (no network from the extension).
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessConfig } from './global-setup';
import type { LoggedRequest } from './server';

export type { HarnessConfig } from './global-setup';
export type { LoggedRequest } from './server';
export { HELPDESK_HOSTS, GENERIC_HOST } from './server';

let explicitConfig: HarnessConfig | undefined;

/** Use this config instead of Vitest's provided one (for scripts such as `npm run demo`). */
export function setHarnessConfig(config: HarnessConfig): void {
  explicitConfig = config;
}

/** The config global setup provided (port, extension path, screenshots folder). */
export function harnessConfig(): HarnessConfig {
  if (explicitConfig) return explicitConfig;
  const provided = inject('attuneHarness');
  if (!provided) throw new Error('harness config missing: run under the e2e Vitest project or call setHarnessConfig()');
  return provided;
}

/** `https://<host><path>`: the page is served by the local server under its real hostname. */
export function fixtureUrl(host: string, path = '/'): string {
  return `https://${host}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The conformance page for one editor kind on the generic test site. */
export function editorPageUrl(kind: string): string {
  return fixtureUrl('helpdesk.attune.test', `/editors/${kind}.html`);
}

export interface LaunchOptions {
  /** Load the built extension (default true). */
  extension?: boolean;
  /** Default true; false needs a display (e.g. under xvfb-run). */
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  viewport?: { width: number; height: number };
  /** Reuse this profile folder (an agent's browser restarted: extension installed, caches warm); kept on close. */
  profileDir?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** '' when launched without the extension. */
  extensionId: string;
  /** The extension's service worker (null without the extension). */
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

/** Chromium flags: quiet, offline-friendly, every hostname to the local server. */
export function chromiumArgs(config: HarnessConfig, withExtension: boolean): string[] {
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
    '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP * 127.0.0.1:${config.port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
  ];
  if (withExtension) args.push(`--disable-extensions-except=${config.extensionPath}`, `--load-extension=${config.extensionPath}`);
  return args;
}

/** Launch Chromium (persistent profile, so the extension loads) and find the extension's id. */
/** One browser with the built extension for a whole test file: launched before its tests, closed after them. */
export function browserPerFile(opts: LaunchOptions = {}): () => LaunchedBrowser {
  let b: LaunchedBrowser | undefined;
  beforeAll(async () => {
    b = await launchBrowser(opts);
  });
  afterAll(async () => {
    await b?.close();
  });
  return () => {
    if (!b) throw new Error('the browser is launched in beforeAll; use it inside a test');
    return b;
  };
}

export async function launchBrowser(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const config = harnessConfig();
  const withExtension = opts.extension !== false;
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'attune-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: opts.headless !== false,
    ignoreHTTPSErrors: true,
    viewport: opts.viewport ?? { width: 1100, height: 800 },
    args: [...chromiumArgs(config, withExtension), ...(opts.args ?? [])],
  });
  let serviceWorker: Worker | null = null;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close().catch(() => {});
      if (!opts.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox (Debian firefox-esr) driven over WebDriver BiDi by puppeteer-core. */
export interface LaunchedFirefox {
  browser: import('puppeteer-core').Browser;
  close(): Promise<void>;
}

/**
 * Launch headless Firefox ESR (`FIREFOX_PATH` or /usr/bin/firefox-esr). Firefox has no host-resolver rules,
 * so the e2e server is its HTTP/HTTPS proxy (CONNECT tunnels): every hostname still reaches the fixtures or
 * the sink. `extensionPath` installs an unpacked Firefox build (e.g. .output/firefox-mv2) as a temporary add-on.
 */
export async function launchFirefox(opts: { extensionPath?: string } = {}): Promise<LaunchedFirefox> {
  const { default: puppeteer } = await import('puppeteer-core');
  const port = harnessConfig().port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
    },
  });
  if (opts.extensionPath) await browser.installExtension(opts.extensionPath);
  return { browser, close: () => browser.close().catch(() => {}) };
}

/** Open a page and wait for `window.__fixture.ready` (when the page registers editors). */
export async function openFixture(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForFixture(page);
  return page;
}

/** Wait until the page's fixture editors are mounted. */
export async function waitForFixture(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => !!(window as unknown as { __fixture?: unknown }).__fixture, undefined, { timeout });
  await page.evaluate(() => (window as unknown as { __fixture: { ready: Promise<void> } }).__fixture.ready);
}

/** The editor's own model text (`__fixture.editors[index].getText()`). */
export function modelText(page: Page, index = 0): Promise<string> {
  return page.evaluate((i) => (window as unknown as { __fixture: { editors: { getText(): string }[] } }).__fixture.editors[i].getText(), index);
}

/** Click into editor `index` (at the end of its text) so that keyboard input goes there. */
export async function focusEditorEnd(page: Page, index = 0): Promise<void> {
  await page.evaluate((i) => {
    const el = (window as unknown as { __fixture: { editors: { element: HTMLElement }[] } }).__fixture.editors[i].element;
    el.focus();
    const doc = el.ownerDocument;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
      const t = el as HTMLTextAreaElement;
      t.setSelectionRange(t.value.length, t.value.length);
      return;
    }
    const range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
  }, index);
  await page.waitForTimeout(30);
}

/** Type like a user: real key events, one character at a time. */
export async function typeLikeUser(page: Page, text: string, delay = 0): Promise<void> {
  await page.keyboard.type(text, { delay });
}

/** One real Ctrl+Z. */
export async function pressUndo(page: Page): Promise<void> {
  await page.keyboard.press('Control+z');
}

/** Save a screenshot to test-results/screenshots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = harnessConfig().screenshotsDir;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

/** Inject lib/editors (built as an IIFE by tests/fixtures/build.ts) into the page's main world as `window.__attuneEditors`. */
export async function injectEditorsBundle(page: Page): Promise<void> {
  await page.addScriptTag({ url: '/_fixtures/dist/attune-editors.js' });
  await page.waitForFunction(() => !!(window as unknown as { __attuneEditors?: unknown }).__attuneEditors);
  // The page-world half of Apply, as the extension's MAIN-world content script installs it.
  await page.evaluate(() => (window as unknown as { __attuneEditors: { installPageWorld(w: Window): void } }).__attuneEditors.installPageWorld(window));
}

/** A JavaScript world of its own in a page's main frame, like an extension content script's (DOM shared, globals not). */
export interface IsolatedWorld {
  /** Evaluate `fn(arg)` (serialised as source) in the world; returns its JSON-able result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/**
 * Create an isolated world in the page's main frame (CDP `Page.createIsolatedWorld`) and, by default,
 * load the lib/editors bundle into it, so bridges can be exercised exactly as the content script runs them.
 */
export async function isolatedWorld(page: Page, opts: { withEditors?: boolean } = {}): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id, worldName: 'attune-e2e-isolated', grantUniveralAccess: false,
  })) as { executionContextId: number };
  const run = async (expression: string) => {
    const res = (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (res.exceptionDetails) throw new Error(`isolated world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value;
  };
  if (opts.withEditors !== false) {
    const bundle = readFileSync(join(harnessConfig().root, 'tests/fixtures/dist/attune-editors.js'), 'utf8');
    await run(`${bundle};\nvoid 0`);
    await run('typeof __attuneEditors');
  }
  return {
    evaluate: async (fn, arg) => run(`(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`) as never,
  };
}

/** Every request the server has seen (fixtures, missing files, sink), oldest first. */
export async function requestLog(): Promise<LoggedRequest[]> {
  const res = await fetch(`http://127.0.0.1:${harnessConfig().port}/__attune/log`);
  return (await res.json()) as LoggedRequest[];
}

/** Forget the requests logged so far. */
export async function clearRequestLog(): Promise<void> {
  await fetch(`http://127.0.0.1:${harnessConfig().port}/__attune/clear`);
}

/**
 * Chromium's own service endpoints (update checks and the like), which can fire despite the flags above.
 * They come from the browser, not the extension, so they are reported separately and do not fail tests.
 */
export const BROWSER_SERVICE_HOSTS = [
  // Chromium: component/extension updaters, safe browsing and friends.
  /\.googleapis\.com$/, /\.gvt1\.com$/, /^clients\d*\.google\.com$/, /^accounts\.google\.com$/, /^www\.google\.com$/,
  // Firefox: remote settings, captive-portal detection, telemetry, add-on blocklists.
  /(^|\.)mozilla\.(com|net|org)$/, /(^|\.)firefox\.com$/, /(^|\.)mozaws\.net$/,
];

/** Requests that reached the sink (a host that is not a fixture), minus the browser's own service calls. */
export function sinkRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => r.kind === 'sink' && !BROWSER_SERVICE_HOSTS.some((re) => re.test(r.host)));
}

/**
 * Requests an extension made, wherever they went: its Origin or Referer is an extension page, or (for a
 * host it holds permission for, where Chrome sends no Origin) a fetch no page initiated
 * (`Sec-Fetch-Site: none` that is not a navigation).
 */
export function extensionRequests(log: LoggedRequest[]): LoggedRequest[] {
  const extensionUrl = (v?: string) => !!v && /^(chrome|moz)-extension:\/\//.test(v);
  const unprompted = (r: LoggedRequest) => r.kind !== 'sink' && r.site === 'none' && !!r.dest && r.dest !== 'document';
  return log.filter((r) => extensionUrl(r.origin) || extensionUrl(r.referer) || unprompted(r));
}

/**
 * Fail if the extension made any request, anything reached the sink, or a page asked a fixture host for a
 * file that is not there (pages only load their own fixture assets). A test navigating to a page that has
 * no fixture is the test's business, not a stray request; `allowMissing` matches other paths that may 404.
 */
export async function assertNoStrayRequests(allowMissing: RegExp = /\/favicon\.ico$/): Promise<void> {
  const log = await requestLog();
  const missing = log.filter((r) => r.kind === 'missing' && r.dest !== 'document' && !allowMissing.test(r.path));
  const stray = [...new Set([...extensionRequests(log), ...sinkRequests(log), ...missing])];
  if (stray.length) {
    throw new Error(`unexpected requests:\n${stray.map((r) => `${r.method} ${r.scheme}://${r.host}${r.path} (${r.kind}${r.origin ? `, origin ${r.origin}` : ''})`).join('\n')}`);
  }
}

/**
 * Turn Attune on for `origin` the way the popup's site toggle does: add it to `enabledOrigins` in the
 * settings item (`local:settings`) from the service worker. The e2e build already holds the host
 * permission for https://helpdesk.attune.test (standing in for the agent's grant).
 */
export async function enableGenericSite(serviceWorker: Worker, origin = 'https://helpdesk.attune.test'): Promise<void> {
  await serviceWorker.evaluate(async (o) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
    const key = 'settings';
    const current = ((await api.storage.local.get(key))[key] ?? {}) as { enabledOrigins?: string[] };
    const defaults = { enabled: true, disabledRules: [], ignoredPhrases: [], disabledHosts: [], enabledOrigins: [] as string[] };
    const next = { ...defaults, ...current };
    if (!next.enabledOrigins.includes(o)) next.enabledOrigins = [...next.enabledOrigins, o];
    await api.storage.local.set({ [key]: next, [`${key}$`]: { v: 1 } });
  }, origin);
}
