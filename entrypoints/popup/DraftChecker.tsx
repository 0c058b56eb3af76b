/** "Check a draft": paste or type a reply (and optionally the customer's message) and see the findings as you type. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, Fix, Report } from '../../lib/analysis/types';
import { getEffectivePhrasebank, getLockedRuleIds } from '../../lib/extension/packs';
import { analysisOptionsFor, packsItem, settingsItem } from '../../lib/extension/settings';
import { DraftCounter } from '../../lib/extension/stats';
import { recordStats } from '../../lib/extension/stats-store';
import { useAsync, useDebounced, useStorageItem } from '../../lib/ui/hooks';
import { ReportView } from '../../lib/ui/ReportView';
import { warmEngine } from '../../lib/ui/engine';

/** Makes the edit `fix` computed on `analysed`; undefined when the draft has moved on since. */
export function applyToDraft(draft: string, analysed: string, fix: Fix): string | undefined {
  if (draft !== analysed) return undefined;
  return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
}

export function DraftChecker({ host }: { host?: string }) {
  const [draft, setDraft] = useState('');
  const [customer, setCustomer] = useState('');
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const settings = useStorageItem(settingsItem);
  const packs = useStorageItem(packsItem);
  // Re-merge when packs change, so a freshly imported pack is used at once.
  const pb = useAsync(getEffectivePhrasebank, [packs]);
  // The engine loads (and warms up) while the agent reads or pastes; the popup paints first.
  const engine = useAsync(() => (pb.value ? warmEngine(pb.value) : Promise.resolve(undefined)), [pb.value]);
  // Rules the organisation locks stay on here as on the page, whatever the agent turned off.
  const locked = useAsync(getLockedRuleIds, [pb.value]);
  const text = useDebounced(draft, 150);
  const ctx = useDebounced(customer, 150);
  const report: Report | undefined = useMemo(() => {
    if (!pb.value || !engine.value || !settings || !locked.value || !text.trim()) return undefined;
    return engine.value.analyze(text, pb.value, ctx.trim() ? { customer: ctx } : undefined, analysisOptionsFor(settings, host, locked.value));
  }, [pb.value, engine.value, settings, locked.value, text, ctx, host]);
  const titles = useMemo(() => new Map(pb.value?.categories.map((c) => [c.category, c.title]) ?? []), [pb.value]);
  // The box is a draft like a reply box in the page: counted by the same definitions (stats.ts).
  const counter = useMemo(() => new DraftCounter(), []);
  useEffect(() => {
    if (report) void recordStats(counter.observe(text, report.findings, report.signals));
    else if (!text.trim()) counter.reset();
  }, [report]);

  const onApply = (finding: Finding, index: number) => {
    const fix = finding.fixes[index];
    const next = fix && applyToDraft(draft, text, fix);
    if (next === undefined) return 'The draft changed; check again';
    setDraft(next);
    void recordStats(counter.applied(finding));
    draftRef.current?.focus();
    return true;
  };

  return (
    <section class="card" aria-labelledby="check-title">
      <h2 id="check-title">Check a draft</h2>
      <label class="field" for="draft">
        Your reply
      </label>
      <textarea
        id="draft"
        ref={draftRef}
        rows={5}
        placeholder="Paste or type a reply to see how it might land."
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        spellcheck={true}
      />
      <details class="customer">
        <summary>Add the customer's message (optional)</summary>
        <label class="field" for="customer">
          Customer's message
        </label>
        <textarea
          id="customer"
          rows={3}
          placeholder="Paste what they wrote: Attune points out feelings, questions and details your reply could pick up."
          value={customer}
          onInput={(e) => setCustomer((e.target as HTMLTextAreaElement).value)}
        />
      </details>
      {pb.error && <p class="error" role="alert">The phrasebank could not load: {pb.error.message}</p>}
      {text.trim() && !report && !pb.error && <p class="muted small" role="status">Reading your draft…</p>}
      {report && (
        <div class="draft-report" data-testid="draft-report">
          <ReportView report={report} actions={{ onApply, applyLabel: 'Use in draft', categoryTitle: (c) => titles.get(c) }} />
        </div>
      )}
    </section>
  );
}
