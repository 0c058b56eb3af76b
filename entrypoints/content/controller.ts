/**
 * The in-page controller: finds the composer the agent focuses, keeps a ComposerSession per composer,
 * renders underlines, badge and card (Preact in a shadow root), and answers the popup's messages.
 * Nothing heavy runs until a composer gets focus.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { h, render } from 'preact';
import { bridgeFor, isOptedOut } from '@/lib/editors';
import type { SiteAdapter } from '@/lib/sites/types';
import type { ApplyRequest, ApplyResponse, FindingsResponse } from '@/lib/extension/messages';
import { addIgnoredPhrase, getSettings, setRuleEnabled, settingsItem, type Settings } from '@/lib/extension/settings';
import { getLocks } from '@/lib/extension/org-policy';
import { isLocked } from '@/lib/phrasebank/locks';
import { isNextFindingKey, type Box, type PageActions, type PageState, type ShownFinding } from '@/lib/ui/page/model';
import type { Finding, Fix } from '@/lib/analysis/types';
import { PageUi } from '@/lib/ui/page/PageUi';
import pageCss from '@/lib/ui/page/style.css?inline';
import { ComposerSession } from './session';
import { copyText } from './clipboard';
import { hits, frameOffset } from './geometry';
import { SendCheck } from './send-check';
import { DocumentListeners } from './documents';
import { wakeBackground } from './wake';
import { composerForFocus } from '@/lib/sites/dom';
import { deepActiveElement, documentChain } from '@/lib/sites/roots';

type SavedCaret = { el: HTMLElement; range?: Range; start?: number; end?: number };

export class PageController {
  private readonly sessions = new Map<string, ComposerSession>();
  private state: PageState = { composers: [], titles: {} };
  private ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  private mounted: ShadowRootContentScriptUi<void> | undefined;
  private layoutQueued = false;
  private enabled = false;
  private observer: MutationObserver | undefined;
  private readonly docs: DocumentListeners;

  private caret: SavedCaret | undefined;
  /** The finding whose card Escape just closed, and where the caret went back to: Alt+Shift+A goes on from it. */
  private lastVisited: { composerId: string; key: string; caret: number; text: string } | undefined;
  private customerCache: { at: number; url: string; text: string | undefined } | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private analyses = 0;
  private sendCheck: SendCheck | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {
    this.docs = new DocumentListeners(
      this.ctx,
      {
        focusin: (e) => this.onFocusTarget(e.composedPath()[0] as Element),
        keydown: (e) => this.onKeyDown(e),
        click: (e, doc) => this.onClick(e, doc),
        scroll: () => this.scheduleLayout(),
      },
      () => {
        this.checkConnected();
        // The rewritten frame's editor makes its body editable a moment later (CKEditor 4 does, after load).
        if (!document.hasFocus()) return;
        this.onFocusTarget(document.activeElement);
        setTimeout(() => this.onFocusTarget(document.activeElement), 100);
      },
      // The soft check listens where the agent sends from: the same documents, attached again after a rewrite.
      (doc) => this.sendCheck?.listen(doc.defaultView ?? window),
    );
  }

  /** Cheap: a few listeners and one storage read. */
  async start(): Promise<void> {
    this.sendCheck = this.createSendCheck();
    this.applySettings(await getSettings());
    settingsItem.watch((s) => this.applySettings(s));
    this.docs.listen(document);
    wakeBackground(); // the agent is reading the ticket: let a sleeping service worker start now
    // Focus moved into a frame: the frames' own focus state settles after the top window's blur.
    this.ctx.addEventListener(window, 'blur', () => setTimeout(() => this.onFocusTarget(document.activeElement), 0));
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.customerCache = undefined;
      this.checkConnected();
    });
    this.ctx.addEventListener(window, 'resize', () => this.scheduleLayout());
    browser.runtime.onMessage.addListener(this.onMessage);
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(this.onMessage);
      for (const s of this.sessions.values()) s.dispose();
      this.observer?.disconnect();
      this.mounted?.remove();
    });
    // A composer already focused when we arrive (autofocus, or the script injected after a permission grant).
    if (document.hasFocus() && document.activeElement && document.activeElement !== document.body) this.onFocusTarget(document.activeElement);
  }

  private applySettings(s: Settings | null) {
    const settings = s ?? { enabled: true, disabledHosts: [] as string[] };
    const on = settings.enabled && !settings.disabledHosts.includes(location.hostname);
    const was = this.enabled;
    this.enabled = on;
    this.sendCheck?.setSettings({ sendCheckHosts: s?.sendCheckHosts ?? [] });
    if (!on) {
      for (const session of this.sessions.values()) session.dispose();
      this.sessions.clear();
      this.state = { composers: [], titles: {} };
      this.scheduleLayout();
    } else if (was) {
      // Rules or ignored phrases changed: re-analyse with the new settings.
      for (const session of this.sessions.values()) session.schedule(0);
    }
  }

  private onFocusTarget(target: Element | null) {
    if (!this.enabled || !target || this.isOurs(target)) return;
    // Through same-origin frames (any depth) and open shadow roots to what really has focus.
    const el = deepActiveElement(target);
    if (!el || this.isOurs(el)) return;
    for (const doc of documentChain(el)) this.docs.listen(doc);
    const existing = [...this.sessions.values()].find((s) => s.element === el || s.element.contains(el));
    if (existing) return;
    // The composer is what the agent focused; the adapter's selectors never hide it.
    const composer = composerForFocus((root) => this.adapter.findComposers(root), document, el);
    if (!composer || isOptedOut(composer)) return;
    const bridge = bridgeFor(composer);
    if (!bridge) return;
    const session = new ComposerSession(bridge, this.adapter.id, () => this.customerMessage(), () => {
      this.analyses++;
      this.scheduleLayout();
    });
    this.sessions.set(session.id, session);
    this.watchRemovals();
    void this.ensureUi();
    void session.analyse();
  }

  /** The customer's latest message (cached briefly: reading it on every keystroke pause is wasteful). */
  private customerMessage(): string | undefined {
    const now = Date.now();
    const fresh = this.adapter.id === 'generic' && this.customerCache?.text ? Infinity : 2000;
    if (this.customerCache && this.customerCache.url === location.href && now - this.customerCache.at < fresh) return this.customerCache.text;
    const text = this.adapter.findCustomerMessage(document);
    this.customerCache = { at: now, url: location.href, text };
    return text;
  }

  /** Where the customer's latest message is on screen (top-frame coordinates), where the adapter can say. */
  private customerBox(): Box | undefined {
    const el = this.adapter.customerMessageElement?.(document);
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    const { x, y } = el.ownerDocument === document ? { x: 0, y: 0 } : frameOffset(el as HTMLElement);
    return r.width && r.height ? { left: r.left + x, top: r.top + y, width: r.width, height: r.height } : undefined;
  }

  /** SPA helpdesks remove composers when the agent moves between tickets. */
  private watchRemovals() {
    if (this.observer) return;
    let queued = false;
    this.observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        this.checkConnected();
      }, 200);
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
  }

  private checkConnected() {
    let changed = false;
    for (const [id, s] of this.sessions) {
      if (!isAttached(s.element)) {
        // Its frame's document was rewritten in place (same document, new body): listen on it again.
        const doc = s.element.ownerDocument;
        if (doc !== document && doc.defaultView?.frameElement?.isConnected) queueMicrotask(() => this.docs.recheck(doc));
        s.dispose();
        this.sessions.delete(id);
        if (this.state.card?.composerId === id) this.state.card = undefined;
        changed = true;
      }
    }
    if (changed) this.scheduleLayout();
  }

  private sessionFor(target: EventTarget | null): ComposerSession | undefined {
    const node = target as Node | null;
    if (!node) return undefined;
    return [...this.sessions.values()].find((s) => s.element === node || s.element.contains(node));
  }

  private onKeyDown(e: KeyboardEvent) {
    const session = this.sessionFor(e.composedPath()[0] ?? e.target);
    if (session) wakeBackground(); // typing after a quiet spell: the worker may have stopped meanwhile
    // Typing in an editable no focus event told us about (its document was rewritten while focused).
    if (!session) return this.onFocusTarget((e.composedPath()[0] ?? e.target) as Element);
    if (e.key === 'Escape' && this.state.card) {
      this.actions.closeCard(false);
      return;
    }
    if (!isNextFindingKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    this.actions.nextFinding(session.id);
  }

  /**
   * The first finding after the caret, wrapping around; after the finding whose card is open (the shortcut
   * pressed in the card), or whose card Escape closed while the caret has not moved since.
   */
  private nextFinding(session: ComposerSession): ShownFinding | undefined {
    const list = (this.state.composers.find((c) => c.composerId === session.id)?.findings ?? []).slice().sort((a, b) => a.finding.start - b.finding.start);
    if (!list.length) return undefined;
    const after = (key: string) => {
      const i = list.findIndex((f) => f.key === key);
      return i >= 0 ? list[(i + 1) % list.length] : undefined;
    };
    if (this.state.card?.composerId === session.id) return after(this.state.card.key) ?? list[0];
    const caret = this.caretOffset(session);
    const last = this.lastVisited;
    if (last?.composerId === session.id && last.caret === caret && last.text === session.analysedText) {
      const next = after(last.key);
      if (next) return next;
    }
    return list.find((f) => f.finding.end >= caret) ?? list[0];
  }

  private caretOffset(session: ComposerSession): number {
    const el = session.element as HTMLTextAreaElement;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return el.selectionStart ?? 0;
    const sel = el.ownerDocument.getSelection();
    if (!sel || !sel.rangeCount) return 0;
    const caret = sel.getRangeAt(0);
    const snapshot = session.bridge.read();
    // The first finding whose start is at or after the caret.
    for (const { finding } of session.visibleFindings(snapshot.text)) {
      const r = snapshot.rangeFor(finding.start, finding.end);
      if (r && r.compareBoundaryPoints(Range.END_TO_START, caret) <= 0 && r.compareBoundaryPoints(Range.START_TO_END, caret) >= 0) return finding.start;
      if (r && r.compareBoundaryPoints(Range.START_TO_START, caret) >= 0) return finding.start;
    }
    return Number.MAX_SAFE_INTEGER;
  }

  /** Inside Attune's own shadow-root UI. */
  private isOurs(node: EventTarget | null): boolean {
    const host = this.mounted?.shadowHost;
    return !!host && node instanceof Node && (host === node || host.contains(node) || (node.getRootNode() as ShadowRoot).host === host);
  }

  private onClick(e: MouseEvent, doc: Document) {
    const target = e.composedPath()[0] ?? e.target;
    if (this.isOurs(target)) return;
    const session = this.sessionFor(target);
    if (!session) {
      // A click elsewhere on the page dismisses the card or list, like any popover.
      if (this.state.card || this.state.list) this.actions.closeCard(false);
      return;
    }
    const { x, y } = doc === document ? { x: 0, y: 0 } : frameOffset(session.element);
    const px = e.clientX + x;
    const py = e.clientY + y;
    const view = this.state.composers.find((c) => c.composerId === session.id);
    const hit = view?.findings.find((f) => hits(f.rects, px, py));
    if (hit) this.actions.openCard(session.id, hit.key, 'click');
    else if (this.state.card) this.actions.closeCard(false);
  }

  private saveCaret(session: ComposerSession) {
    const el = session.element as HTMLTextAreaElement;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
      this.caret = { el, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
      return;
    }
    const sel = el.ownerDocument.getSelection();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
    this.caret = { el, range: range && el.contains(range.startContainer) ? range : undefined };
  }

  private restoreCaret() {
    const caret = this.caret;
    this.caret = undefined;
    if (!caret || !caret.el.isConnected) return;
    const doc = caret.el.ownerDocument;
    focusComposer(caret.el);
    if (caret.start !== undefined) (caret.el as HTMLTextAreaElement).setSelectionRange(caret.start, caret.end ?? caret.start);
    else if (caret.range) {
      const sel = doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(caret.range);
    }
  }

  private findShown(composerId: string, key: string): { session: ComposerSession; shown: ShownFinding } | undefined {
    const session = this.sessions.get(composerId);
    const shown = this.state.composers.find((c) => c.composerId === composerId)?.findings.find((f) => f.key === key);
    return session && shown ? { session, shown } : undefined;
  }

  readonly actions: PageActions = {
    openCard: (composerId, key, via) => {
      const session = this.sessions.get(composerId);
      if (!session) return;
      // Remember the caret once, when focus is still in the editor.
      if (!this.state.card) this.saveCaret(session);
      for (const s of this.sessions.values()) s.activeKey = undefined;
      session.activeKey = key;
      this.state.card = { composerId, key, via };
      this.state.list = undefined;
      this.layoutNow();
    },
    nextFinding: (composerId) => {
      const session = this.sessions.get(composerId);
      if (!session) return;
      const next = this.nextFinding(session);
      if (next) this.actions.openCard(session.id, next.key, 'keyboard');
      else this.notify('Nothing to look at here — this draft reads kindly.');
    },
    closeCard: (restoreFocus) => {
      const card = this.state.card;
      for (const s of this.sessions.values()) s.activeKey = undefined;
      this.state.card = undefined;
      this.state.list = undefined;
      this.layoutNow();
      this.lastVisited = undefined;
      if (restoreFocus) {
        this.restoreCaret();
        const session = card && this.sessions.get(card.composerId);
        if (session) this.lastVisited = { composerId: session.id, key: card.key, caret: this.caretOffset(session), text: session.analysedText };
      } else this.caret = undefined;
    },
    apply: (composerId, key, index) => {
      const found = this.findShown(composerId, key);
      this.caret = undefined;
      this.actions.closeCard(false);
      if (!found) {
        this.notify('Your draft changed, so the suggestions were refreshed.');
        this.sessions.get(composerId)?.schedule(0);
        return;
      }
      const { finding } = found.shown;
      const fix = finding.fixes[index];
      if (fix) void this.applyFix(found.session, fix, finding);
    },
    ignoreOnce: (composerId, key, reason) => {
      const found = this.findShown(composerId, key);
      if (!found) return;
      found.session.ignoredOnce.add(key);
      found.session.countDismissed(found.shown.finding, reason);
      this.actions.closeCard(true);
    },
    ignorePhrase: (composerId, key) => {
      const found = this.findShown(composerId, key);
      if (!found) return;
      found.session.ignoredOnce.add(key); // hide it now; the settings change re-analyses
      found.session.countDismissed(found.shown.finding);
      void addIgnoredPhrase(found.shown.finding.text, location.hostname);
      this.actions.closeCard(true);
      this.notify(`“${found.shown.finding.text}” won't be flagged on ${location.hostname}. You can undo this in Attune's options.`);
    },
    disableRule: async (composerId, key) => {
      const found = this.findShown(composerId, key);
      if (!found) return;
      // A rule the organisation locks stays on (the analysis would ignore the switch anyway): say so, change nothing.
      if (isLocked(found.shown.finding, await getLocks())) {
        this.actions.closeCard(true);
        this.notify('Your organisation keeps this rule on, so it can\u2019t be turned off here.');
        return;
      }
      found.session.ignoredOnce.add(key);
      found.session.countDismissed(found.shown.finding);
      void setRuleEnabled(found.shown.finding.ruleId, false);
      this.actions.closeCard(true);
      this.notify('Rule turned off. You can turn it back on in Attune\u2019s options.');
    },
    sendCheck: (choice) => this.sendCheck?.answer(choice),
    toggleList: (composerId) => {
      this.state.list = this.state.list === composerId ? undefined : composerId;
      this.state.card = undefined;
      this.layoutNow();
    },
  };

  /** The soft check before sending (send-check.ts), lent what it needs from the page's sessions and UI. */
  private createSendCheck(): SendCheck {
    const check = new SendCheck(this.ctx, {
      adapterId: this.adapter.id,
      sessions: () => [...this.sessions.values()],
      composers: () => this.adapter.findComposers(document),
      isOurs: (node) => this.isOurs(node),
      titles: () => this.state.titles,
      show: (view) => {
        this.state.sendCheck = view;
        if (view) {
          this.state.card = undefined;
          this.state.list = undefined;
          void this.ensureUi();
        }
        this.layoutNow();
      },
      saveCaret: (session) => this.saveCaret(session),
      restoreCaret: () => this.restoreCaret(),
    });
    void check.start();
    return check;
  }

  /** Makes a finding's fix through the editor bridge; copies the text instead when the editor refuses. */
  private async applyFix(session: ComposerSession, fix: Fix, finding: Finding): Promise<ApplyResponse> {
    const replacement = fix.text;
    // The card had focus and is gone: put focus back in the editor (its frame first) so the edit and a later Ctrl+Z land there.
    focusComposer(session.element);
    const result = await session.bridge.replace(fix.start, fix.end, session.analysedText.slice(fix.start, fix.end), replacement);
    if (result.ok) focusComposer(session.element);
    let copied = false;
    if (result.ok) {
      session.countApplied(finding);
    } else {
      copied = await copyText(replacement, this.mounted?.shadow);
      const why = result.reason === 'stale' ? 'Your draft changed, so nothing was replaced. ' : "This editor didn't take the change. ";
      this.notify(copied ? `${why}Copied \u2014 paste it where you like.` : `${why}Suggestion: ${replacement}`);
    }
    await session.analyse();
    return { ...result, copied };
  }

  private notify(text: string) {
    this.state.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.state.notice = undefined;
      this.scheduleLayout();
    }, 5000);
    void this.ensureUi();
    this.scheduleLayout();
  }

  private readonly onMessage = (msg: any): Promise<unknown> | undefined => {
    if (msg?.type === 'attune:findings') {
      // Subframes answer only when they have composers; the top frame always answers.
      if (window !== window.top && !this.sessions.size) return undefined;
      return this.findings();
    }
    if (msg?.type === 'attune:apply') {
      const req = msg as ApplyRequest;
      const session = this.sessions.get(req.composerId);
      if (!session) return window === window.top ? Promise.resolve({ ok: false, reason: 'stale' } as ApplyResponse) : undefined;
      const finding = session.report.findings.find((f) => f.ruleId === req.ruleId && f.start === req.start);
      const fix = finding?.fixes[req.fixIndex];
      if (!finding || !fix) {
        this.notify('Your draft changed, so nothing was replaced.');
        return Promise.resolve({ ok: false, reason: 'stale' } as ApplyResponse);
      }
      return this.applyFix(session, fix, finding);
    }
    return undefined;
  };

  private async findings(): Promise<FindingsResponse> {
    const list = [...this.sessions.values()];
    // Bring reports up to date (the agent may have typed since the last pause).
    await Promise.all(list.filter((s) => s.analysedText !== s.bridge.read().text).map((s) => s.analyse()));
    return {
      composers: list.map((s) => ({
        composerId: s.id,
        site: this.adapter.id,
        editor: s.bridge.kind,
        report: { ...s.report, findings: s.visibleFindings().map((v) => v.finding) },
      })),
    };
  }

  private ensureUi(): Promise<ShadowRootContentScriptUi<void>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: 'attune-ui',
      css: pageCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click', 'focusin', 'focusout'],
      onMount: (container, _shadow, host) => {
        host.style.cssText = 'position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483647 !important;display:block !important;';
        container.setAttribute('class', 'attune-root');
      },
    }).then((ui) => {
      ui.mount();
      this.mounted = ui;
      this.layoutNow();
      return ui;
    });
    return this.ui;
  }

  private scheduleLayout() {
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    requestAnimationFrame(() => {
      this.layoutQueued = false;
      this.layoutNow();
    });
  }

  /** Recompute geometry and render. */
  private layoutNow() {
    this.checkConnected();
    const titles: Record<string, string> = {};
    this.state.composers = [...this.sessions.values()].map((s) => {
      Object.assign(titles, s.titles);
      return s.view();
    });
    this.state.titles = titles;
    const card = this.state.card;
    if (card && !this.findShown(card.composerId, card.key)) this.state.card = undefined;
    this.state.customerBox = this.state.card ? this.customerBox() : undefined;
    const ui = this.mounted;
    if (!ui) return;
    render(h(PageUi, { state: { ...this.state }, actions: this.actions }), ui.uiContainer);
    this.expose(ui.shadowHost);
  }

  /** Test- and tool-visible state on the shadow host (no draft text beyond the flagged words). */
  private expose(host: HTMLElement) {
    const round = (n: number) => Math.round(n * 10) / 10;
    host.setAttribute(
      'data-attune-findings',
      JSON.stringify(
        this.state.composers.flatMap((c) =>
          c.findings.map((f) => ({
            composerId: c.composerId,
            ruleId: f.finding.ruleId,
            severity: f.finding.severity,
            text: f.finding.text,
            start: f.finding.start,
            end: f.finding.end,
            rects: f.rects.map((r) => ({ left: round(r.left), top: round(r.top), width: round(r.width), height: round(r.height) })),
          })),
        ),
      ),
    );
    host.setAttribute('data-attune-coaching', JSON.stringify(this.state.composers.flatMap((c) => c.coaching.map((k) => ({ composerId: c.composerId, ...k })))));
    host.setAttribute(
      'data-attune-composers',
      JSON.stringify([...this.sessions.values()].map((s) => ({ composerId: s.id, site: this.adapter.id, editor: s.bridge.kind, painted: s.painted }))),
    );
    host.setAttribute('data-attune-analyses', String(this.analyses));
    host.setAttribute('data-attune-card', this.state.card?.key ?? '');
  }
}

/** The frames between the page and `el`, outermost first (same-origin, any depth). */
function framesOf(el: HTMLElement): HTMLElement[] {
  const frames: HTMLElement[] = [];
  for (let doc = el.ownerDocument; doc !== document; ) {
    const frame = doc.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!frame) break;
    frames.unshift(frame);
    doc = frame.ownerDocument;
  }
  return frames;
}

/** Still on the page: connected, and so is every frame on the way to it. */
function isAttached(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  const frames = framesOf(el);
  return frames.every((f) => f.isConnected) && (frames[0]?.ownerDocument ?? el.ownerDocument) === document;
}

/** Focus an editor, including one inside same-origin iframes (focus each frame first, or keys stay in the page above). */
function focusComposer(el: HTMLElement) {
  for (const frame of framesOf(el)) if (frame.ownerDocument.activeElement !== frame) frame.focus();
  if (el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
}
