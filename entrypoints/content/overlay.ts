/**
 * Attune's layer over the page: one shadow root (Preact's PageUi inside, the CSS inlined) mounted on the first
 * composer, and the render loop: `schedule()` coalesces changes into one layout per animation frame, `now()`
 * lays out at once (after the agent's own action). A notice is a short message that goes after 5 s.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { h, render } from 'preact';
import type { PageActions, PageState } from '@/lib/ui/page/model';
import { PageUi } from '@/lib/ui/page/PageUi';
import pageCss from '@/lib/ui/page/style.css?inline';

export interface OverlayHost {
  readonly actions: PageActions;
  /** Bring `state` up to date before a render (geometry, titles, the card's target). */
  refresh(state: PageState): void;
  /** After a render, with the shadow host (test-attributes.ts in the e2e build). */
  rendered?(host: HTMLElement): void;
}

const NOTICE_MS = 5000;

export class Overlay {
  readonly state: PageState = { composers: [], titles: {} };
  private ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  private mounted: ShadowRootContentScriptUi<void> | undefined;
  private queued = false;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly host: OverlayHost,
  ) {}

  /** The shadow root, once mounted (the clipboard fallback writes from inside it). */
  get shadow(): ShadowRoot | undefined {
    return this.mounted?.shadow;
  }

  /** Inside Attune's own shadow-root UI. */
  isOurs(node: EventTarget | null): boolean {
    const host = this.mounted?.shadowHost;
    return !!host && node instanceof Node && (host === node || host.contains(node) || (node.getRootNode() as ShadowRoot).host === host);
  }

  /** Mounts the UI (once). */
  ensure(): Promise<ShadowRootContentScriptUi<void>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: 'attune-ui',
      css: pageCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click', 'focusin', 'focusout'],
      onMount: (container, _shadow, host) => {
        // The same as the `:host` rule in style.css, which is what applies (WXT's reset there beats inline styles).
        host.style.cssText = 'position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483647 !important;display:block !important;';
        container.setAttribute('class', 'attune-root');
      },
    }).then((ui) => {
      ui.mount();
      this.mounted = ui;
      this.now();
      return ui;
    });
    return this.ui;
  }

  /** Lay out on the next animation frame (many changes, one layout). */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.now();
    });
  }

  /** Recompute geometry and render. */
  now(): void {
    this.host.refresh(this.state);
    const ui = this.mounted;
    if (!ui) return;
    render(h(PageUi, { state: { ...this.state }, actions: this.host.actions }), ui.uiContainer);
    this.host.rendered?.(ui.shadowHost);
  }

  /** A short message in the page (a status line in the UI). */
  notify(text: string): void {
    this.state.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.state.notice = undefined;
      this.schedule();
    }, NOTICE_MS);
    void this.ensure();
    this.schedule();
  }

  /** Attune switched off here: nothing to show. */
  reset(): void {
    for (const key of Object.keys(this.state) as (keyof PageState)[]) delete this.state[key];
    Object.assign(this.state, { composers: [], titles: {} });
  }

  remove(): void {
    clearTimeout(this.noticeTimer);
    this.mounted?.remove();
  }
}
