/**
 * Phrasebank packs in the extension: the bundled phrasebank, the organisation's packs pinned by policy
 * (storage.managed, org-policy.ts), and packs a team lead imported on the options page. Provides the EFFECTIVE
 * (merged) phrasebank the analysis uses, cached and refreshed when packs change.
 */
import { bundledPhrasebank } from '../phrasebank/bundled';
import { lockedRuleIds, NO_LOCKS, type Locks } from '../phrasebank/locks';
import type { CompiledPhrasebank } from '../phrasebank/types';
import { packsItem, type ImportedPack } from './settings';
import { ruleChoicesItem } from './rule-choices';
import { getLocks, pinnedPackSources, readOrgPolicy } from './org-policy';

import type { MergeConflict, MergeResult, PackInput, PackLayer } from '../phrasebank/merge';

export type { PackLayer };
/** A pack in the merge (the phrasebank's own type; one declaration). */
export type Layer = PackInput;
export type Conflict = MergeConflict;

/**
 * The phrasebank tools pull in the NLP engine (compromise, ~0.4 s to evaluate). Loading them on first use lets
 * the popup and options page paint at once. (In the background bundle the import is inlined.)
 */
type Tools = typeof import('../phrasebank/merge') & typeof import('../analysis/examples');
let tools: Promise<Tools> | undefined;
function loadTools(): Promise<Tools> {
  tools ??= Promise.all([import('../phrasebank/merge'), import('../analysis/examples')]).then(([m, e]) => ({ ...m, ...e }));
  return tools;
}

/** Name shown for the built-in phrasebank. */
export const BUNDLED_NAME = 'Attune (built in)';
const LAYER_ORDER: PackLayer[] = ['bundled', 'organisation', 'team', 'personal'];

/** The result of checking a pack file before anything is stored. */
export interface PackCheck {
  ok: boolean;
  name: string;
  phrasebank?: CompiledPhrasebank;
  /** Precise problems; when any exist nothing may be stored. */
  errors: string[];
  /** Rules that would clash with rules already loaded (the earlier layer wins). */
  conflicts: Conflict[];
  exampleCount: number;
}

/** Largest pack file accepted (a compiled pack is a few hundred KB at most). */
export const MAX_PACK_BYTES = 5_000_000;

/**
 * Checks a compiled pack file: JSON, shape (validateCompiledPack), its own examples (runExamples),
 * and conflicts with the packs already loaded. Pure apart from the engine; stores nothing.
 */
export async function checkPack(text: string, fallbackName: string, existing: Layer[], layer: PackLayer = 'team', locks: Locks = NO_LOCKS): Promise<PackCheck> {
  const { validateCompiledPack, runExamples, mergePacks } = await loadTools();
  const fail = (errors: string[], name = fallbackName): PackCheck => ({ ok: false, name, errors, conflicts: [], exampleCount: 0 });
  if (text.length > MAX_PACK_BYTES) return fail([`The file is too large (${text.length} bytes); a pack is at most ${MAX_PACK_BYTES} bytes.`]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail([`The file is not valid JSON: ${(e as Error).message}. Export it again with "attune phrasebank pack".`]);
  }
  const name = packName(json, fallbackName);
  const validated = validateCompiledPack(withoutName(json));
  if (!validated.phrasebank || validated.errors.length) {
    return fail(validated.errors.length ? validated.errors : ['The pack has no phrasebank in it.'], name);
  }
  const pb = validated.phrasebank;
  if (pb.rules.length + pb.signals.length === 0) return fail(['The pack has no rules or signals in it.'], name);
  const results = runExamples(pb);
  const failures = results.filter((r) => !r.ok);
  if (failures.length) {
    return fail(
      failures.map(
        (r) =>
          `${r.ruleId}: ${r.kind === 'flag' ? 'example to flag' : 'example to leave alone'} "${r.text}": ` +
          (r.detail ?? (r.kind === 'flag' ? 'it was not flagged.' : 'it was flagged.')),
      ),
      name,
    );
  }
  const layers = sortLayers([...existing.filter((l) => l.name !== name), { name, layer, phrasebank: pb }]);
  const { conflicts } = mergePacks(layers, {}, locks);
  return { ok: true, name, phrasebank: pb, errors: [], conflicts: conflicts.filter((c) => c.ignored === name || c.kept === name), exampleCount: results.length };
}

/**
 * Imports a pack: checks it fully, then stores the whole list in ONE write (so a failure leaves nothing half-applied).
 * A pack with the same name replaces the earlier import.
 */
export async function importPack(text: string, fileName: string, layer: 'team' | 'personal' | 'organisation' = 'team'): Promise<PackCheck> {
  const existing = await getLayers();
  const check = await checkPack(text, fileName.replace(/\.json$/i, ''), existing, layer, await getLocks());
  if (!check.ok || !check.phrasebank) return check;
  const packs = (await packsItem.getValue()).filter((p) => p.name !== check.name);
  const pack: ImportedPack = { name: check.name, layer, importedAt: new Date().toISOString(), phrasebank: check.phrasebank };
  await packsItem.setValue([...packs, pack]);
  invalidate();
  return check;
}

/** Removes an imported pack by name. */
export async function removePack(name: string): Promise<void> {
  await packsItem.setValue((await packsItem.getValue()).filter((p) => p.name !== name));
  invalidate();
}

