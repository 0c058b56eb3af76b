/**
 * The soft check before sending: what is still flagged in the draft, "Send anyway" (Enter) and "Review" (Esc).
 * An alertdialog: focus moves to "Send anyway" when it opens, Tab stays between its two buttons, Escape reviews.
 * Enter is handled here (not by the focused button's default) so a held Enter's auto-repeat can't answer for the agent.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Box, PageActions, SendCheckView } from './model';

const WIDTH = 360;

/** Above the composer's lower right corner, inside the viewport. */
export function sendPromptPosition(box: Box | undefined, viewport: { width: number; height: number }, height: number): { left: number; top: number } {
  const b = box ?? { left: viewport.width / 2, top: viewport.height / 2, width: 0, height: 0 };
  const left = Math.max(8, Math.min(b.left + b.width - WIDTH, viewport.width - WIDTH - 8));
  const top = Math.max(8, Math.min(b.top + b.height - height - 8, viewport.height - height - 8));
  return { left, top };
}

export function SendPrompt({ view, box, actions }: { view: SendCheckView; box: Box | undefined; actions: PageActions }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-action="send-anyway"]')?.focus();
  }, [view.composerId]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      actions.sendCheck('review');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (e.repeat || e.isComposing) return;
      const active = (root.current?.getRootNode() as ShadowRoot | undefined)?.activeElement as HTMLElement | null;
      actions.sendCheck(active?.getAttribute('data-action') === 'review' ? 'review' : 'send');
    } else if (e.key === 'Tab') {
      const buttons = Array.from(root.current?.querySelectorAll<HTMLElement>('button') ?? []);
      const active = (root.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
      const i = buttons.indexOf(active as HTMLElement);
      e.preventDefault();
      buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
    }
  };
  const height = 120 + 26 * view.items.length;
  const pos = sendPromptPosition(box, { width: window.innerWidth, height: window.innerHeight }, height);
  const n = view.items.length;
  return (
    <div
      ref={root}
      class="attune-card attune-send-check"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="attune-send-check-title"
      aria-describedby="attune-send-check-items"
      data-attune-send-check={view.composerId}
      style={{ left: `${pos.left}px`, top: `${pos.top}px` }}
      onKeyDown={onKeyDown}
    >
      <h2 id="attune-send-check-title" class="attune-card__title">
        Send this reply as it is?
      </h2>
      <p class="attune-send-check__lead">{n === 1 ? 'One thing may land badly with the customer:' : `${n} things may land badly with the customer:`}</p>
      <ul id="attune-send-check-items" class="attune-send-check__items">
        {view.items.map((item) => (
          <li data-kind={item.kind}>
            {item.kind === 'finding' ? <span class="attune-send-check__phrase">“{item.text}”</span> : item.text}
            {item.detail && <span class="attune-send-check__detail"> — {item.detail}</span>}
          </li>
        ))}
      </ul>
      <div class="attune-send-check__actions">
        <button type="button" class="attune-send-check__btn" data-action="review" onClick={() => actions.sendCheck('review')}>
          Review <kbd>Esc</kbd>
        </button>
        <button type="button" class="attune-send-check__btn is-primary" data-action="send-anyway" onClick={() => actions.sendCheck('send')}>
          Send anyway <kbd>Enter</kbd>
        </button>
      </div>
    </div>
  );
}
