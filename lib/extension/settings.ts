/**
 * The agent's and team's settings, in extension storage (never draft text).
 * Owned by the options/popup work; the content script and background read them.
 */
import { storage } from '#imports';
import type { CompiledPhrasebank } from '../phrasebank/types';

export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** ruleIds turned off ("turn off this rule"). */
  disabledRules: string[];
  /** "Ignore this phrase on this site": lower-cased phrase per hostname. */
  ignoredPhrases: { host: string; phrase: string }[];
  /** Supported helpdesks the agent switched off (hostnames). */
  disabledHosts: string[];
  /** Other sites the agent switched on for the generic adapter (origins, e.g. https://support.acme.com). */
  enabledOrigins: string[];
  /** Hostnames where the agent turned on the soft check before sending (off by default; see send-check-settings.ts). */
  sendCheckHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledRules: [],
  ignoredPhrases: [],
  disabledHosts: [],
  enabledOrigins: [],
  sendCheckHosts: [],
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** A phrasebank pack a team lead imported (already validated and compiled). */
export interface ImportedPack {
  name: string;
  layer: 'organisation' | 'team' | 'personal';
  importedAt: string;
  phrasebank: CompiledPhrasebank;
}
export const packsItem = storage.defineItem<ImportedPack[]>('local:packs', { fallback: [], version: 1 });

/** Counts only (the definitions and the shape: stats.ts; the storage item: stats-store.ts). */
export type { Stats } from './stats';
export { statsItem } from './stats-store';

// ---- Helpers (additive to the contract above) ----

