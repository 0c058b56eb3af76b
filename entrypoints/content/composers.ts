/**
 * The composers the agent has focused on this page, one ComposerSession each: a session starts on the first
 * focus of a composer (never from a scan), and ends when the composer, or a frame on the way to it, leaves the
 * page (SPA helpdesks remove composers when the agent moves between tickets).
 */
import { bridgeFor, isOptedOut } from '@/lib/editors';
import { composerForFocus } from '@/lib/sites/dom';
import type { SiteAdapter } from '@/lib/sites/types';
import { ComposerSession, type SessionServices } from './session';
import { isAttached } from './frames';

export interface TrackerHost {
  readonly adapter: SiteAdapter;
  readonly services: SessionServices;
  customer(): string | undefined;
  /** A session has a new report. */
  onAnalysed(): void;
  /** A session's composer left the page. */
  onRemoved(session: ComposerSession): void;
  /** The page's DOM changed (settled for 200 ms) while sessions exist: a composer may have left. */
  onPageChanged(): void;
}

export class ComposerTracker {
  private readonly sessions = new Map<string, ComposerSession>();
  private observer: MutationObserver | undefined;

  constructor(private readonly host: TrackerHost) {}

  get size(): number {
    return this.sessions.size;
  }

  all(): ComposerSession[] {
    return [...this.sessions.values()];
  }

  get(id: string): ComposerSession | undefined {
    return this.sessions.get(id);
  }

  /** The session whose composer is or contains `target`. */
  sessionFor(target: EventTarget | null): ComposerSession | undefined {
    const node = target as Node | null;
    if (!node) return undefined;
    return this.all().find((s) => s.element === node || s.element.contains(node));
  }

  /**
   * The agent focused `el` (the element that really has focus): a new session when it is in a composer not yet
   * tracked. The composer is what the agent focused; the adapter's selectors never hide it.
   */
  track(el: Element): ComposerSession | undefined {
    if (this.sessionFor(el)) return undefined;
    const composer = composerForFocus((root) => this.host.adapter.findComposers(root), document, el);
    if (!composer || isOptedOut(composer)) return undefined;
    const bridge = bridgeFor(composer);
    if (!bridge) return undefined;
    const session = new ComposerSession(bridge, this.host.adapter.id, this.host.services, () => this.host.customer(), () => this.host.onAnalysed());
    this.sessions.set(session.id, session);
    this.watchRemovals();
    void session.analyse();
    return session;
  }

  /** Ends the sessions whose composer left the page; true when any did. */
  dropDetached(): boolean {
    let changed = false;
    for (const [id, s] of this.sessions) {
      if (isAttached(s.element)) continue;
      s.dispose();
      this.sessions.delete(id);
      this.host.onRemoved(s);
      changed = true;
    }
    return changed;
  }

  /** Ends every session (Attune switched off here, or the script is going away). */
  clear(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }

  stop(): void {
    this.clear();
    this.observer?.disconnect();
  }

  /** A composer's removal shows as a DOM change somewhere under the body: the host looks again shortly after. */
  private watchRemovals() {
    if (this.observer) return;
    let queued = false;
    this.observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        this.host.onPageChanged();
      }, 200);
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
  }
}
