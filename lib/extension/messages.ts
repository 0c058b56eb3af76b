/**
 * Messages between the extension's contexts (content script, background, popup).
 * Draft text travels only inside the browser, between these contexts; nothing is stored or sent out.
 */
import type { AnalysisContext, Report } from '../analysis/types';
import type { ApplyResult } from '../editors/types';
import type { StatEvent } from './stats';

/** content script → background: analyse a composer's draft (the background keeps an incremental analyzer per key). */
export interface AnalyzeRequest {
  type: 'attune:analyze';
  /** Stable per composer, e.g. `${tabId}:${composerId}` is built by the background from sender + this id. */
  composerId: string;
  text: string;
  context?: AnalysisContext;
}
/** The Report, plus category titles for the card (the content script does not load the phrasebank). */
/** `pending`: the draft was too long to finish within the time budget; the findings cover its start, ask again. */
export type AnalyzeResponse = Report & { titles?: Record<string, string>; disabled?: boolean; pending?: boolean };

/** content script → background: a composer went away; drop its cache. */
export interface ForgetRequest {
  type: 'attune:forget';
  composerId: string;
}

/** popup → content script (tabs.sendMessage): what is in the page's composers now. */
export interface FindingsRequest {
  type: 'attune:findings';
}
export interface ComposerSummary {
  composerId: string;
  site: string;
  editor: string;
  report: Report;
}
export type FindingsResponse = { composers: ComposerSummary[] };

/** popup → content script: apply a suggestion to a finding in a composer. */
export interface ApplyRequest {
  type: 'attune:apply';
  composerId: string;
  /** The finding (by rule and start) and which of its suggestions: the content script makes that fix. */
  ruleId: string;
  start: number;
  fixIndex: number;
}
export type ApplyResponse = ApplyResult & { copied?: boolean };

/** content script → background: counts to add, as a DraftCounter defined them (stats.ts; counts only, never text). */
export interface StatRequest {
  type: 'attune:stat';
  events: StatEvent[];
}

/** content script → background: the soft check before sending was shown, or the agent sent anyway / went back to review (a count, never text). */
export interface SendCheckStatRequest {
  type: 'attune:send-check-stat';
  outcome: 'shown' | 'sent' | 'reviewed';
}

/**
 * Content script → background, on page load, on a composer's focus and on a keystroke after a quiet spell: wake
 * the service worker and let it warm the engine now, so the first analysis does not wait for a cold start.
 * Answered (with the warm-up's ms) once the engine is warm.
 */
export interface WarmRequest {
  type: 'attune:warm';
}

export type AttuneMessage = AnalyzeRequest | ForgetRequest | FindingsRequest | ApplyRequest | StatRequest | SendCheckStatRequest | WarmRequest;

/** What each message is answered with (`void`: not answered). */
export interface Replies {
  'attune:analyze': AnalyzeResponse;
  'attune:forget': void;
  'attune:findings': FindingsResponse;
  'attune:apply': ApplyResponse;
  'attune:stat': void;
  'attune:send-check-stat': void;
  /** The engine's warm-up, in ms. */
  'attune:warm': number;
}
export type MessageType = AttuneMessage['type'];
export type MessageOf<T extends MessageType> = Extract<AttuneMessage, { type: T }>;
export type Reply<M extends AttuneMessage> = Replies[M['type']];

/** Who sent a message, as the runtime says (the parts Attune reads). */
export interface MessageSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
}

/** The runtime calls used here (browser.runtime / browser.tabs, or a fake in tests). */
export interface MessagingApi {
  runtime: {
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(fn: RuntimeListener): void; removeListener(fn: RuntimeListener): void };
  };
  tabs?: { sendMessage(tabId: number, msg: unknown, options?: { frameId?: number }): Promise<unknown> };
}
type RuntimeListener = (msg: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/**
 * One message to the background (or, with `tabId`, to a tab's content scripts). Resolves undefined when nobody
 * answered or the other side is gone (extension reloaded, no content script): callers treat that as "no answer".
 */
export async function send<M extends AttuneMessage>(api: MessagingApi, msg: M, tabId?: number): Promise<Reply<M> | undefined> {
  try {
    const reply = tabId === undefined ? await api.runtime.sendMessage(msg) : await api.tabs?.sendMessage(tabId, msg);
    return (reply ?? undefined) as Reply<M> | undefined;
  } catch {
    return undefined;
  }
}

/** A handler per message type; returning undefined leaves the message to another listener (or unanswered). */
export type Handlers = {
  [T in MessageType]?: (msg: MessageOf<T>, sender: MessageSender) => Promise<Replies[T]> | Replies[T] | undefined;
};

const TYPES: ReadonlySet<string> = new Set<MessageType>(['attune:analyze', 'attune:forget', 'attune:findings', 'attune:apply', 'attune:stat', 'attune:send-check-stat', 'attune:warm']);

/** Whether `msg` is one of Attune's messages (by its type; each handler checks its own fields). */
export function isAttuneMessage(msg: unknown): msg is AttuneMessage {
  return typeof msg === 'object' && msg !== null && TYPES.has((msg as { type?: unknown }).type as string);
}

/**
 * Listens on the runtime with one router: each Attune message goes to its handler; anything else is ignored.
 * Returns the function that stops listening.
 */
export function listen(api: MessagingApi, handlers: Handlers): () => void {
  const listener: RuntimeListener = (msg, sender) => {
    if (!isAttuneMessage(msg)) return undefined;
    const handler = handlers[msg.type] as ((m: AttuneMessage, s: MessageSender) => unknown) | undefined;
    const reply = handler?.(msg, sender ?? {});
    // The runtime keeps the channel open for a promise only; a void handler's answer is "none".
    return reply === undefined ? undefined : Promise.resolve(reply);
  };
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}
