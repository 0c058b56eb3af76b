/**
 * The in-page conductor: routes the page's events to the parts that handle them. composers.ts tracks the
 * composers the agent focuses (a ComposerSession each), overlay.ts draws underlines, badge and card and runs the
 * render loop, card-actions.ts does what the agent asks of a finding, popup-protocol.ts answers the popup,
 * send-check.ts holds a send with high-severity findings. Its services (analysis, counts, settings) come from
 * content/index.ts. Nothing heavy runs until a composer gets focus.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Settings } from '@/lib/extension/settings';
import { isNextFindingKey, type PageState } from '@/lib/ui/page/model';
import { deepActiveElement, documentChain } from '@/lib/sites/roots';
import { CardActions } from './card-actions';
import { ComposerTracker } from './composers';
import { CustomerReader } from './customer';
import { DocumentListeners } from './documents';
import { hits, frameOffset } from './geometry';
import { Overlay } from './overlay';
import { popupHandlers } from './popup-protocol';
import { SendCheck } from './send-check';
import type { PageServices } from './services';
import { TEST_ATTRIBUTES, writeTestAttributes } from './test-attributes';
import { wakeBackground } from './wake';

export class PageController {
  private enabled = false;
  private analyses = 0;
  private readonly docs: DocumentListeners;
  private readonly customer: CustomerReader;
  private readonly tracker: ComposerTracker;
  private readonly overlay: Overlay;
  private readonly card: CardActions;
  private readonly sendCheck: SendCheck;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
    private readonly services: PageServices,
  ) {
    this.customer = new CustomerReader(adapter);
    this.tracker = new ComposerTracker({
      adapter,
      services,
      customer: () => this.customer.message(),
      onAnalysed: () => {
        this.analyses++;
        this.overlay.schedule();
      },
      onRemoved: (s) => {
        // Its frame's document was rewritten in place (same document, new body): listen on it again.
        const doc = s.element.ownerDocument;
        if (doc !== document && doc.defaultView?.frameElement?.isConnected) queueMicrotask(() => this.docs.recheck(doc));
        if (this.overlay.state.card?.composerId === s.id) this.overlay.state.card = undefined;
      },
      onPageChanged: () => this.checkConnected(),
    });
    this.overlay = new Overlay(ctx, {
      get actions() {
        return card.actions;
      },
      refresh: (state) => this.refresh(state),
      rendered: TEST_ATTRIBUTES ? (host) => writeTestAttributes(host, this.overlay.state, this.tracker.all(), adapter.id, this.analyses) : undefined,
    });
    const card = (this.card = new CardActions({
      tracker: this.tracker,
      overlay: this.overlay,
      services,
      answerSendCheck: (choice) => this.sendCheck.answer(choice),
    }));
    this.sendCheck = this.createSendCheck();
    this.docs = new DocumentListeners(
      this.ctx,
      {
        focusin: (e) => this.onFocusTarget(e.composedPath()[0] as Element),
        keydown: (e) => this.onKeyDown(e),
        click: (e, doc) => this.onClick(e, doc),
        scroll: () => this.overlay.schedule(),
      },
      () => {
        this.checkConnected();
        // The rewritten frame's editor makes its body editable a moment later (CKEditor 4 does, after load).
        if (!document.hasFocus()) return;
        this.onFocusTarget(document.activeElement);
        setTimeout(() => this.onFocusTarget(document.activeElement), 100);
      },
      // The soft check listens where the agent sends from: the same documents, attached again after a rewrite.
      (doc) => this.sendCheck.listen(doc.defaultView ?? window),
    );
  }

  /** What is on screen (tests). */
  get state(): Readonly<PageState> {
    return this.overlay.state;
  }

  /** Cheap: a few listeners and one storage read. */
  async start(): Promise<void> {
    void this.sendCheck.start();
    this.applySettings(await this.services.settings.get());
    const unwatch = this.services.settings.watch((s) => this.applySettings(s));
    this.docs.listen(document);
    wakeBackground(this.services.warm); // the agent is reading the ticket: let a sleeping service worker start now
    // Focus moved into a frame: the frames' own focus state settles after the top window's blur.
    this.ctx.addEventListener(window, 'blur', () => setTimeout(() => this.onFocusTarget(document.activeElement), 0));
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.customer.forget();
      this.checkConnected();
    });
    this.ctx.addEventListener(window, 'resize', () => this.overlay.schedule());
    const stopAnswering = this.services.answer(
      popupHandlers({ adapterId: this.adapter.id, tracker: this.tracker, applyFix: (s, fix, f) => this.card.applyFix(s, fix, f), notify: (t) => this.overlay.notify(t) }),
    );
    this.ctx.onInvalidated(() => {
      stopAnswering();
      unwatch();
      this.tracker.stop();
      this.overlay.remove();
    });
    // A composer already focused when we arrive (autofocus, or the script injected after a permission grant).
    if (document.hasFocus() && document.activeElement && document.activeElement !== document.body) this.onFocusTarget(document.activeElement);
  }

  private applySettings(s: Settings | null) {
    const settings = s ?? { enabled: true, disabledHosts: [] as string[] };
    const on = settings.enabled && !settings.disabledHosts.includes(location.hostname);
    const was = this.enabled;
    this.enabled = on;
    this.sendCheck.setSettings({ sendCheckHosts: s?.sendCheckHosts ?? [] });
    if (!on) {
      this.tracker.clear();
      this.overlay.reset();
      this.overlay.schedule();
    } else if (was) {
      // Rules or ignored phrases changed: re-analyse with the new settings.
      for (const session of this.tracker.all()) session.schedule(0);
    }
  }

  private onFocusTarget(target: Element | null) {
    if (!this.enabled || !target || this.overlay.isOurs(target)) return;
    // Through same-origin frames (any depth) and open shadow roots to what really has focus.
    const el = deepActiveElement(target);
    if (!el || this.overlay.isOurs(el)) return;
    for (const doc of documentChain(el)) this.docs.listen(doc);
    if (this.tracker.track(el)) void this.overlay.ensure();
  }

  /** Ends the sessions whose composer left the page, and re-renders when any did. */
  private checkConnected() {
    if (this.tracker.dropDetached()) this.overlay.schedule();
  }

  private onKeyDown(e: KeyboardEvent) {
    const target = e.composedPath()[0] ?? e.target;
    const session = this.tracker.sessionFor(target);
    // Typing in an editable no focus event told us about (its document was rewritten while focused).
    if (!session) return this.onFocusTarget(target as Element);
    wakeBackground(this.services.warm); // typing after a quiet spell: the worker may have stopped meanwhile
    if (e.key === 'Escape' && this.overlay.state.card) {
      this.card.actions.closeCard(false);
      return;
    }
    if (!isNextFindingKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    this.card.actions.nextFinding(session.id);
  }

  private onClick(e: MouseEvent, doc: Document) {
    const target = e.composedPath()[0] ?? e.target;
    if (this.overlay.isOurs(target)) return;
    const state = this.overlay.state;
    const session = this.tracker.sessionFor(target);
    if (!session) {
      // A click elsewhere on the page dismisses the card or list, like any popover.
      if (state.card || state.list) this.card.actions.closeCard(false);
      return;
    }
    const { x, y } = doc === document ? { x: 0, y: 0 } : frameOffset(session.element);
    const px = e.clientX + x;
    const py = e.clientY + y;
    const view = state.composers.find((c) => c.composerId === session.id);
    const hit = view?.findings.find((f) => hits(f.rects, px, py));
    if (hit) this.card.actions.openCard(session.id, hit.key, 'click');
    else if (state.card) this.card.actions.closeCard(false);
  }

  /** Before each render: drop composers that left, recompute every session's view, keep the card on a live finding. */
  private refresh(state: PageState) {
    this.checkConnected();
    const titles: Record<string, string> = {};
    state.composers = this.tracker.all().map((s) => {
      Object.assign(titles, s.titles);
      return s.view();
    });
    state.titles = titles;
    const card = state.card;
    if (card && !this.card.findShown(card.composerId, card.key)) state.card = undefined;
    state.customerBox = state.card ? this.customer.box() : undefined;
  }

  /** The soft check before sending (send-check.ts), lent what it needs from the page's sessions and UI. */
  private createSendCheck(): SendCheck {
    return new SendCheck(this.ctx, {
      adapterId: this.adapter.id,
      services: this.services,
      sessions: () => this.tracker.all(),
      composers: () => this.adapter.findComposers(document),
      isOurs: (node) => this.overlay.isOurs(node),
      titles: () => this.overlay.state.titles,
      show: (view) => {
        const state = this.overlay.state;
        state.sendCheck = view;
        if (view) {
          state.card = undefined;
          state.list = undefined;
          void this.overlay.ensure();
        }
        this.overlay.now();
      },
      saveCaret: (session) => this.card.saveCaret(session),
      restoreCaret: () => this.card.restoreCaret(),
    });
  }
}
