/**
 * The documents the page controller listens on: the page, and every same-origin frame document on the
 * way to a composer (Salesforce's CKEditor 4 is two frames deep). A frame whose document is rewritten
 * after load (`document.open`/`write`, as Salesforce and CKEditor 4 do) loses every listener on it and its
 * window; the frame's load event (or the controller, when a composer's body vanished) notices the new root
 * element, and the listeners go back on.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface DocumentHandlers {
  focusin(e: Event): void;
  keydown(e: KeyboardEvent): void;
  click(e: MouseEvent, doc: Document): void;
  scroll(): void;
}

export class DocumentListeners {
  /** Each listened document and the root element it had then (a new root means the document was rewritten). */
  private readonly roots = new WeakMap<Document, Element | null>();
  private readonly bound = new WeakMap<Document, Record<'focusin' | 'keydown' | 'click' | 'scroll', EventListener>>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly handlers: DocumentHandlers,
    /** A listened frame document was rewritten (its old composer is gone; focus may already be in the new one). */
    private readonly onRewrite: (doc: Document) => void,
    /** Listeners went on `doc` (first time, or again after a rewrite): others can add theirs. */
    private readonly onAttach: (doc: Document) => void = () => {},
  ) {}

  /** Listened frame documents (not the page's own), for the watch below. */
  private readonly frames = new Set<Document>();
  private watch: ReturnType<typeof setInterval> | undefined;

  /**
   * While a frame document is listened: every 500 ms, re-listen on any that was rewritten without a load event
   * reaching us, forget frames that left the page, and let the controller look at the focus again (a frame
   * rewritten while focused gives no focus event). A few property reads per tick.
   */
  private startWatch(onTick: () => void) {
    if (this.watch) return;
    this.watch = setInterval(() => {
      for (const doc of this.frames) {
        let frame: Element | null = null;
        try { frame = doc.defaultView?.frameElement ?? null; } catch { frame = null; }
        if (!frame?.isConnected) this.frames.delete(doc);
        else this.recheck(doc);
      }
      if (!this.frames.size) {
        clearInterval(this.watch);
        this.watch = undefined;
        return;
      }
      onTick();
    }, 500);
    this.ctx.onInvalidated(() => clearInterval(this.watch));
  }

  /** Listen on `doc` (again, if it was rewritten since). Safe to call often. */
  listen(doc: Document): void {
    if (doc !== document && !this.frames.has(doc)) {
      this.frames.add(doc);
      this.startWatch(() => this.onRewrite(doc));
    }
    const known = this.roots.has(doc);
    if (known && this.roots.get(doc) === doc.documentElement) return;
    this.roots.set(doc, doc.documentElement);
    // The same function objects each time: the browser ignores a listener that is already registered.
    let fns = this.bound.get(doc);
    if (!fns) {
      fns = {
        focusin: (e) => this.handlers.focusin(e),
        keydown: (e) => this.handlers.keydown(e as KeyboardEvent),
        click: (e) => this.handlers.click(e as MouseEvent, doc),
        scroll: () => this.handlers.scroll(),
      };
      this.bound.set(doc, fns);
    }
    const target = doc as unknown as Window;
    this.ctx.addEventListener(target, 'focusin', fns.focusin, { capture: true });
    this.ctx.addEventListener(target, 'keydown', fns.keydown, { capture: true });
    this.ctx.addEventListener(target, 'click', fns.click, { capture: true });
    this.onAttach(doc);
    const win = doc.defaultView;
    if (win) this.ctx.addEventListener(win, 'scroll', fns.scroll, { capture: true, passive: true });
    // document.open() replaces the children with mutation observers suppressed, but document.close() ends
    // in a load event at the frame element, which a capturing listener on the parent document sees.
    this.ctx.addEventListener(target, 'load', this.onFrameLoad, { capture: true });
  }

  /** Re-listen on a listened frame document whose root element changed (it was rewritten). */
  recheck(doc: Document): boolean {
    if (!this.roots.has(doc) || this.roots.get(doc) === doc.documentElement) return false;
    this.listen(doc);
    this.onRewrite(doc);
    return true;
  }

  private readonly onFrameLoad = (e: Event) => {
    const frame = e.target as Element | null;
    if (!frame || (frame.tagName !== 'IFRAME' && frame.tagName !== 'FRAME')) return;
    let doc: Document | null = null;
    try {
      doc = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null;
    }
    if (!doc) return;
    const frameDoc = doc;
    this.recheck(frameDoc);
    // The editor's own load handler (after ours) may write the frame once more (CKEditor 4 does).
    setTimeout(() => this.recheck(frameDoc), 0);
    setTimeout(() => this.recheck(frameDoc), 150);
  };
}
