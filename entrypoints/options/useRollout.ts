/**
 * What the organisation layer means for the options page, kept current: the layers, where each rule of the
 * effective phrasebank comes from, every clash, the locks and the ids they lock, and what in the policy could not be
 * used. Re-read when packs, the lead's choices or the policy change.
 */
import { useEffect, useState } from 'preact/hooks';
import { getLayers, getManagedPacks, mergeLayers, type Layer, type PackLayer } from '../../lib/extension/packs';
import { getLocks, watchOrgPolicy } from '../../lib/extension/org-policy';
import { ruleChoicesItem } from '../../lib/extension/rule-choices';
import { packsItem } from '../../lib/extension/settings';
import { lockedRuleIds, unknownLocks, type Locks } from '../../lib/phrasebank/locks';
import type { MergeResult } from '../../lib/phrasebank/merge';
import { useAsync, useStorageItem } from '../../lib/ui/hooks';

export interface Rollout extends MergeResult {
  layers: Layer[];
  layerOf: Map<string, PackLayer>;
  locks: Locks;
  /** Ids in the effective phrasebank the organisation locks on. */
  locked: ReadonlySet<string>;
  /** Locks naming nothing loaded, and pinned packs that could not be used. */
  policyProblems: string[];
}

export function useRollout(): Rollout | undefined {
  const packs = useStorageItem(packsItem);
  const choices = useStorageItem(ruleChoicesItem);
  const [policyVersion, setPolicyVersion] = useState(0);
  useEffect(() => watchOrgPolicy(() => setPolicyVersion((v) => v + 1)), []);
  const state = useAsync(async () => {
    const [layers, locks, managed] = await Promise.all([getLayers(), getLocks(), getManagedPacks()]);
    const merged = await mergeLayers(layers, choices ?? {}, locks);
    const unknown = unknownLocks(merged.phrasebank, locks);
    const policyProblems = [
      ...managed.errors,
      ...unknown.categories.map((c) => `The organisation locks category “${c}”, which no loaded pack has.`),
      ...unknown.rules.map((r) => `The organisation locks rule “${r}”, which no loaded pack has.`),
    ];
    return {
      ...merged,
      layers,
      layerOf: new Map(layers.map((l) => [l.name, l.layer])),
      locks,
      locked: new Set(lockedRuleIds(merged.phrasebank, locks)),
      policyProblems,
    };
  }, [packs, choices, policyVersion]);
  return state.value;
}
