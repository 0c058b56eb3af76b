/**
 * One composer the agent is typing in: its editor bridge, the latest Report for its draft,
 * debounced analysis through the background, and the geometry of its findings.
 */
import type { DraftSnapshot, EditorBridge } from '@/lib/editors/types';
import type { Finding, Report } from '@/lib/analysis/types';
import { DraftCounter, type DismissReason, type StatEvent } from '@/lib/extension/stats';
import { findingKey, type Box, type ComposerView, type ShownFinding } from '@/lib/ui/page/model';
import { composerBox, spanRects } from './geometry';
import { highlightsSupported, paint, unpaint } from './highlights';
import { noteBackgroundContact } from './wake';
import type { PageServices } from './services';

/** The services a session uses (PageServices, or a fake in tests). */
export type SessionServices = Pick<PageServices, 'analyze' | 'stat' | 'forget'>;

/** The height at the bottom of a composer the badge takes (Badge.tsx). */
const BADGE_BAND = 30;

/** Pause after the last keystroke before analysing. */
export const DEBOUNCE_MS = 150;
/** How soon to ask again when the background answered only the start of a very long draft. */
const PENDING_RETRY_MS = 30;

let nextId = 1;

export class ComposerSession {
  readonly id = `c${nextId++}-${Math.random().toString(36).slice(2, 7)}`;
  report: Report = { findings: [], signals: [], coaching: [] };
  /** The draft text `report` describes; findings are only shown while the draft still equals it. */
  analysedText = '';
  titles: Record<string, string> = {};
  /** Findings dismissed with "Ignore once" (by findingKey). */
  readonly ignoredOnce = new Set<string>();
  /** What this draft has counted (shown, applied, dismissed, mechanisms: stats.ts defines each once). */
  private readonly counter = new DraftCounter();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private unsubscribe: () => void;
  /** Uses CSS highlights (contenteditable in the top document) rather than the overlay. */
  painted: boolean;
  activeKey: string | undefined;

  constructor(
    readonly bridge: EditorBridge,
    readonly site: string,
    private readonly services: SessionServices,
    private readonly customer: () => string | undefined,
    private readonly onUpdate: () => void,
  ) {
    const el = bridge.element;
    // CSS highlights are styled by a sheet on the document, which does not reach into shadow trees.
    this.painted = el.getRootNode() === document && bridge.textInDom && highlightsSupported(document);
    this.unsubscribe = bridge.onChange(() => this.schedule());
  }

  get element() {
    return this.bridge.element;
  }

  /** Analyse after the agent pauses typing. */
  schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.analyse(), delay);
  }

  /** Analyse now; resolves when the new report is in place (or was superseded). */
  async analyse(): Promise<void> {
    clearTimeout(this.timer);
    const text = this.bridge.read().text;
    const seq = ++this.seq;
    noteBackgroundContact();
    // Undefined when the extension was reloaded or the background is gone: the next keystroke retries.
    const response = await this.services.analyze({ composerId: this.id, text, context: { customer: this.customer() } });
    // A newer request is on its way, or the draft moved on: this report describes stale text.
    if (!response || seq !== this.seq || this.bridge.read().text !== text) return;
    this.report = { findings: response.findings, signals: response.signals, coaching: response.coaching };
    this.titles = response.titles ?? this.titles;
    this.analysedText = text;
    this.countShown();
    this.onUpdate();
    // A very long draft is analysed in slices: ask again for the rest (the background keeps what it did).
    if (response.pending) this.schedule(PENDING_RETRY_MS);
  }

  /** Findings still valid for the current draft, minus those ignored once. */
  visibleFindings(current = this.bridge.read().text): { key: string; finding: Report['findings'][number] }[] {
    if (current !== this.analysedText) return [];
    return this.report.findings
      .map((finding) => ({ key: findingKey(current, finding), finding }))
      .filter(({ key }) => !this.ignoredOnce.has(key));
  }

  /** Findings with their rects, and the composer's box, for the UI; repaints CSS highlights. */
  view(): ComposerView {
    const snapshot = this.bridge.read();
    const visible = this.visibleFindings(snapshot.text);
    if (this.painted) {
      const ranges = [];
      for (const { key, finding } of visible) {
        const range = snapshot.rangeFor(finding.start, finding.end);
        if (!range) continue;
        ranges.push({ severity: finding.severity, range });
        if (key === this.activeKey) ranges.push({ severity: 'active' as const, range: range.cloneRange() });
      }
      this.painted = paint(document, this.id, ranges);
    }
    const shown: ShownFinding[] = visible.map(({ key, finding }) => ({
      composerId: this.id,
      key,
      finding,
      rects: spanRects(this.bridge, snapshot, finding.start, finding.end),
      overlay: !this.painted,
    }));
    const box = composerBox(this.element);
    return {
      composerId: this.id,
      box,
      firstLine: this.firstLine(snapshot, box),
      textInCorner: this.textInCorner(snapshot, box),
      findings: shown,
      coaching: this.report.coaching,
      signalCount: this.report.signals.length,
    };
  }

  /** The band of the draft's first line across the composer (the card keeps clear of it). */
  private firstLine(snapshot: DraftSnapshot, box: Box): Box | undefined {
    const at = snapshot.text.search(/\S/);
    if (at < 0) return undefined;
    const r = spanRects(this.bridge, snapshot, at, at + 1)[0];
    return r && { left: box.left, top: r.top, width: box.width, height: r.height };
  }

  /** Whether the text reaches the band at the bottom of the composer where the badge sits. */
  private textInCorner(snapshot: DraftSnapshot, box: Box): boolean {
    const el = this.element;
    if (el.scrollHeight > el.clientHeight + 1) return true; // scrolled: the text fills the visible area
    const end = snapshot.text.trimEnd().length;
    if (!end) return false;
    const last = spanRects(this.bridge, snapshot, end - 1, end).at(-1);
    return !!last && last.top + last.height > box.top + box.height - BADGE_BAND;
  }

  private countShown() {
    const shown = this.visibleFindings(this.analysedText).map((v) => v.finding);
    this.count(this.counter.observe(this.analysedText, shown, this.report.signals));
  }

  /** A suggestion for `finding` was applied (from the card or the popup). */
  countApplied(finding: Finding) {
    this.count(this.counter.applied(finding));
  }

  /** The agent dismissed `finding` (with the card's reason, or none). */
  countDismissed(finding: Finding, reason?: DismissReason) {
    this.count(this.counter.dismissed(finding, reason));
  }

  private count(events: StatEvent[]) {
    if (events.length) this.services.stat(events);
  }

  /** The composer left the page: drop everything (and the background's cache). */
  dispose() {
    clearTimeout(this.timer);
    this.seq++;
    this.unsubscribe();
    unpaint(this.id);
    this.services.forget(this.id);
  }
}
