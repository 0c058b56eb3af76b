/**
 * The badge in the composer's corner (how many suggestions) and the list it opens.
 */
import type { ComposerView, PageActions } from './model';
import { SEVERITY_META } from '../labels';

const BADGE = { width: 26, height: 22 };

/**
 * In the composer's lower right corner; when the draft's text reaches that corner, just outside it (to the right
 * when the window has room, else below), so the badge never covers the last words of a full field.
 */
export function badgePosition(
  box: ComposerView['box'],
  textInCorner = false,
  viewport = { width: Infinity, height: Infinity },
): { left: number; top: number } {
  const inside = { left: Math.max(0, box.left + box.width - 34), top: Math.max(0, box.top + box.height - 30) };
  if (!textInCorner) return inside;
  const right = box.left + box.width + 4;
  if (right + BADGE.width <= viewport.width - 2) return { left: right, top: Math.max(0, box.top + box.height - BADGE.height) };
  const below = box.top + box.height + 4;
  if (below + BADGE.height <= viewport.height - 2) return { left: Math.max(0, box.left + box.width - BADGE.width), top: below };
  return inside;
}

export function Badge({ view, open, actions, titles }: { view: ComposerView; open: boolean; actions: PageActions; titles: Record<string, string> }) {
  const n = view.findings.length;
  const notes = view.coaching.length;
  const pos = badgePosition(view.box, view.textInCorner, { width: window.innerWidth, height: window.innerHeight });
  const label =
    n > 0 ? `Attune: ${n} suggestion${n === 1 ? '' : 's'}. Show the list`
    : notes > 0 ? `Attune: nothing dismissive; ${notes} thing${notes === 1 ? '' : 's'} the customer may not feel heard on. Show the list`
    : 'Attune: no suggestions for this draft';
  return (
    <>
      <button
        type="button"
        class={`attune-badge ${n ? 'has-findings' : notes ? 'has-notes' : 'is-clear'}`}
        style={{ left: `${pos.left}px`, top: `${pos.top}px` }}
        aria-label={label}
        aria-expanded={open}
        data-attune-badge={view.composerId}
        onClick={() => actions.toggleList(view.composerId)}
      >
        {n ? String(n) : notes ? 'i' : '✓'}
      </button>
      {open && (
        <div class="attune-list" role="dialog" aria-label="Attune suggestions" style={{ left: `${Math.max(8, pos.left - 290)}px`, top: `${Math.max(8, pos.top - 8)}px` }} onKeyDown={(e) => e.key === 'Escape' && actions.toggleList(view.composerId)}>
          {n === 0 && <p class={`attune-list__empty${notes ? ' attune-list__empty--notes' : ''}`}>{notes ? 'Nothing dismissive. Before you send, about what they wrote:' : 'Nothing to change — this draft reads kindly.'}</p>}
          {view.findings.length > 0 && (
            <ul class="attune-list__items">
              {view.findings.map((f) => (
                <li>
                  <button type="button" class="attune-list__item" data-action="open" onClick={() => actions.openCard(view.composerId, f.key, 'list')}>
                    <span class={`attune-sev attune-sev--${f.finding.severity}`} aria-hidden="true" />
                    <span class="attune-visually-hidden">{`${SEVERITY_META[f.finding.severity].label}: `}</span>
                    <span class="attune-list__phrase">“{f.finding.text}”</span>
                    <span class="attune-list__cat">{titles[f.finding.category] ?? f.finding.category}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {view.coaching.length > 0 && (
            <ul class="attune-list__coaching" aria-label="Coaching">
              {view.coaching.map((c) => (
                <li data-kind={c.kind}>
                  {c.message}
                  {c.quote && <q class="attune-list__quote">{c.quote.text}</q>}
                </li>
              ))}
            </ul>
          )}
          {view.signalCount > 0 && <p class="attune-list__signals">{`You already show empathy in ${view.signalCount} place${view.signalCount === 1 ? '' : 's'} — nice.`}</p>}
        </div>
      )}
    </>
  );
}
