/**
 * Shared report rendering for the popup and options page: findings with suggestions, the empathy
 * checklist and coaching. Every phrasebank string is rendered as text (JSX children), never as HTML.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Coaching, Finding, Report, Signal } from '../analysis/types';
import { MECHANISMS, type Mechanism } from '../phrasebank/types';
import { copyText } from './clipboard';
import { bySeverity, MECHANISM_META, SEVERITY_META } from './labels';

/** What "apply" reports back: true = done; a string = a short notice (e.g. it was copied instead). */
export type ApplyOutcome = boolean | string;

export interface FindingActions {
  /** Apply suggestion `index` of the finding (its edit is `finding.fixes[index]`); absent → no apply button. */
  onApply?: (finding: Finding, index: number) => Promise<ApplyOutcome> | ApplyOutcome;
  /** Label for the apply button. */
  applyLabel?: string;
  /** Category id → title, for the small heading on each finding. */
  categoryTitle?: (category: string) => string | undefined;
}

/** A severity badge with icon + word, not colour alone. */
export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  const meta = SEVERITY_META[severity];
  return (
    <span class={`badge sev-${severity}`}>
      <span aria-hidden="true">{meta.icon}</span> {meta.label}
    </span>
  );
}

/** One suggestion line with Copy and (optionally) Apply. */
function SuggestionRow({ finding, index, actions }: { finding: Finding; index: number; actions: FindingActions }) {
  const suggestion = finding.suggestions[index];
  const [notice, setNotice] = useState('');
  const say = (text: string) => {
    setNotice(text);
    setTimeout(() => setNotice(''), 2500);
  };
  return (
    <li class="suggestion">
      <span class="suggestion-text">{suggestion}</span>
      <span class="suggestion-actions">
        <button
          type="button"
          class="btn small"
          aria-label={`Copy suggestion: ${suggestion}`}
          onClick={async () => say((await copyText(suggestion)) ? 'Copied' : 'Copy failed: select the text instead')}
        >
          Copy
        </button>
        {actions.onApply && (
          <button
            type="button"
            class="btn small primary"
            aria-label={`${actions.applyLabel ?? 'Apply'}: replace "${finding.text}" with "${suggestion}"`}
            onClick={async () => {
              const outcome = await actions.onApply!(finding, index);
              say(typeof outcome === 'string' ? outcome : outcome ? 'Applied' : 'The draft changed; check again');
            }}
          >
            {actions.applyLabel ?? 'Apply'}
          </button>
        )}
      </span>
      <span class="notice" role="status" aria-live="polite">
        {notice}
      </span>
    </li>
  );
}

/** One finding: the flagged words, why, and suggestions. */
export function FindingItem({ finding, actions }: { finding: Finding; actions: FindingActions }) {
  const title = actions.categoryTitle?.(finding.category) ?? finding.category;
  return (
    <li class={`finding sev-${finding.severity}`} data-rule-id={finding.ruleId}>
      <div class="finding-head">
        <SeverityBadge severity={finding.severity} />
        <span class="category">{title}</span>
      </div>
      <p class="flagged">
        <q>{finding.text}</q>
      </p>
      <p class="why">{finding.message}</p>
      {finding.suggestions.length > 0 && (
        <>
          <p class="label">Try instead</p>
          <ul class="suggestions">
            {finding.suggestions.map((s, i) => (
              <SuggestionRow key={s} finding={finding} index={i} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** The findings, most serious first; a kind word when there are none. */
export function FindingList({ findings, actions = {} }: { findings: Finding[]; actions?: FindingActions }) {
  if (!findings.length) return <p class="all-clear">Nothing dismissive spotted. Nice and kind.</p>;
  return (
    <ul class="findings" aria-label="Phrases to reconsider">
      {[...findings].sort(bySeverity).map((f) => (
        <FindingItem key={`${f.ruleId}:${f.start}`} finding={f} actions={actions} />
      ))}
    </ul>
  );
}

/** Groups signals by mechanism. */
export function signalsByMechanism(signals: Signal[]): Map<Mechanism, string[]> {
  const map = new Map<Mechanism, string[]>();
  for (const s of signals) {
    const words = map.get(s.mechanism) ?? [];
    if (!words.includes(s.text)) words.push(s.text);
    map.set(s.mechanism, words);
  }
  return map;
}

/** The empathy checklist: each mechanism present (✓ with the words) or missing (with a hint). */
export function EmpathyChecklist({ signals }: { signals: Signal[] }) {
  const found = signalsByMechanism(signals);
  return (
    <ul class="checklist" aria-label="Empathy checklist">
      {MECHANISMS.map((m) => {
        const words = found.get(m);
        const meta = MECHANISM_META[m];
        return (
          <li key={m} class={words ? 'present' : 'missing'} data-mechanism={m}>
            <span class="check" aria-hidden="true">
              {words ? '✓' : '○'}
            </span>
            <span class="check-body">
              <span class="check-label">
                {meta.label}
                <span class="visually-hidden">{words ? ' (present)' : ' (missing)'}</span>
              </span>
              {words ? (
                <span class="check-words">
                  {words.map((w, i) => (
                    <Fragment key={w}>
                      {i > 0 && ', '}
                      <q>{w}</q>
                    </Fragment>
                  ))}
                </span>
              ) : (
                <span class="check-hint">{meta.hint}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Coaching notes about the reply as a whole; the customer's own words, when an item is about them, quoted as text. */
export function CoachingList({ coaching }: { coaching: Coaching[] }) {
  if (!coaching.length) return null;
  return (
    <ul class="coaching" aria-label="Coaching">
      {coaching.map((c, i) => (
        // Two unanswered questions share a kind, so the key needs the position too.
        <li key={`${c.kind}:${c.quote?.start ?? i}`} data-kind={c.kind} data-severity={c.severity}>
          <span class="tip">{c.severity === 'high' ? 'Important' : 'Tip'}</span> {c.message}
          {c.quote && (
            <blockquote class="customer-quote" aria-label="What the customer wrote">
              <span class="quote-label">They wrote</span> <q>{c.quote.text}</q>
            </blockquote>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A one-line summary: counts by severity and how many empathy moves are present. */
export function ReportSummary({ report }: { report: Report }) {
  const mechanisms = signalsByMechanism(report.signals).size;
  const n = report.findings.length;
  return (
    <p class="summary" role="status" aria-live="polite">
      {n === 0 ? 'No phrases to reconsider' : `${n} phrase${n === 1 ? '' : 's'} to reconsider`} ·{' '}
      {mechanisms} of {MECHANISMS.length} empathy moves
    </p>
  );
}

/** Findings, coaching and checklist together; `checklistOpen: false` starts the checklist folded (default open). */
export function ReportView({ report, actions, checklistOpen = true }: { report: Report; actions?: FindingActions; checklistOpen?: boolean }) {
  return (
    <div class="report">
      <ReportSummary report={report} />
      <FindingList findings={report.findings} actions={actions} />
      <CoachingList coaching={report.coaching} />
      <details class="checklist-wrap" open={checklistOpen}>
        <summary>Empathy checklist</summary>
        <EmpathyChecklist signals={report.signals} />
      </details>
    </div>
  );
}
