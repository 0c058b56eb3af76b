/**
 * Sites the agent turns Attune on for (outside the supported helpdesks): an optional host permission,
 * the origin in settings.enabledOrigins, and a dynamically registered content script for that origin.
 */
import { browser, MatchPattern } from '#imports';
import { getSettings, settingsItem, updateSettings } from './settings';

/** Registration ids start with this so other dynamic scripts are left alone. */
export const REGISTRATION_PREFIX = 'attune-generic:';

/** `https://support.acme.com/tickets/1` → `https://support.acme.com`; undefined for non-web URLs. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The match pattern covering every page of an origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The content scripts declared in the manifest (the in-page engineer's build output). */
function manifestContentScripts(): { matches?: string[]; js?: string[]; css?: string[] }[] {
  return ((browser.runtime.getManifest() as any).content_scripts ?? []) as { matches?: string[]; js?: string[]; css?: string[] }[];
}

/** True when a URL is on a helpdesk the extension supports out of the box (a manifest content-script match). */
export function isSupportedHelpdesk(url: string | undefined): boolean {
  if (!url || !originOf(url)) return false;
  return manifestContentScripts().some((cs) =>
    (cs.matches ?? []).some((m) => {
      try {
        return new MatchPattern(m).includes(url);
      } catch {
        return false;
      }
    }),
  );
}

/** The js/css files of the manifest's content scripts, to register for generic sites. */
export function contentScriptFiles(): { js: string[]; css: string[] } {
  const all = manifestContentScripts();
  return {
    js: [...new Set(all.flatMap((cs) => cs.js ?? []))],
    css: [...new Set(all.flatMap((cs) => cs.css ?? []))],
  };
}

/**
 * Asks the browser for access to `origin`. MUST be called synchronously inside a user's click handler
 * (before any await), or the browser refuses.
 */
export function requestSitePermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

/** Stores the origin and registers the content script (call after the permission was granted); also injects into `tabId` now. */
export async function enableSite(origin: string, tabId?: number): Promise<void> {
  await updateSettings((s) => ({ ...s, enabledOrigins: [...new Set([...s.enabledOrigins, origin])] }));
  await syncGenericSites();
  if (tabId !== undefined) {
    const { js, css } = contentScriptFiles();
    // So the agent need not reload: run the content script in the current tab once.
    try {
      if (css.length) await browser.scripting.insertCSS({ target: { tabId }, files: css });
      if (js.length) await browser.scripting.executeScript({ target: { tabId }, files: js as any });
    } catch {
      // The next page load picks it up through the registration.
    }
  }
}

/** Forgets the origin, removes its registration and gives the permission back. */
export async function disableSite(origin: string): Promise<void> {
  await updateSettings((s) => ({ ...s, enabledOrigins: s.enabledOrigins.filter((o) => o !== origin) }));
  await syncGenericSites();
  try {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // Permissions granted at install (e.g. the e2e build) cannot be removed; the registration is gone anyway.
  }
}

/** Makes the registered content scripts match settings.enabledOrigins ∩ granted permissions. */
export async function syncGenericSites(): Promise<void> {
  const settings = await getSettings();
  const wanted = new Set<string>();
  for (const origin of settings.enabledOrigins) {
    if (!originOf(origin) || isSupportedHelpdesk(origin + '/')) continue;
    const granted = await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
    if (granted) wanted.add(origin);
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((r) => r.id.startsWith(REGISTRATION_PREFIX));
  const have = new Set(registered.map((r) => r.id.slice(REGISTRATION_PREFIX.length)));
  const stale = registered.filter((r) => !wanted.has(r.id.slice(REGISTRATION_PREFIX.length))).map((r) => r.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const { js, css } = contentScriptFiles();
  const add = [...wanted].filter((o) => !have.has(o));
  if (add.length && js.length) {
    await browser.scripting.registerContentScripts(
      add.map((origin) => ({
        id: REGISTRATION_PREFIX + origin,
        matches: [originPattern(origin)],
        js,
        ...(css.length ? { css } : {}),
        allFrames: false, // like the static content script: the top frame reaches into same-origin editor iframes
        runAt: 'document_idle' as const,
        persistAcrossSessions: false,
      })),
    );
  }
}

let serialised: Promise<void> = Promise.resolve();
/** Runs syncGenericSites one at a time (settings changes can arrive in bursts). */
function queueSync(): Promise<void> {
  serialised = serialised.then(syncGenericSites).catch((e) => console.warn('[attune] generic sites:', e));
  return serialised;
}

/** Background: register on startup, and again whenever settings or permissions change. */
export function startGenericSites(): void {
  void queueSync();
  settingsItem.watch(() => void queueSync());
  browser.permissions.onAdded?.addListener(() => void queueSync());
  browser.permissions.onRemoved?.addListener(() => void queueSync());
}
