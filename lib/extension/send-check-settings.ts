/**
 * Whether the soft check before sending is on for a site. Off by default; on where the agent turned it on
 * (`Settings.sendCheckHosts`, the popup's switch) or where the organisation did, by managed policy
 * (`storage.managed` key `sendCheckSites`: hostnames, `*.example.com`, or `*` for every site Attune runs
 * on; schema in public/managed_schema.json). The organisation's choice can't be switched off by the agent.
 */
import { browser } from 'wxt/browser';
import { updateSettings, type Settings } from './settings';

/** The managed-storage key an administrator sets. */
export const SEND_CHECK_POLICY_KEY = 'sendCheckSites';

/** Validates the policy value: a list of host patterns (anything else counts as no policy). */
export function normalizeSendCheckPolicy(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string').map((x) => x.trim().toLowerCase()).filter((x) => /^(\*|(\*\.)?[a-z0-9.-]+)$/.test(x)))];
}

/** True when a policy pattern covers `host`. */
export function policyCovers(policy: string[], host: string): boolean {
  const h = host.toLowerCase();
  return policy.some((p) => p === '*' || p === h || (p.startsWith('*.') && (h === p.slice(2) || h.endsWith(p.slice(1)))));
}

export type SendCheckSource = 'organisation' | 'agent' | 'off';

/** Who turned the check on for `host` (the organisation wins), or 'off'. */
export function sendCheckSource(settings: Pick<Settings, 'sendCheckHosts'>, policy: string[], host: string): SendCheckSource {
  if (policyCovers(policy, host)) return 'organisation';
  return settings.sendCheckHosts.includes(host.toLowerCase()) ? 'agent' : 'off';
}

/** The organisation's policy (empty when there is none, or no managed storage in this browser). */
export async function getSendCheckPolicy(): Promise<string[]> {
  try {
    const got = (await browser.storage.managed.get(SEND_CHECK_POLICY_KEY)) as Record<string, unknown>;
    return normalizeSendCheckPolicy(got?.[SEND_CHECK_POLICY_KEY]);
  } catch {
    return [];
  }
}

/** Calls `cb` with the new policy whenever the administrator changes it; returns the unsubscribe. */
export function watchSendCheckPolicy(cb: (policy: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed' && SEND_CHECK_POLICY_KEY in changes) cb(normalizeSendCheckPolicy(changes[SEND_CHECK_POLICY_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The agent's switch for one site. */
export function setSendCheck(host: string, on: boolean): Promise<Settings> {
  const h = host.trim().toLowerCase();
  return updateSettings((s) => ({
    ...s,
    sendCheckHosts: on ? [...new Set([...s.sendCheckHosts, h])] : s.sendCheckHosts.filter((x) => x !== h),
  }));
}
