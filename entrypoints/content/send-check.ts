/**
 * The soft check before sending. When the agent sends (the helpdesk's send button, or Ctrl/Cmd+Enter in the
 * composer) and the findings already known for that composer include high-severity ones (or an unanswered
 * customer question, coaching kind `unanswered-question`), the send is held, a small prompt lists them, and
 * the agent answers: "Send anyway" replays the original send, "Review" goes back to the draft.
 *
 * Never blocks or waits: the decision is synchronous, on what the last analysis said (no analysis is started
 * for it); with nothing known, the event goes through untouched. Only trusted events are held, so the replay
 * (synthetic events, dispatched while `replaying` is set) passes straight through to the page's own handlers,
 * which run once. Listeners are on each window in the capture phase (ahead of the page's own), through `ctx`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding } from '@/lib/analysis/types';
import type { SendCheckStatRequest } from '@/lib/extension/messages';
import type { PageServices } from './services';
import type { Settings } from '@/lib/extension/settings';
import { sendCheckSource } from '@/lib/extension/send-check-settings';
import { sendKnowledgeFor } from '@/lib/sites/send-buttons';
import { composerForButton, sendButtonAt, sendKeyOf } from '@/lib/sites/send-target';
import { findingKey, type SendCheckView } from '@/lib/ui/page/model';
import type { ComposerSession } from './session';

/** The coaching kind that counts as "an unanswered customer question" (added by the coaching work). */
export const UNANSWERED_QUESTION = 'unanswered-question';

/** What the controller lends the check. */
export interface SendCheckHost {
  readonly adapterId: string;
  readonly services: Pick<PageServices, 'sendCheckStat' | 'settings'>;
  sessions(): ComposerSession[];
  /** Every composer the adapter sees (so two reply areas on one page stay apart). */
  composers(): HTMLElement[];
  isOurs(node: EventTarget | null): boolean;
  titles(): Record<string, string>;
  /** Draw (or remove) the prompt. */
  show(view: SendCheckView | undefined): void;
  saveCaret(session: ComposerSession): void;
  restoreCaret(): void;
}

const PRESS_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;

interface Pending {
  view: SendCheckView;
  replay: () => void;
  button?: HTMLElement;
}

