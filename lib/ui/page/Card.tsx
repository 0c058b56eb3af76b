/**
 * The suggestion card: what the phrase may sound like, why, and kinder alternatives.
 * A dialog: focus stays inside (Tab cycles in reading order, Close last, as on screen), Enter/click applies,
 * Alt+Shift+A moves to the next finding, Escape closes and returns focus to the editor.
 * Phrasebank text is rendered as text nodes only.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Box, CardState, PageActions, ShownFinding } from './model';
import { SEVERITY_STYLE, isNextFindingKey } from './model';
import { SEVERITY_META } from '../labels';
import { CARD_WIDTH, WIDE_CARD_WIDTH, cardPlacement } from './placement';
import { DismissReasons } from './DismissReasons';

const CARD_HEIGHT_GUESS = 280;

/** The card's whole height at `width` in one shape, from a hidden copy beside it (taken out at once). */
function measureWhole(el: HTMLElement, width: number, wide: boolean): number {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.classList.toggle('attune-card--wide', wide);
  for (const withId of Array.from(copy.querySelectorAll('[id]'))) withId.removeAttribute('id');
  copy.removeAttribute('data-attune-card');
  copy.removeAttribute('role');
  copy.setAttribute('aria-hidden', 'true');
  copy.style.cssText = `left:0;top:0;width:${width}px;max-height:none;visibility:hidden;`;
  el.after(copy);
  const h = copy.getBoundingClientRect().height;
  copy.remove();
  return h;
}

export interface CardProps {
  shown: ShownFinding;
  title: string;
  card: CardState;
  actions: PageActions;
  /** Fallback anchor when the phrase is scrolled out of view: the composer's box. */
  fallback: Box;
  /** The draft's first line: never covered. */
  firstLine?: Box;
  /** The customer's latest message: kept clear of when there is room elsewhere. */
  customerBox?: Box;
}

export function Card({ shown, title, card, actions, fallback, firstLine, customerBox }: CardProps) {
  const root = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(CARD_HEIGHT_GUESS);
  const [wideHeight, setWideHeight] = useState(0);
  const { finding } = shown;
  const wideWidth = Math.min(WIDE_CARD_WIDTH, window.innerWidth - 16);
  // Place by the card's real heights once rendered (suggestion lists vary in length), narrow and wide, each
  // measured whole on a hidden copy: the card shown may be scrolling inside, or be the other shape (measuring
  // only the one shown would make it flip between places).
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const h = measureWhole(el, CARD_WIDTH, false);
    const w = measureWhole(el, wideWidth, true);
    if (h && Math.abs(h - height) > 1) setHeight(h);
    if (w && Math.abs(w - wideHeight) > 1) setWideHeight(w);
  });
  useEffect(() => {
    if (card.via === 'click') return; // a click leaves the caret in the editor; Alt+Shift+A reaches the card
    (root.current?.querySelector<HTMLElement>('.attune-alt') ?? root.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [card.key, card.via]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (isNextFindingKey(e)) {
      e.preventDefault();
      actions.nextFinding(shown.composerId);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      actions.closeCard(true);
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const buttons = Array.from(root.current?.querySelectorAll<HTMLElement>('button') ?? []);
      if (!buttons.length) return;
      const active = (root.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
      const i = buttons.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : i === buttons.length - 1 ? 0 : i + 1;
      e.preventDefault();
      buttons[next].focus();
    }
  };

  const phrase = shown.rects.length ? shown.rects : [{ ...fallback, top: fallback.top + fallback.height - 40, height: 0 }];
  const pos = cardPlacement({
    phrase,
    composer: fallback,
    firstLine,
    customer: customerBox,
    viewport: { width: window.innerWidth, height: window.innerHeight },
    height,
    ...(wideHeight > 0 && { wide: { width: wideWidth, height: wideHeight } }),
  });
  const titleId = `attune-card-title-${card.key.length}-${finding.start}`;
  const why = finding.message;
  const severity = SEVERITY_META[finding.severity].label;
  // Busy while a suggestion is being applied (CardState.applying): the buttons do nothing, the status says why.
  const busy = card.applying !== undefined;
  const unlessBusy = (fn: () => void) => () => { if (!busy) fn(); };
  return (
    <div
      ref={root}
      class={`attune-card sev-${finding.severity}${pos.width ? ' attune-card--wide' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-busy={busy ? 'true' : undefined}
      data-attune-card={finding.ruleId}
      style={{
        left: `${pos.left}px`,
        top: `${pos.top}px`,
        ...(pos.maxHeight !== undefined && { maxHeight: `${pos.maxHeight}px` }),
        ...(pos.width !== undefined && { width: `${pos.width}px` }),
      }}
      onKeyDown={onKeyDown}
    >
      <div class="attune-card__head">
        <h2 id={titleId} class="attune-card__title">{title}</h2>
        <span class="attune-card__sev" data-severity={finding.severity}>
          <span class={`attune-sev attune-sev--${finding.severity}`} aria-hidden="true" data-style={SEVERITY_STYLE[finding.severity]} />
          {severity}
        </span>
      </div>
      <p class="attune-card__phrase">
        <span class="attune-visually-hidden">Phrase: </span>“{finding.text}”
      </p>
      <p class="attune-card__why">{why}</p>
      {finding.suggestions.length > 0 && (
        <div class="attune-card__alts" role="group" aria-label="Try instead">
          <p class="attune-card__label">Try instead</p>
          {/* Always there (a live region added with its text is often not announced), empty unless busy; above
              the suggestions, where the agent is looking. */}
          <p class="attune-card__status" role="status" aria-live="polite">
            {busy ? `Applying “${finding.suggestions[card.applying!] ?? ''}”…` : ''}
          </p>
          {finding.suggestions.map((s, i) => (
            <button
              type="button"
              class="attune-alt"
              data-action="apply"
              data-index={i}
              data-applying={card.applying === i ? '' : undefined}
              aria-disabled={busy ? 'true' : undefined}
              onClick={unlessBusy(() => actions.apply(shown.composerId, shown.key, i))}
            >
              {s}
            </button>
          ))}
        </div>
      )}
      <DismissReasons shown={shown} actions={actions} busy={busy} />
      <div class="attune-card__foot">
        <button type="button" class="attune-link" data-action="ignore-once" aria-disabled={busy ? 'true' : undefined} onClick={unlessBusy(() => actions.ignoreOnce(shown.composerId, shown.key))}>
          Ignore once
        </button>
        <button type="button" class="attune-link" data-action="ignore-phrase" aria-disabled={busy ? 'true' : undefined} onClick={unlessBusy(() => actions.ignorePhrase(shown.composerId, shown.key))}>
          Ignore this phrase on this site
        </button>
        <button type="button" class="attune-link" data-action="disable-rule" aria-disabled={busy ? 'true' : undefined} onClick={unlessBusy(() => actions.disableRule(shown.composerId, shown.key))}>
          Turn off this rule
        </button>
        <button type="button" class="attune-card__close" data-action="close" onClick={() => actions.closeCard(true)}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
