/**
 * Which version of a rule is used when two packs define it and the lead chose (ruleId → pack name).
 * Without a choice the earlier layer's version is used; either way the conflict is shown (Rule studio →
 * "Where each rule comes from"). A choice can't put a team or personal version over the organisation's.
 */
import { storage } from '#imports';

export const ruleChoicesItem = storage.defineItem<Record<string, string>>('local:ruleChoices', { fallback: {}, version: 1 });

/** Uses `pack`'s version of `ruleId` (undefined: back to the merge order). */
export async function chooseVersion(ruleId: string, pack: string | undefined): Promise<void> {
  const choices = { ...(await ruleChoicesItem.getValue()) };
  if (pack === undefined) delete choices[ruleId];
  else choices[ruleId] = pack;
  await ruleChoicesItem.setValue(choices);
}
