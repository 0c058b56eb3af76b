/**
 * What the agent does with a finding, from the card, the badge's list or the keyboard (PageActions): open and
 * close the card (keeping the caret for afterwards), go to the next finding, apply a suggestion (through the
 * editor bridge, or copied when the editor refuses), ignore once, ignore a phrase on this site, turn a rule off.
 */
import type { Finding, Fix } from '@/lib/analysis/types';
import type { ApplyResponse } from '@/lib/extension/messages';
import { isLocked } from '@/lib/phrasebank/locks';
import type { PageActions, ShownFinding } from '@/lib/ui/page/model';
import { caretOffset, restoreCaret, saveCaret, type SavedCaret } from './caret';
import { copyText } from './clipboard';
import type { ComposerTracker } from './composers';
import { focusComposer } from './frames';
import type { Overlay } from './overlay';
import type { ComposerSession } from './session';
import type { PageServices } from './services';

export interface CardHost {
  readonly tracker: ComposerTracker;
  readonly overlay: Overlay;
  readonly services: Pick<PageServices, 'settings'>;
  answerSendCheck(choice: Parameters<PageActions['sendCheck']>[0]): void;
}

export class CardActions {
  private caret: SavedCaret | undefined;
  /** The finding whose card Escape just closed, and where the caret went back to: Alt+Shift+A goes on from it. */
  private lastVisited: { composerId: string; key: string; caret: number; text: string } | undefined;

  constructor(private readonly host: CardHost) {}

  private get state() {
    return this.host.overlay.state;
  }

  private notify(text: string) {
    this.host.overlay.notify(text);
  }

  /** Keep the agent's caret in `session` (the send check does, before its prompt takes focus). */
  saveCaret(session: ComposerSession): void {
    this.caret = saveCaret(session);
  }

  restoreCaret(): void {
    const caret = this.caret;
    this.caret = undefined;
    restoreCaret(caret);
  }

  /** The finding on screen with this key, and its session (undefined once the draft moved on). */
  findShown(composerId: string, key: string): { session: ComposerSession; shown: ShownFinding } | undefined {
    const session = this.host.tracker.get(composerId);
    const shown = this.state.composers.find((c) => c.composerId === composerId)?.findings.find((f) => f.key === key);
    return session && shown ? { session, shown } : undefined;
  }

  /**
   * The first finding after the caret, wrapping around; after the finding whose card is open (the shortcut
   * pressed in the card), or whose card Escape closed while the caret has not moved since.
   */
  nextFinding(session: ComposerSession): ShownFinding | undefined {
    const list = (this.state.composers.find((c) => c.composerId === session.id)?.findings ?? []).slice().sort((a, b) => a.finding.start - b.finding.start);
    if (!list.length) return undefined;
    const after = (key: string) => {
      const i = list.findIndex((f) => f.key === key);
      return i >= 0 ? list[(i + 1) % list.length] : undefined;
    };
    if (this.state.card?.composerId === session.id) return after(this.state.card.key) ?? list[0];
    const caret = caretOffset(session);
    const last = this.lastVisited;
    if (last?.composerId === session.id && last.caret === caret && last.text === session.analysedText) {
      const next = after(last.key);
      if (next) return next;
    }
    return list.find((f) => f.finding.end >= caret) ?? list[0];
  }

  /**
   * Makes a finding's fix through the editor bridge; copies the text instead when the editor refuses. `landed` is
   * called as soon as the bridge answers (before the notice and the re-analysis).
   */
  async applyFix(session: ComposerSession, fix: Fix, finding: Finding, landed?: () => void): Promise<ApplyResponse> {
    const replacement = fix.text;
    // The card had focus: put focus back in the editor (its frame first) so the edit and a later Ctrl+Z land there.
    focusComposer(session.element);
    const result = await session.bridge.replace(fix.start, fix.end, session.analysedText.slice(fix.start, fix.end), replacement);
    landed?.();
    if (result.ok) focusComposer(session.element);
    let copied = false;
    if (result.ok) {
      session.countApplied(finding);
    } else {
      copied = await copyText(replacement, this.host.overlay.shadow);
      const why = result.reason === 'stale' ? 'Your draft changed, so nothing was replaced. ' : "This editor didn't take the change. ";
      this.notify(copied ? `${why}Copied \u2014 paste it where you like.` : `${why}Suggestion: ${replacement}`);
    }
    await session.analyse();
    return { ...result, copied };
  }