export class SendCheck {
  private readonly knowledge;
  private settings: Pick<Settings, 'sendCheckHosts'> = { sendCheckHosts: [] };
  private policy: string[] = [];
  private pending: Pending | undefined;
  private replaying = false;
  /** The decision taken at the start of a press on a send button, kept for the rest of that press. */
  private press: { button: HTMLElement; known: boolean; hold: boolean } | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly host: SendCheckHost,
  ) {
    this.knowledge = sendKnowledgeFor(host.adapterId);
  }

  /** Reads the organisation's policy and follows its changes. */
  async start(): Promise<void> {
    this.policy = await this.host.services.settings.sendCheckPolicy();
    const stop = this.host.services.settings.watchSendCheckPolicy((p) => (this.policy = p));
    this.ctx.onInvalidated(stop);
  }

  /** The agent's settings changed. */
  setSettings(s: Pick<Settings, 'sendCheckHosts'>): void {
    this.settings = s;
    if (!this.on) this.close();
  }

  private get on(): boolean {
    return sendCheckSource(this.settings, this.policy, location.hostname) !== 'off';
  }

  /** Capture-phase listeners on a window that holds a composer (the page, or a same-origin editor frame). */
  listen(win: Window): void {
    for (const type of PRESS_EVENTS) this.ctx.addEventListener(win, type, (e: Event) => this.onPress(e as MouseEvent), { capture: true });
    this.ctx.addEventListener(win, 'keydown', (e: Event) => this.onKeyDown(e as KeyboardEvent), { capture: true });
  }

  /** The agent's answer, from the prompt. */
  answer(choice: 'send' | 'review'): void {
    const pending = this.pending;
    if (!pending) return;
    this.close();
    this.stat(choice === 'send' ? 'sent' : 'reviewed');
    if (choice === 'review') {
      this.host.restoreCaret();
      return;
    }
    this.replaying = true;
    try {
      pending.replay();
    } finally {
      this.replaying = false;
    }
  }

  private close() {
    if (!this.pending) return;
    this.pending = undefined;
    this.host.show(undefined);
  }

  private onPress(e: MouseEvent) {
    if (this.replaying || !e.isTrusted) return;
    const target = e.composedPath()[0] as Element | undefined;
    if (!target || typeof target.closest !== 'function' || this.host.isOurs(target)) return;
    if (this.pending) {
      // The same Send again while the prompt asks: still held. A press anywhere else: back to the draft.
      if (this.pending.button?.contains(target)) return stop(e);
      if (e.type === 'pointerdown') this.answer('review');
      return;
    }
    // One decision per press, at its start (pointerdown; or the click alone, for a keyboard-activated button).
    if (e.type === 'pointerdown') this.press = this.decide(target);
    else if (!this.press && e.type === 'click') this.press = this.decide(target);
    const press = this.press;
    if (e.type === 'click') this.press = undefined;
    if (!press?.hold || !press.button.contains(target)) return;
    if (e.type !== 'click') return stop(e);
    const session = this.sessionForButton(press.button, press.known);
    const view = session && this.view(session);
    if (!session || !view) return; // nothing to ask about any more: the click goes through
    stop(e);
    this.host.saveCaret(session);
    const button = press.button;
    // "Send anyway" presses the button again, the way a pointer does.
    this.ask({ view, button, replay: () => pressButton(button) });
  }

  /** At the start of a press: is it on a send button whose composer has something to ask about? */
  private decide(target: Element): { button: HTMLElement; known: boolean; hold: boolean } | undefined {
    const hit = sendButtonAt(target, this.knowledge);
    if (!hit) return undefined;
    const session = this.on ? this.sessionForButton(hit.button, hit.known) : undefined;
    return { button: hit.button, known: hit.known, hold: !!session && !!this.view(session) };
  }

  private sessionForButton(button: HTMLElement, known: boolean): ComposerSession | undefined {
    const sessions = this.host.sessions();
    if (!sessions.length) return undefined;
    const all = [...new Set([...sessions.map((s) => s.element), ...this.host.composers()])];
    const composer = composerForButton({ button, known }, all);
    return sessions.find((s) => s.element === composer);
  }

  private onKeyDown(e: KeyboardEvent) {
    if (this.replaying || !e.isTrusted) return;
    const target = e.composedPath()[0] as Element | undefined;
    if (!target || this.host.isOurs(target) || this.pending || !this.on) return;
    const combo = sendKeyOf(e, this.knowledge.keys);
    if (!combo) return this.onButtonKey(e, target);
    const session = this.host.sessions().find((s) => s.element === target || s.element.contains(target as Node));
    const view = session && this.view(session);
    if (!session || !view) return;
    stop(e);
    this.host.saveCaret(session);
    const init: KeyboardEventInit & { keyCode: number; which: number } = {
      key: 'Enter', code: e.code || 'Enter', keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
      bubbles: true, cancelable: true, composed: true,
    };
    this.ask({
      view,
      replay: () => {
        // Back in the composer, where the agent pressed the keys, then the same keys again.
        this.host.restoreCaret();
        const to = target.isConnected ? target : session.element;
        const KeyEvent = (to.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.KeyboardEvent ?? KeyboardEvent;
        to.dispatchEvent(new KeyEvent('keydown', init));
        to.dispatchEvent(new KeyEvent('keyup', init));
      },
    });
  }

  /**
   * Enter or Space on a focused send button that is not a native button (Gmail's div[role=button]): apps act on
   * the keydown itself (a native button turns these keys into a click, which onPress holds).
   */
  private onButtonKey(e: KeyboardEvent, target: Element) {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.ctrlKey || e.metaKey || e.altKey || e.repeat || typeof target.closest !== 'function') return;
    const hit = sendButtonAt(target, this.knowledge);
    if (!hit || hit.button.tagName === 'BUTTON' || hit.button.tagName === 'INPUT') return;
    const session = this.sessionForButton(hit.button, hit.known);
    const view = session && this.view(session);
    if (!session || !view) return;
    stop(e);
    this.host.saveCaret(session);
    const button = hit.button;
    const init: KeyboardEventInit & { keyCode: number; which: number } = {
      key: e.key, code: e.code, keyCode: e.keyCode, which: e.keyCode, shiftKey: e.shiftKey, bubbles: true, cancelable: true, composed: true,
    };
    this.ask({
      view,
      button,
      replay: () => {
        if (!button.isConnected) return;
        button.focus();
        const KeyEvent = (button.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.KeyboardEvent ?? KeyboardEvent;
        button.dispatchEvent(new KeyEvent('keydown', init));
        button.dispatchEvent(new KeyEvent('keyup', init));
      },
    });
  }

  private ask(pending: Pending) {
    this.pending = pending;
    this.host.show(pending.view);
    this.stat('shown');
  }

  /** What to ask about for this composer, from what is already known; undefined when there is nothing. */
  view(session: ComposerSession): SendCheckView | undefined {
    const text = session.bridge.read().text;
    const current = text === session.analysedText;
    // Typed since the last analysis: the known findings whose words are still where they were.
    const findings: Finding[] = current
      ? session.visibleFindings(text).map((v) => v.finding)
      : session.report.findings.filter((f) => text.slice(f.start, f.end) === f.text && !session.ignoredOnce.has(findingKey(text, f)));
    const titles = this.host.titles();
    const items: SendCheckView['items'] = findings
      .filter((f) => f.severity === 'high')
      .map((f) => ({ kind: 'finding' as const, text: f.text, detail: titles[f.category] ?? f.category }));
    if (current) for (const c of session.report.coaching) if (c.kind === UNANSWERED_QUESTION) items.push({ kind: 'coaching', text: c.message });
    return items.length ? { composerId: session.id, items } : undefined;
  }

  private stat(outcome: SendCheckStatRequest['outcome']) {
    this.host.services.sendCheckStat(outcome);
  }
}

/** Keep an event from the page (we are first: capture phase on its window). */
function stop(e: Event) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** Press a button the way a pointer does (apps differ in which of these events they act on). */
function pressButton(button: HTMLElement) {
  if (!button.isConnected) return;
  const view = button.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const r = button.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, view, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
  const Pointer = view?.PointerEvent ?? (typeof PointerEvent === 'function' ? PointerEvent : undefined);
  const Mouse = view?.MouseEvent ?? MouseEvent;
  if (Pointer) button.dispatchEvent(new Pointer('pointerdown', { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1 }));
  button.dispatchEvent(new Mouse('mousedown', { ...at, buttons: 1 }));
  if (Pointer) button.dispatchEvent(new Pointer('pointerup', { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 0 }));
  button.dispatchEvent(new Mouse('mouseup', { ...at, buttons: 0 }));
  button.dispatchEvent(new Mouse('click', { ...at, buttons: 0, detail: 1 }));
}
