/** Why a clash between layers was resolved as it was, in the words the options page shows (one wording for every table). */
import type { Conflict } from '../../lib/extension/packs';

/** How each layer is named in tables and on rule cards. */
export const LAYER_LABEL: Record<string, string> = { bundled: 'Built in', organisation: 'Organisation', team: 'Team', personal: 'Personal' };

export const REASON_TEXT: Record<Conflict['reason'], string> = {
  order: 'earlier in the merge order',
  choice: 'your choice',
  organisation: 'your organisation’s pack: a team or personal version can’t replace it',
  locked: 'locked by your organisation: a team or personal version can’t replace it',
};

/** The reason, plus the lead's choice when the organisation overrules it (never dropped without a word). */
export function conflictReason(c: Conflict): string {
  return REASON_TEXT[c.reason] + (c.choiceOverruled ? `. You chose “${c.ignored}”; the organisation’s policy overrules that choice.` : '');
}
