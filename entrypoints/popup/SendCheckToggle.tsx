/** Per-site switch for the soft check before sending (off by default; the organisation's policy can turn it on for the agent). */
import { useEffect, useState } from 'preact/hooks';
import { isSupportedHelpdesk, originOf } from '../../lib/extension/generic-sites';
import { getSendCheckPolicy, sendCheckSource, setSendCheck } from '../../lib/extension/send-check-settings';
import type { Settings } from '../../lib/extension/settings';
import type { ActiveTab } from './App';

export function SendCheckToggle({ tab, settings }: { tab: ActiveTab; settings: Settings }) {
  const [policy, setPolicy] = useState<string[] | undefined>();
  useEffect(() => {
    getSendCheckPolicy().then(setPolicy, () => setPolicy([]));
  }, []);
  const origin = originOf(tab.url);
  if (!origin || policy === undefined) return null;
  const host = new URL(origin).hostname;
  const runsHere = isSupportedHelpdesk(tab.url) ? !settings.disabledHosts.includes(host) : settings.enabledOrigins.includes(origin);
  if (!runsHere || !settings.enabled) return null;
  const source = sendCheckSource(settings, policy, host);
  return (
    <section class="card send-check" aria-label="Check before sending">
      <label class="check-row">
        <input
          type="checkbox"
          data-testid="send-check"
          checked={source !== 'off'}
          disabled={source === 'organisation'}
          onChange={(e) => void setSendCheck(host, (e.target as HTMLInputElement).checked)}
        />
        Ask before sending a reply that still has strong phrasing
      </label>
      <p class="muted small">
        {source === 'organisation'
          ? 'Turned on by your organisation. “Send anyway” always sends.'
          : 'A short prompt on Send (or Ctrl/⌘+Enter) lists what is still flagged; Enter sends anyway, Esc goes back.'}
      </p>
    </section>
  );
}
