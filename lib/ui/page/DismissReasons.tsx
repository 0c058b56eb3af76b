/**
 * The card's "why not?" choice: hides the finding this once and counts the reason (counts only, stats.ts), so a
 * team lead sees which rules agents reject most, and why. Plain buttons: Tab reaches them, Enter or Space picks.
 */
import { REASON_LABELS, type DismissReason } from '../../extension/stats';
import type { PageActions, ShownFinding } from './model';

const CHOICES: DismissReason[] = ['not-dismissive', 'not-now', 'not-our-tone'];

/** `busy`: the card is applying a suggestion; the choices do nothing meanwhile. */
export function DismissReasons({ shown, actions, busy = false }: { shown: ShownFinding; actions: PageActions; busy?: boolean }) {
  const labelId = `attune-dismiss-${shown.composerId}-${shown.finding.start}`;
  return (
    <div class="attune-card__dismiss" role="group" aria-labelledby={labelId}>
      <span id={labelId} class="attune-card__dismiss-label">Dismiss:</span>
      {CHOICES.map((reason) => (
        <button
          key={reason}
          type="button"
          class="attune-reason"
          data-action="dismiss"
          data-reason={reason}
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => { if (!busy) actions.ignoreOnce(shown.composerId, shown.key, reason); }}
        >
          {REASON_LABELS[reason]}
        </button>
      ))}
    </div>
  );
}
