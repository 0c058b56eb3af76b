/** The toolbar popup: this page's composers, the site switch, and a "check a draft" box. */
import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { updateSettings } from '../../lib/extension/settings';
import { Logo } from '../../lib/ui/Logo';
import { useSettings } from '../../lib/ui/useSettings';
import { DraftChecker } from './DraftChecker';
import { PageComposers } from './PageComposers';
import { SiteToggle } from './SiteToggle';
import { SendCheckToggle } from './SendCheckToggle';

export interface ActiveTab {
  id?: number;
  url?: string;
}

/**
 * The tab the popup is about: `?tabId=` (and optionally `&url=`, for when the browser hides the tab's URL)
 * when opened as a page, e.g. by tests; otherwise the active tab.
 */
async function findTab(): Promise<ActiveTab | undefined> {
  const params = new URLSearchParams(location.search);
  const param = params.get('tabId');
  if (param) {
    const tab = await browser.tabs.get(Number(param)).catch(() => undefined);
    return tab && { id: tab.id, url: tab.url ?? params.get('url') ?? undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
  return { id: tab.id, url: tab.url };
}

export function App() {
  const settings = useSettings();
  const [tab, setTab] = useState<ActiveTab | undefined>();
  useEffect(() => {
    findTab().then(setTab, () => setTab(undefined));
  }, []);
  const enabled = settings?.enabled ?? true;
  return (
    <div class="popup">
      <header class="popup-head">
        <div class="brand">
          <Logo size={24} />
          <h1>Attune</h1>
        </div>
        <label class="switch">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => updateSettings({ enabled: (e.target as HTMLInputElement).checked })}
          />
          <span>{enabled ? 'On' : 'Paused'}</span>
          <span class="visually-hidden"> (check replies on every site)</span>
        </label>
      </header>
      {!enabled && <p class="paused">Attune is paused everywhere. Underlines come back when you switch it on.</p>}
      {settings && tab && <SiteToggle tab={tab} settings={settings} />}
      {enabled && tab?.id !== undefined && <PageComposers tabId={tab.id} />}
      <DraftChecker host={tab?.url ? safeHost(tab.url) : undefined} />
      {/* A once-per-site choice: below the draft box, which an agent uses every time. */}
      {settings && tab && <SendCheckToggle tab={tab} settings={settings} />}
      <footer class="popup-foot">
        <button type="button" class="linkish" onClick={() => browser.runtime.openOptionsPage()}>
          Phrasebank, packs and stats
        </button>
        <span class="muted">Runs on your device. Drafts are never stored.</span>
      </footer>
    </div>
  );
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
