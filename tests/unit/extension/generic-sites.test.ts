import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentScriptFiles,
  disableSite,
  enableSite,
  isSupportedHelpdesk,
  originOf,
  REGISTRATION_PREFIX,
  syncGenericSites,
} from '../../../lib/extension/generic-sites';
import { getSettings, updateSettings } from '../../../lib/extension/settings';

/** A tiny stand-in for scripting + permissions (fakeBrowser does not implement them). */
function stubBrowser(granted: Set<string>) {
  const registered = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const b = fakeBrowser as any;
  b.runtime.getManifest = () => ({
    content_scripts: [{ matches: ['https://*.zendesk.com/*'], js: ['content-scripts/content.js'] }],
  });
  b.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)));
  b.permissions.remove = vi.fn(async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.delete(o)), true));
  b.scripting.getRegisteredContentScripts = vi.fn(async () => [...registered.values()]);
  b.scripting.registerContentScripts = vi.fn(async (scripts: any[]) => {
    for (const s of scripts) {
      if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.set(s.id, s);
    }
  });
  b.scripting.unregisterContentScripts = vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)));
  b.scripting.executeScript = vi.fn(async () => []);
  b.scripting.insertCSS = vi.fn(async () => undefined);
  return registered;
}

beforeEach(() => fakeBrowser.reset());

describe('generic sites', () => {
  it('knows origins and supported helpdesks from the manifest', () => {
    stubBrowser(new Set());
    expect(originOf('https://support.acme.com/tickets/4?x=1')).toBe('https://support.acme.com');
    expect(originOf('chrome://extensions')).toBeUndefined();
    expect(isSupportedHelpdesk('https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(isSupportedHelpdesk('https://support.acme.com/')).toBe(false);
    expect(contentScriptFiles()).toEqual({ js: ['content-scripts/content.js'], css: [] });
  });

  it('registers the content script for an enabled origin with permission, and injects into the tab', async () => {
    const registered = stubBrowser(new Set(['https://support.acme.com/*']));
    await enableSite('https://support.acme.com', 7);
    expect((await getSettings()).enabledOrigins).toEqual(['https://support.acme.com']);
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: REGISTRATION_PREFIX + 'https://support.acme.com',
        matches: ['https://support.acme.com/*'],
        js: ['content-scripts/content.js'],
      }),
    ]);
    expect((fakeBrowser as any).scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['content-scripts/content.js'] });
    // Syncing again (e.g. on startup) does not register twice.
    await syncGenericSites();
    expect(registered.size).toBe(1);
  });

  it('does not register an origin whose permission was not granted', async () => {
    const registered = stubBrowser(new Set());
    await updateSettings({ enabledOrigins: ['https://support.acme.com'] });
    await syncGenericSites();
    expect(registered.size).toBe(0);
  });

  it('turning a site off removes the registration and gives back the permission', async () => {
    const granted = new Set(['https://support.acme.com/*', 'https://other.example/*']);
    const registered = stubBrowser(granted);
    await enableSite('https://support.acme.com');
    await enableSite('https://other.example');
    expect(registered.size).toBe(2);
    await disableSite('https://support.acme.com');
    expect([...registered.keys()]).toEqual([REGISTRATION_PREFIX + 'https://other.example']);
    expect(granted.has('https://support.acme.com/*')).toBe(false);
    expect((await getSettings()).enabledOrigins).toEqual(['https://other.example']);
  });

  it('leaves other extensions-registered scripts alone', async () => {
    const registered = stubBrowser(new Set());
    registered.set('someone-else', { id: 'someone-else', matches: ['https://x.example/*'], js: ['x.js'] });
    await syncGenericSites();
    expect([...registered.keys()]).toEqual(['someone-else']);
  });
});