/** Reads the settings, filling any field an older or partial value lacks. */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Applies a change to the settings atomically (read, change, write) and returns the new value. */
export async function updateSettings(change: Partial<Settings> | ((s: Settings) => Settings)): Promise<Settings> {
  const current = await getSettings();
  const next = normalizeSettings(typeof change === 'function' ? change(current) : { ...current, ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Turns one rule on or off for this agent. */
export function setRuleEnabled(ruleId: string, on: boolean): Promise<Settings> {
  return updateSettings((s) => ({
    ...s,
    disabledRules: on ? s.disabledRules.filter((id) => id !== ruleId) : unique([...s.disabledRules, ruleId]),
  }));
}

/** The host value that means "every site" in ignoredPhrases. */
export const ANY_HOST = '*';

/** Never flag `phrase` on `host` (or everywhere with ANY_HOST). */
export function addIgnoredPhrase(phrase: string, host: string = ANY_HOST): Promise<Settings> {
  const entry = { host: host.trim().toLowerCase() || ANY_HOST, phrase: phrase.trim().toLowerCase() };
  return updateSettings((s) =>
    entry.phrase && !s.ignoredPhrases.some((p) => p.host === entry.host && p.phrase === entry.phrase)
      ? { ...s, ignoredPhrases: [...s.ignoredPhrases, entry] }
      : s,
  );
}

/** Removes one ignored phrase. */
export function removeIgnoredPhrase(phrase: string, host: string): Promise<Settings> {
  return updateSettings((s) => ({
    ...s,
    ignoredPhrases: s.ignoredPhrases.filter((p) => !(p.host === host && p.phrase === phrase)),
  }));
}

/** Turns Attune off (or back on) for a supported helpdesk host. */
export function setHostDisabled(host: string, disabled: boolean): Promise<Settings> {
  return updateSettings((s) => ({
    ...s,
    disabledHosts: disabled ? unique([...s.disabledHosts, host]) : s.disabledHosts.filter((h) => h !== host),
  }));
}

/**
 * The analysis options these settings mean on `host` (phrases for that host plus those for every site);
 * `lockedRules` (the organisation's locks, packs.ts getLockedRuleIds) stay on whatever disabledRules says.
 */
export function analysisOptionsFor(
  settings: Settings,
  host?: string,
  lockedRules: string[] = [],
): { disabledRules: string[]; ignoredPhrases: string[]; lockedRules: string[] } {
  return {
    disabledRules: settings.disabledRules,
    lockedRules,
    ignoredPhrases: settings.ignoredPhrases
      .filter((p) => p.host === ANY_HOST || (host !== undefined && p.host === host))
      .map((p) => p.phrase),
  };
}

/** Coerces any stored or imported value into valid Settings; unknown or mistyped fields fall back to defaults. */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const strings = (x: unknown) => (Array.isArray(x) ? unique(x.filter((s): s is string => typeof s === 'string')) : []);
  const phrases = Array.isArray(v.ignoredPhrases)
    ? v.ignoredPhrases.filter(
        (p): p is { host: string; phrase: string } =>
          !!p && typeof p === 'object' && typeof (p as any).host === 'string' && typeof (p as any).phrase === 'string',
      ).map((p) => ({ host: p.host, phrase: p.phrase }))
    : [];
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_SETTINGS.enabled,
    disabledRules: strings(v.disabledRules),
    ignoredPhrases: phrases,
    disabledHosts: strings(v.disabledHosts),
    enabledOrigins: strings(v.enabledOrigins),
    sendCheckHosts: unique(strings(v.sendCheckHosts).map((h) => h.trim().toLowerCase()).filter(Boolean)),
  };
}

/** A settings file as exported from the options page. */
export interface SettingsExport {
  attuneSettings: 1;
  settings: Settings;
}

/** Most entries accepted in any one list of an imported settings file (a real agent has a few dozen). */
export const MAX_SETTINGS_ENTRIES = 2000;
/** Longest ignored phrase accepted on import. */
export const MAX_PHRASE_LENGTH = 500;

/** An http(s) origin exactly as the site switch stores it: https://support.acme.com (no path). */
export function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** A host name as the helpdesk switch stores it: acme.zendesk.com. */
export function isHostName(value: string): boolean {
  return value.length <= 253 && /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(value) && !value.split('.').some((l) => !l || l.length > 63);
}

/** The phrasebank an import is checked against: its rule and signal ids, and renamed ids (old → new). */
export interface KnownRules {
  ids: ReadonlySet<string>;
  renames: Readonly<Record<string, string>>;
}

/**
 * Parses an exported settings file; returns precise errors instead of throwing, and stores nothing. Refused
 * (errors): a wrong shape, a list over MAX_SETTINGS_ENTRIES, a site that is not a web origin (javascript: …),
 * a host that is not a host name, an empty or over-long ignored phrase. With `known`, rule ids renamed since the
 * export are migrated and ids the phrasebank does not have are left out, each said in `notes`.
 */
export function parseSettingsExport(text: string, known?: KnownRules): { settings?: Settings; errors: string[]; notes: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { errors: [`This file is not valid JSON (${(e as Error).message}).`], notes: [] };
  }
  const obj = json as Partial<SettingsExport> | null;
  if (!obj || typeof obj !== 'object' || obj.attuneSettings !== 1 || !obj.settings || typeof obj.settings !== 'object') {
    return { errors: ['This is not an Attune settings file: expected {"attuneSettings": 1, "settings": {…}}.'], notes: [] };
  }
  const errors: string[] = [];
  const s = obj.settings as unknown as Record<string, unknown>;
  const quote = (xs: unknown[]) => xs.slice(0, 3).map((x) => JSON.stringify(String(x).slice(0, 60))).join(', ') + (xs.length > 3 ? ` and ${xs.length - 3} more` : '');
  if ('enabled' in s && typeof s.enabled !== 'boolean') errors.push('settings.enabled must be true or false.');
  for (const key of ['disabledRules', 'disabledHosts', 'enabledOrigins', 'sendCheckHosts', 'ignoredPhrases'] as const) {
    if (Array.isArray(s[key]) && (s[key] as unknown[]).length > MAX_SETTINGS_ENTRIES) {
      errors.push(`settings.${key} has ${(s[key] as unknown[]).length} entries; at most ${MAX_SETTINGS_ENTRIES} are accepted.`);
    }
  }
  for (const key of ['disabledRules', 'disabledHosts', 'enabledOrigins', 'sendCheckHosts'] as const) {
    if (key in s && (!Array.isArray(s[key]) || (s[key] as unknown[]).some((x) => typeof x !== 'string'))) {
      errors.push(`settings.${key} must be a list of strings.`);
    }
  }
  if ('ignoredPhrases' in s && (!Array.isArray(s.ignoredPhrases) ||
      (s.ignoredPhrases as any[]).some((p) => !p || typeof p.host !== 'string' || typeof p.phrase !== 'string'))) {
    errors.push('settings.ignoredPhrases must be a list of {"host": "...", "phrase": "..."}.');
  }
  if (errors.length) return { errors, notes: [] };
  const badOrigins = ((s.enabledOrigins as string[] | undefined) ?? []).filter((o) => !isWebOrigin(o));
  if (badOrigins.length) errors.push(`settings.enabledOrigins must be web addresses like "https://support.example.com": ${quote(badOrigins)} is not.`);
  const badHosts = ((s.disabledHosts as string[] | undefined) ?? []).filter((h) => !isHostName(h));
  if (badHosts.length) errors.push(`settings.disabledHosts must be host names like "acme.zendesk.com": ${quote(badHosts)} is not.`);
  const phrases = (s.ignoredPhrases as { host: string; phrase: string }[] | undefined) ?? [];
  const badPhraseHosts = phrases.filter((p) => p.host !== ANY_HOST && !isHostName(p.host)).map((p) => p.host);
  if (badPhraseHosts.length) errors.push(`settings.ignoredPhrases hosts must be "*" or a host name: ${quote(badPhraseHosts)} is not.`);
  const badPhrases = phrases.filter((p) => !p.phrase.trim() || p.phrase.length > MAX_PHRASE_LENGTH).map((p) => p.phrase);
  if (badPhrases.length) errors.push(`settings.ignoredPhrases phrases must be 1 to ${MAX_PHRASE_LENGTH} characters: ${quote(badPhrases)} is not.`);
  if (errors.length) return { errors, notes: [] };

  const settings = normalizeSettings(s);
  const notes: string[] = [];
  if (known) {
    const migrated = settings.disabledRules.map((id) => (known.ids.has(id) ? id : known.renames[id] ?? id));
    const renamed = settings.disabledRules.filter((id, i) => migrated[i] !== id);
    const unknown = migrated.filter((id) => !known.ids.has(id));
    settings.disabledRules = unique(migrated.filter((id) => known.ids.has(id)));
    if (renamed.length) notes.push(`Renamed since the export, and kept under the new id: ${quote(renamed)}.`);
    if (unknown.length) notes.push(`Left out ${unknown.length} rule id${unknown.length === 1 ? '' : 's'} this phrasebank does not have: ${quote(unknown)}.`);
  }
  return { settings, errors, notes };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
