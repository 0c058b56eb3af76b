/**
 * The background's analysis service: one incremental analyzer per tab + frame + composer, with the
 * agent's settings applied (master switch, switched-off hosts, disabled rules, ignored phrases per host).
 * The content script never loads compromise or the phrasebank; it sends `attune:analyze` here.
 */
import type { AnalysisContext, AnalysisOptions, Report } from '../analysis/types';
import type { CompiledPhrasebank } from '../phrasebank/types';
import type { AnalyzeRequest, AnalyzeResponse, Handlers, MessageSender } from './messages';
import { analysisOptionsFor, type Settings } from './settings';

/** What the service needs from the rest of the extension (injected, so it can be unit-tested in Node). */
export interface AnalysisServiceDeps {
  getPhrasebank(): Promise<CompiledPhrasebank>;
  getSettings(): Promise<Settings>;
  /** Rule ids the organisation locks on (none when absent). */
  getLockedRules?(): Promise<string[]>;
  createAnalyzer(pb: CompiledPhrasebank, options: AnalysisOptions): Analyzer;
}

/** An incremental analyzer; `prepare` (optional) works through a long draft in slices. */
export interface Analyzer {
  analyze(text: string, context?: AnalysisContext): Report;
  prepare?(text: string, budgetMs: number): { done: boolean; upTo: number };
}

/**
 * Bounded and fair: a draft is analysed in slices of SLICE_MS, yielding between them so another tab's
 * request runs in the gaps; after BUDGET_MS the part analysed so far is answered, marked `pending`, and
 * the content script asks again for the rest (the cache keeps what was done).
 */
export const SLICE_MS = 20;
export const BUDGET_MS = 300;
/** Drafts shorter than this (about 3,000 words) are analysed without slicing. */
export const SLICED_FROM_CHARS = 20_000;
const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Who asked: the tab, the frame and the page URL (host decides per-site ignored phrases). */
export interface Requester {
  tabId: number;
  frameId?: number;
  /** The top page's URL (host of the helpdesk). */
  url?: string;
}

const EMPTY: Report = { findings: [], signals: [], coaching: [] };

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}


/** Creates the service; `analyze` answers `attune:analyze`, `forget*` drop cached analyzers. */
export function createAnalysisService(deps: AnalysisServiceDeps) {
  const analyzers = new Map<string, { analyzer: ReturnType<AnalysisServiceDeps['createAnalyzer']>; signature: string; pb: CompiledPhrasebank }>();
  const keyOf = (who: Requester, composerId: string) => `${who.tabId}:${who.frameId ?? 0}:${composerId}`;

  return {
    /** Analyse one composer's draft with the current settings and phrasebank. */
    async analyze(req: AnalyzeRequest, who: Requester): Promise<AnalyzeResponse> {
      const [settings, pb, locked] = await Promise.all([deps.getSettings(), deps.getPhrasebank(), deps.getLockedRules?.() ?? []]);
      const host = hostOf(who.url);
      if (!settings.enabled || settings.disabledHosts.includes(host)) return { ...EMPTY, disabled: true };
      const options = analysisOptionsFor(settings, host, locked);
      const signature = JSON.stringify(options);
      const key = keyOf(who, req.composerId);
      let entry = analyzers.get(key);
      // Settings or packs changed: the incremental cache is built for the old ones.
      if (!entry || entry.signature !== signature || entry.pb !== pb) {
        entry = { analyzer: deps.createAnalyzer(pb, options), signature, pb };
        analyzers.set(key, entry);
      }
      const analyzer = entry.analyzer;
      const t0 = Date.now();
      // An ordinary draft is analysed in one go (a few ms); slicing it would analyse every sentence twice.
      const sliced = analyzer.prepare && req.text.length > SLICED_FROM_CHARS;
      let progress = sliced ? analyzer.prepare!(req.text, SLICE_MS) : { done: true, upTo: req.text.length };
      while (!progress.done && Date.now() - t0 < BUDGET_MS) {
        await yieldToOthers();
        progress = analyzer.prepare!(req.text, SLICE_MS);
      }
      const titles: Record<string, string> = {};
      for (const c of pb.categories) titles[c.category] = c.title;
      if (progress.done) return { ...analyzer.analyze(req.text, req.context), titles };
      // Coaching reads the whole reply ("no next step"), so it waits for the rest.
      const partial = analyzer.analyze(req.text.slice(0, progress.upTo), req.context);
      return { ...partial, coaching: [], titles, pending: true };
    },
    /** A composer went away. */
    forget(who: Requester, composerId: string): void {
      analyzers.delete(keyOf(who, composerId));
    },
    /** A tab closed or navigated away. */
    forgetTab(tabId: number): void {
      for (const key of [...analyzers.keys()]) if (key.startsWith(`${tabId}:`)) analyzers.delete(key);
    },
    /** How many analyzers are cached (tests, leak checks). */
    get size() {
      return analyzers.size;
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

/** The service's part of the background's router: `attune:analyze` and `attune:forget`, from a tab's frame. */
export function analysisHandlers(service: AnalysisService): Pick<Handlers, 'attune:analyze' | 'attune:forget'> {
  const requester = (sender: MessageSender): Requester | undefined => {
    const tabId = sender.tab?.id;
    return tabId === undefined ? undefined : { tabId, frameId: sender.frameId, url: sender.tab?.url ?? sender.url };
  };
  return {
    'attune:analyze': (msg, sender) => {
      const who = requester(sender);
      return who && typeof msg.text === 'string' ? service.analyze(msg, who) : undefined;
    },
    'attune:forget': (msg, sender) => {
      const who = requester(sender);
      if (who) service.forget(who, msg.composerId);
      return undefined;
    },
  };
}

/** Drops a tab's analyzers when it closes or navigates (a full navigation starts a new page: new composer ids). */
export function forgetClosedTabs(service: AnalysisService, api: typeof import('wxt/browser').browser): void {
  api.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  api.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) service.forgetTab(tabId);
  });
}