  readonly actions: PageActions = {
    openCard: (composerId, key, via) => {
      const session = this.host.tracker.get(composerId);
      if (!session) return;
      // Remember the caret once, when focus is still in the editor.
      if (!this.state.card) this.saveCaret(session);
      for (const s of this.host.tracker.all()) s.activeKey = undefined;
      session.activeKey = key;
      this.state.card = { composerId, key, via };
      this.state.list = undefined;
      this.host.overlay.now();
    },
    nextFinding: (composerId) => {
      const session = this.host.tracker.get(composerId);
      if (!session) return;
      const next = this.nextFinding(session);
      if (next) this.actions.openCard(session.id, next.key, 'keyboard');
      // Not analysed yet (a cold start takes seconds; or the agent typed since): "reads kindly" would be a guess.
      else if (session.analysedText !== session.bridge.read().text) this.notify('Still checking this draft — try again in a moment.');
      else this.notify('Nothing to look at here — this draft reads kindly.');
    },
    closeCard: (restoreFocus) => {
      const card = this.state.card;
      for (const s of this.host.tracker.all()) s.activeKey = undefined;
      this.state.card = undefined;
      this.state.list = undefined;
      this.host.overlay.now();
      this.lastVisited = undefined;
      if (restoreFocus) {
        this.restoreCaret();
        const session = card && this.host.tracker.get(card.composerId);
        if (session) this.lastVisited = { composerId: session.id, key: card.key, caret: caretOffset(session), text: session.analysedText };
      } else this.caret = undefined;
    },
    apply: (composerId, key, index) => {
      // One apply at a time from the card: a second click (or Enter held) while it is busy does nothing.
      if (this.state.card?.applying !== undefined) return;
      const found = this.findShown(composerId, key);
      this.caret = undefined;
      const fix = found?.shown.finding.fixes[index];
      if (!found || !fix) {
        this.actions.closeCard(false);
        if (found) return;
        this.notify('Your draft changed, so the suggestions were refreshed.');
        this.host.tracker.get(composerId)?.schedule(0);
        return;
      }
      // The card stays open and says it is applying until the bridge answers: it may first wait out the editor's
      // merge window (up to 1 s), and a card that vanished with nothing changed yet looked like a lost click.
      const busy = { composerId, key, via: this.state.card?.via ?? 'click', applying: index } as const;
      this.state.card = busy;
      this.state.list = undefined;
      this.host.overlay.now();
      void this.applyFix(found.session, fix, found.shown.finding, () => {
        if (this.state.card === busy) this.actions.closeCard(false);
      });
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
      void this.host.services.settings.ignorePhrase(found.shown.finding.text, location.hostname);
      this.actions.closeCard(true);
      this.notify(`“${found.shown.finding.text}” won't be flagged on ${location.hostname}. You can undo this in Attune's options.`);
    },
    disableRule: async (composerId, key) => {
      const found = this.findShown(composerId, key);
      if (!found) return;
      // A rule the organisation locks stays on (the analysis would ignore the switch anyway): say so, change nothing.
      if (isLocked(found.shown.finding, await this.host.services.settings.locks())) {
        this.actions.closeCard(true);
        this.notify('Your organisation keeps this rule on, so it can\u2019t be turned off here.');
        return;
      }
      found.session.ignoredOnce.add(key);
      found.session.countDismissed(found.shown.finding);
      void this.host.services.settings.disableRule(found.shown.finding.ruleId);
      this.actions.closeCard(true);
      this.notify('Rule turned off. You can turn it back on in Attune\u2019s options.');
    },
    sendCheck: (choice) => this.host.answerSendCheck(choice),
    toggleList: (composerId) => {
      this.state.list = this.state.list === composerId ? undefined : composerId;
      this.state.card = undefined;
      this.host.overlay.now();
    },
  };
}
