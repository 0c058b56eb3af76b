/**
 * The organisation layer, read from managed storage (Chrome policy; schema in public/managed_schema.json):
 * packs pinned by the administrator (`pinnedPacks`: a list of {name, pack}, and the older single
 * `pinnedPack` / `pinnedPackName`) and what they lock (`lockedCategories`, `lockedRules`: ids an agent can't
 * switch off and no team or personal pack replaces). Light on purpose: the content script reads the locks too.
 */
import { browser } from 'wxt/browser';
import { normalizeLocks, NO_LOCKS, type Locks } from '../phrasebank/locks';

/** Every managed key the organisation layer reads (sendCheckSites is send-check-settings.ts'). */
export const ORG_POLICY_KEYS = ['pinnedPack', 'pinnedPackName', 'pinnedPacks', 'lockedCategories', 'lockedRules'] as const;

/** Most packs read from `pinnedPacks`. */
export const MAX_PINNED_PACKS = 20;

/** A pinned pack as the policy gives it: a name (may be missing) and the compiled pack (JSON text or object). */
export interface PinnedPackSource {
  name?: string;
  pack: unknown;
}

/**
 * How long a read waits for managed storage before it goes on with the last policy it knows (0: as long as it
 * takes). Right after a browser start Chrome answers `storage.managed` only after its policy service is up:
 * 4.6 s measured here with no policy at all, so the agent's first underline waited for it. The background sets
 * a short wait (background.ts), and so does the content script (its card reads the locks); the options page and
 * popup keep waiting, since they show the policy.
 */
let patienceMs = 0;
let lastKnown: Record<string, unknown> = {};
let inFlight: Promise<Record<string, unknown>> | null = null;
/** The in-flight read that already took longer than the patience: later reads don't wait for it again. */
let givenUpOn: Promise<Record<string, unknown>> | null = null;

/** Reads in this context go on without a policy that is later than `ms` (the late answer is used from then on). */
export function goOnWithoutLatePolicy(ms: number): void {
  patienceMs = ms;
}

/** The raw managed values (empty when there is no policy, or no managed storage in this browser). */
export async function readOrgPolicy(): Promise<Record<string, unknown>> {
  // Without a patience every read is fresh, as before (a read after the administrator's change sees it).
  if (patienceMs <= 0) return readManaged();
  // With one, a late read is shared rather than repeated on every analysis while Chrome's policy service starts,
  // and so is the verdict that it is late: one analysis reads the policy three times (the phrasebank's cache key,
  // the pinned packs, the locks), and waiting out the patience on each tripled it (3 × 150 ms after every wake).
  if (inFlight && inFlight === givenUpOn) return lastKnown;
  const read = inFlight ?? (inFlight = readManaged().finally(() => (inFlight = givenUpOn = null)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), patienceMs)));
  const policy = await Promise.race([read, late]);
  clearTimeout(timer);
  if (policy === null && inFlight === read) givenUpOn = read;
  return policy ?? lastKnown;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    lastKnown = ((await browser.storage.managed.get([...ORG_POLICY_KEYS])) as Record<string, unknown>) ?? {};
    return lastKnown;
  } catch {
    return {};
  }
}

/** The pinned packs in the policy's order: `pinnedPack` first (the older key), then `pinnedPacks`. */
export function pinnedPackSources(policy: Record<string, unknown>): { sources: PinnedPackSource[]; errors: string[] } {
  const sources: PinnedPackSource[] = [];
  const errors: string[] = [];
  if (policy.pinnedPack !== undefined && policy.pinnedPack !== null && policy.pinnedPack !== '') {
    sources.push({ name: typeof policy.pinnedPackName === 'string' ? policy.pinnedPackName : undefined, pack: policy.pinnedPack });
  }
  const list = policy.pinnedPacks;
  if (list !== undefined && !Array.isArray(list)) errors.push('The organisation policy’s pinnedPacks must be a list of {"name": …, "pack": …}.');
  if (Array.isArray(list)) {
    if (list.length > MAX_PINNED_PACKS) errors.push(`The organisation policy pins ${list.length} packs; the first ${MAX_PINNED_PACKS} are used.`);
    list.slice(0, MAX_PINNED_PACKS).forEach((item, i) => {
      const entry = item as { name?: unknown; pack?: unknown } | null;
      if (!entry || typeof entry !== 'object' || entry.pack === undefined || entry.pack === null || entry.pack === '') {
        errors.push(`The organisation policy’s pinnedPacks[${i}] has no pack in it.`);
        return;
      }
      sources.push({ name: typeof entry.name === 'string' ? entry.name : undefined, pack: entry.pack });
    });
  }
  return { sources, errors };
}

/** What the policy locks (nothing when there is no policy). */
export function policyLocks(policy: Record<string, unknown>): Locks {
  if (policy.lockedCategories === undefined && policy.lockedRules === undefined) return NO_LOCKS;
  return normalizeLocks(policy.lockedCategories, policy.lockedRules);
}

/** The organisation's locks, read now. */
export async function getLocks(): Promise<Locks> {
  return policyLocks(await readOrgPolicy());
}

/** Calls `cb` whenever the administrator changes any organisation key; returns the unsubscribe. */
export function watchOrgPolicy(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' && ORG_POLICY_KEYS.some((k) => k in changes)) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
