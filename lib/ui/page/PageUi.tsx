/**
 * Everything Attune draws on a page: overlay underlines (where CSS highlights can't be used),
 * one badge per composer, the findings list, the suggestion card and a short notice.
 */
import type { PageActions, PageState } from './model';
import { Card } from './Card';
import { Badge } from './Badge';
import { SendPrompt } from './SendPrompt';

export function PageUi({ state, actions }: { state: PageState; actions: PageActions }) {
  const cardComposer = state.card && state.composers.find((c) => c.composerId === state.card!.composerId);
  const cardFinding = cardComposer?.findings.find((f) => f.key === state.card!.key);
  return (
    <>
      <div class="attune-underlines" aria-hidden="true">
        {state.composers.flatMap((c) =>
          c.findings
            .filter((f) => f.overlay)
            .flatMap((f) =>
              f.rects.map((r) => (
                <div
                  class={`attune-underline sev-${f.finding.severity}${state.card?.key === f.key ? ' is-active' : ''}`}
                  style={{ left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` }}
                />
              )),
            ),
        )}
      </div>
      {state.composers.map((c) => (
        <Badge view={c} open={state.list === c.composerId} actions={actions} titles={state.titles} />
      ))}
      {state.card && cardComposer && cardFinding && (
        <Card
          shown={cardFinding}
          card={state.card}
          actions={actions}
          title={state.titles[cardFinding.finding.category] ?? cardFinding.finding.category}
          fallback={cardComposer.box}
          firstLine={cardComposer.firstLine}
          customerBox={state.customerBox}
        />
      )}
      {state.sendCheck && (
        <SendPrompt view={state.sendCheck} box={state.composers.find((c) => c.composerId === state.sendCheck!.composerId)?.box} actions={actions} />
      )}
      <div class="attune-notice" role="status" aria-live="polite">
        {state.notice ?? ''}
      </div>
    </>
  );
}
