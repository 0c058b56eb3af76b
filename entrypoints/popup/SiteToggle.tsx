/** Per-site switch: off/on for supported helpdesks; "turn on for this site" (optional permission) elsewhere. */
import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { disableSite, enableSite, isSupportedHelpdesk, originOf, requestSitePermission } from '../../lib/extension/generic-sites';
import { setHostDisabled, type Settings } from '../../lib/extension/settings';
import type { ActiveTab } from './App';

export function SiteToggle({ tab, settings }: { tab: ActiveTab; settings: Settings }) {
  const origin = originOf(tab.url);
  const [granted, setGranted] = useState<boolean | undefined>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!origin) return;
    browser.permissions.contains({ origins: [origin + '/*'] }).then(setGranted, () => setGranted(false));
  }, [origin, settings]);
  if (!origin) return null;
  const host = new URL(origin).hostname;

  if (isSupportedHelpdesk(tab.url)) {
    const on = !settings.disabledHosts.includes(host);
    return (
      <section class="site card" aria-label="This site">
        <div class="site-row">
          <div>
            <strong>{host}</strong>
            <p class="muted small">{on ? 'Attune checks your replies here.' : 'Attune is off on this site.'}</p>
          </div>
          <button type="button" class="btn" aria-pressed={!on} onClick={() => setHostDisabled(host, on)}>
            {on ? 'Turn off here' : 'Turn on here'}
          </button>
        </div>
      </section>
    );
  }

  const on = settings.enabledOrigins.includes(origin) && granted === true;
  const turnOn = () => {
    // The permission request must be the first thing in the click handler (user gesture).
    requestSitePermission(origin).then(
      async (ok) => {
        if (!ok) return setMessage('No problem: Attune stays off here.');
        await enableSite(origin, tab.id);
        setGranted(true);
        setMessage('On. Reload the page if your reply box is not checked yet.');
      },
      (e: Error) => setMessage(`Could not ask for access: ${e.message}`),
    );
  };
  const turnOff = async () => {
    await disableSite(origin);
    setGranted(await browser.permissions.contains({ origins: [origin + '/*'] }).catch(() => false));
    setMessage('Off. Attune no longer runs on this site.');
  };
  return (
    <section class="site card" aria-label="This site">
      <div class="site-row">
        <div>
          <strong>{host}</strong>
          <p class="muted small">{on ? 'Attune checks reply boxes on this site.' : 'Not a helpdesk Attune knows. You can turn it on here.'}</p>
        </div>
        {on ? (
          <button type="button" class="btn" onClick={turnOff}>
            Turn off for this site
          </button>
        ) : (
          <button type="button" class="btn primary" onClick={turnOn}>
            Turn on for this site
          </button>
        )}
      </div>
      {message && (
        <p class="small" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
