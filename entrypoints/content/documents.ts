/**
 * The documents the page controller listens on: the page, and every same-origin frame document on the
 * way to a composer (Salesforce's CKEditor 4 is two frames deep). A frame whose document is rewritten
 * after load (`document.open`/`write`, as Salesforce and CKEditor 4 do) loses every listener on it and its
 * window; a MutationObserver on the document notices the new root element, and the listeners go back on.
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
  private readonly observers: MutationObserver[] = [];

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly handlers: DocumentHandlers,
    /** A listened frame document was rewritten (its old composer is gone; focus may already be in the new one). */
    private readonly onRewrite: (doc: Document) => void,
  ) {
    ctx.onInvalidated(() => {
      for (const o of this.observers) o.disconnect();
    });
  }

  /** Listen on `doc` (again, if it was rewritten since). Safe to call often. */
  listen(doc: Document): void {
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
    const win = doc.defaultView;
    if (win) this.ctx.addEventListener(win, 'scroll', fns.scroll, { capture: true, passive: true });
    if (!known && doc !== document) {
      const observer = new MutationObserver(() => {
        if (this.roots.get(doc) === doc.documentElement) return;
        this.listen(doc);
        this.onRewrite(doc);
      });
      observer.observe(doc, { childList: true });
      this.observers.push(observer);
    }
  }
}