/**
 * The organisation's packs pinned by policy (org-policy.ts: `pinnedPack`, `pinnedPacks`), each validated like an
 * import; one that fails is left out and said in `errors` (the others still apply).
 */
export async function getManagedPacks(): Promise<{ layers: Layer[]; errors: string[] }> {
  const { sources, errors } = pinnedPackSources(await readOrgPolicy());
  const layers: Layer[] = [];
  for (const [i, source] of sources.entries()) {
    const label = source.name ? `“${cleanPackName(source.name)}”` : `number ${i + 1}`;
    let json = source.pack;
    if (typeof json === 'string') {
      try {
        json = JSON.parse(json);
      } catch (e) {
        errors.push(`Organisation pack ${label} is not valid JSON: ${(e as Error).message}.`);
        continue;
      }
    }
    const { validateCompiledPack } = await loadTools();
    const validated = validateCompiledPack(withoutName(json));
    if (!validated.phrasebank || validated.errors.length) {
      errors.push(...validated.errors.map((e) => `Organisation pack ${label}: ${e}`));
      continue;
    }
    let name = (source.name && cleanPackName(source.name)) || packName(json, sources.length > 1 ? `Organisation pack ${i + 1}` : 'Organisation policy');
    // Two pinned packs with one name would be indistinguishable in sources and conflicts.
    if (layers.some((l) => l.name === name)) name = `${name} (${i + 1})`;
    layers.push({ name, layer: 'organisation', phrasebank: validated.phrasebank });
  }
  return { layers, errors };
}

/** Every layer in merge order: bundled → organisation (policy, in the policy's order) → imported packs by layer. */
export async function getLayers(): Promise<Layer[]> {
  const managed = await getManagedPacks();
  const imported = (await packsItem.getValue()).map((p) => ({ name: p.name, layer: p.layer, phrasebank: p.phrasebank }) as Layer);
  return sortLayers([{ name: BUNDLED_NAME, layer: 'bundled', phrasebank: bundledPhrasebank }, ...managed.layers, ...imported]);
}

/**
 * Merges layers; a rule two packs define comes from the earlier layer unless the lead chose the other
 * version (rule-choices.ts). Every such clash is in `conflicts`; `sources` says where each rule came from.
 */
export async function mergeLayers(layers: Layer[], choices?: Record<string, string>, locks?: Locks): Promise<MergeResult> {
  const { mergePacks } = await loadTools();
  return mergePacks(sortLayers(layers), choices ?? (await ruleChoicesItem.getValue()), locks ?? (await getLocks()));
}

/**
 * The ids the organisation locks on in the effective phrasebank (the analysis ignores an agent's
 * disabledRules for them).
 */
export async function getLockedRuleIds(): Promise<string[]> {
  const [pb, locks] = await Promise.all([getEffectivePhrasebank(), getLocks()]);
  return lockedRuleIds(pb, locks);
}

let cache: { key: string; value: Promise<CompiledPhrasebank> } | undefined;

/** What the effective phrasebank depends on, cheaply: each pack's identity and the raw policy value. */
async function sourceKey(): Promise<string> {
  const packs = await packsItem.getValue();
  const policy = JSON.stringify(await readOrgPolicy());
  const choices = JSON.stringify(await ruleChoicesItem.getValue());
  return JSON.stringify(packs.map((p) => [p.name, p.layer, p.importedAt])) + '\n' + policy + '\n' + choices;
}

/**
 * The phrasebank analysis should use: bundled + policy + imported packs, merged. Cached; recomputed when
 * the packs, the policy or the lead's choices between versions change (checked on every call, so it also holds across contexts and restarts).
 */
export async function getEffectivePhrasebank(): Promise<CompiledPhrasebank> {
  const key = await sourceKey();
  if (cache?.key !== key) {
    const value = getLayers().then(async (layers) => (await mergeLayers(layers)).phrasebank);
    cache = { key, value };
    value.catch(() => {
      if (cache?.value === value) cache = undefined;
    });
  }
  return cache.value;
}

/** Drops the cached effective phrasebank (it also refreshes itself when packs or policy change). */
export function invalidate(): void {
  cache = undefined;
}

function sortLayers(layers: Layer[]): Layer[] {
  return layers
    .map((l, i) => ({ l, i }))
    .sort((a, b) => LAYER_ORDER.indexOf(a.l.layer) - LAYER_ORDER.indexOf(b.l.layer) || a.i - b.i)
    .map(({ l }) => l);
}

function packName(json: unknown, fallback: string): string {
  const n = json && typeof json === 'object' ? (json as { name?: unknown }).name : undefined;
  return (typeof n === 'string' && cleanPackName(n)) || cleanPackName(fallback) || 'Unnamed pack';
}

/** Control characters, bidi overrides and isolates, zero-width and other invisible format characters. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A pack name as it is stored and shown: no invisible characters (a right-to-left override in a name reversed
 * the text around it on the options page), spaces collapsed, at most 80 characters.
 */
export function cleanPackName(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Packs may carry a display `name` beside the compiled phrasebank; validation sees only the phrasebank. */
function withoutName(json: unknown): unknown {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('name' in json)) return json;
  const { name: _name, ...rest } = json as Record<string, unknown>;
  return rest;
}
