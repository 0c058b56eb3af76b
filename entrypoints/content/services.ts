/**
 * What the page layer needs from the rest of the extension, handed in by content/index.ts (the page code
 * itself never calls `browser.*`): the analysis and the counts in the background, the agent's settings and
 * the organisation's locks in storage, and the popup's messages. Unit tests pass a fake (tests/unit/page).
 */
import { browser } from 'wxt/browser';
import type { AnalyzeRequest, AnalyzeResponse, Handlers, SendCheckStatRequest } from '@/lib/extension/messages';
import { listen, send } from '@/lib/extension/messages';
import type { StatEvent } from '@/lib/extension/stats';
import { addIgnoredPhrase, getSettings, setRuleEnabled, settingsItem, type Settings } from '@/lib/extension/settings';
import { getLocks, goOnWithoutLatePolicy } from '@/lib/extension/org-policy';
import type { Locks } from '@/lib/phrasebank/locks';
import { getSendCheckPolicy, watchSendCheckPolicy } from '@/lib/extension/send-check-settings';

export interface PageServices {
  /** Analyse a draft (undefined: no answer, e.g. the extension was reloaded; the next keystroke retries). */
  analyze(request: Omit<AnalyzeRequest, 'type'>): Promise<AnalyzeResponse | undefined>;
  /** A composer left the page: the background drops its cache. */
  forget(composerId: string): void;
  /** Counts to add (never text). */
  stat(events: StatEvent[]): void;
  sendCheckStat(outcome: SendCheckStatRequest['outcome']): void;
  /** Let a sleeping service worker start (wake.ts decides when). */
  warm(): void;
  settings: {
    get(): Promise<Settings | null>;
    watch(cb: (s: Settings | null) => void): () => void;
    ignorePhrase(phrase: string, host: string): Promise<unknown>;
    disableRule(ruleId: string): Promise<unknown>;
    locks(): Promise<Locks>;
    sendCheckPolicy(): Promise<string[]>;
    watchSendCheckPolicy(cb: (policy: string[]) => void): () => void;
  };
  /** Answer the popup's messages (`attune:findings`, `attune:apply`); returns the function that stops. */
  answer(handlers: Pick<Handlers, 'attune:findings' | 'attune:apply'>): () => void;
}

/** The real services: runtime messages and extension storage. */
export function browserServices(): PageServices {
  // The card reads the organisation's locks before "Turn off this rule"; right after a browser start managed
  // storage answers seconds late (background.ts). A locked rule switched off here stays on anyway (the
  // analysis ignores the switch for it), so the page need not wait for the policy either.
  goOnWithoutLatePolicy(150);
  return {
    analyze: (request) => send(browser, { type: 'attune:analyze', ...request }),
    forget: (composerId) => void send(browser, { type: 'attune:forget', composerId }),
    stat: (events) => void send(browser, { type: 'attune:stat', events }),
    sendCheckStat: (outcome) => void send(browser, { type: 'attune:send-check-stat', outcome }),
    warm: () => void send(browser, { type: 'attune:warm' }),
    settings: {
      get: getSettings,
      watch: (cb) => settingsItem.watch(cb),
      ignorePhrase: addIgnoredPhrase,
      disableRule: (ruleId) => setRuleEnabled(ruleId, false),
      locks: getLocks,
      sendCheckPolicy: getSendCheckPolicy,
      watchSendCheckPolicy,
    },
    answer: (handlers) => listen(browser, handlers),
  };
}
