/**
 * Where the rule studio publishes: a team or personal layer, stored as an imported pack ("Team rules",
 * "My rules") so the effective phrasebank, the Packs tab and export treat it like any pack. Every publish
 * is checked whole (checkPack: the validator, every example, conflicts) and written in ONE storage write
 * together with its history (the last HISTORY_SIZE versions) and the settings and stats migrated through
 * any rename, so a failure leaves nothing half-applied.
 */
import { browser, storage } from '#imports';
import type { CompiledPhrasebank } from '../phrasebank/types';
import { checkPack, getLayers, type PackCheck } from './packs';
import { normalizeSettings, packsItem, settingsItem, statsItem, type ImportedPack } from './settings';
import { migrateStats, renameRules } from './stats';
import { renamesAdded } from './studio-rule';
import { ruleChoicesItem } from './rule-choices';
import { getLocks } from './org-policy';

export type StudioLayer = 'team' | 'personal';

/** The pack each studio layer is stored as. */
export const STUDIO_PACK: Record<StudioLayer, string> = { team: 'Team rules', personal: 'My rules' };

/** Versions kept per studio layer. */
export const HISTORY_SIZE = 10;

/** One published version of a studio layer; `phrasebank: null` is the layer removed. */
export interface StudioVersion {
  savedAt: string;
  /** What changed, in words ("Added billing-tone/system-says"). */
  note: string;
  phrasebank: CompiledPhrasebank | null;
}

/** Newest first, per studio pack name. */
export type StudioHistory = Record<string, StudioVersion[]>;
export const studioHistoryItem = storage.defineItem<StudioHistory>('local:studioHistory', { fallback: {}, version: 1 });

/** The layer as published now (undefined: nothing yet). */
export async function getStudioLayer(layer: StudioLayer): Promise<CompiledPhrasebank | undefined> {
  return (await packsItem.getValue()).find((p) => p.name === STUDIO_PACK[layer] && p.layer === layer)?.phrasebank;
}

/**
 * Publishes a new version of a studio layer (null: remove it). Nothing is stored unless the whole layer
 * passes; `choose` records the lead's choice of this layer's version for rules another pack also defines.
 */
export async function publishLayer(layer: StudioLayer, next: CompiledPhrasebank | null, note: string, choose: string[] = []): Promise<PackCheck> {
  const name = STUDIO_PACK[layer];
  const packs = await packsItem.getValue();
  const before = packs.find((p) => p.name === name && p.layer === layer)?.phrasebank;
  let check: PackCheck = { ok: true, name, errors: [], conflicts: [], exampleCount: 0 };
  if (next) {
    const others = (await getLayers()).filter((l) => !(l.name === name && l.layer === layer));
    check = await checkPack(JSON.stringify({ name, ...next }), name, others, layer, await getLocks());
    if (!check.ok || !check.phrasebank) return check;
  }
  const stored: ImportedPack[] = packs.filter((p) => !(p.name === name && p.layer === layer));
  if (check.phrasebank) stored.push({ name, layer, importedAt: new Date().toISOString(), phrasebank: check.phrasebank });
  const history = await studioHistoryItem.getValue();
  const versions = [{ savedAt: new Date().toISOString(), note, phrasebank: check.phrasebank ?? null }, ...(history[name] ?? [])].slice(0, HISTORY_SIZE);
  // Rule ids are a contract: what a rename moves, the agent's settings and counts follow.
  const renames = check.phrasebank ? renamesAdded(before, check.phrasebank) : {};
  const settings = migrateSettings(normalizeSettings(await settingsItem.getValue()), renames);
  const stats = renameRules(migrateStats(await statsItem.getValue()), renames);
  const choices = { ...migrateKeys(await ruleChoicesItem.getValue(), renames) };
  for (const ruleId of choose) choices[ruleId] = name;
  // One write: the layer, its history, and everything migrated (storage items keep their values under their key).
  await browser.storage.local.set({ packs: stored, studioHistory: { ...history, [name]: versions }, settings, stats, ruleChoices: choices });
  return check;
}

/** Publishes an earlier version again (checked again: the phrasebank around it may have changed). */
export async function restoreVersion(layer: StudioLayer, index: number): Promise<PackCheck> {
  const versions = (await studioHistoryItem.getValue())[STUDIO_PACK[layer]] ?? [];
  const version = versions[index];
  if (!version) return { ok: false, name: STUDIO_PACK[layer], errors: ['That version is no longer kept.'], conflicts: [], exampleCount: 0 };
  return publishLayer(layer, version.phrasebank, `Restored the version of ${new Date(version.savedAt).toLocaleString()}`);
}

/** disabledRules under their new ids. */
export function migrateSettings<T extends { disabledRules: string[] }>(settings: T, renames: Record<string, string>): T {
  if (!Object.keys(renames).length) return settings;
  return { ...settings, disabledRules: [...new Set(settings.disabledRules.map((id) => renames[id] ?? id))] };
}

function migrateKeys<V>(record: Record<string, V>, renames: Record<string, string>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [renames[k] ?? k, v]));
}
