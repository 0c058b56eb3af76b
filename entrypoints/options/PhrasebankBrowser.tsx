/**
 * Every category and rule of the effective phrasebank, searchable (patterns included), with per-rule on/off
 * (locked, and saying so, where the organisation sets it) and the pack a rule comes from when it isn't built in.
 * Categories are folded to one line each, so the page opens as an index; a search opens the ones that match.
 * Text only, never HTML.
 */
import { useMemo, useState } from 'preact/hooks';
import { setRuleEnabled, type Settings } from '../../lib/extension/settings';
import type { CategoryInfo, CompiledPhrasebank, RuleEntry, SignalEntry } from '../../lib/phrasebank/types';
import { MECHANISM_META } from '../../lib/ui/labels';
import { SeverityBadge } from '../../lib/ui/ReportView';
import type { PackLayer } from '../../lib/extension/packs';
import { IgnoredPhrases } from './IgnoredPhrases';
import { LAYER_LABEL } from './conflict-text';
import { LockIcon } from '../../lib/ui/LockIcon';
import { useRollout } from './useRollout';

/** Lower-cased searchable text of a rule or signal. */
export function searchText(entry: RuleEntry | SignalEntry, category?: CategoryInfo): string {
  return [
    entry.ruleId,
    entry.why,
    ...entry.match,
    category?.title ?? '',
    ...('suggest' in entry ? entry.suggest : []),
    ...entry.examples.flag,
    ...entry.examples.pass,
  ]
    .join('\n')
    .toLowerCase();
}

/** Filters entries by every word of `query` (all must appear). */
export function filterEntries<T extends RuleEntry | SignalEntry>(entries: T[], query: string, categories: Map<string, CategoryInfo>): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const hay = searchText(e, categories.get(e.category));
    return words.every((w) => hay.includes(w));
  });
}

/** The text a locked switch carries (the popup and options say the same). */
export const LOCKED_TEXT = 'Set by your organisation';

function RuleToggle({ ruleId, on, locked }: { ruleId: string; on: boolean; locked: boolean }) {
  if (locked) {
    // Still focusable (aria-disabled, not disabled), so a keyboard or screen-reader user reaches it and hears why.
    return (
      <label class="toggle locked" data-locked="true">
        <input type="checkbox" checked aria-disabled="true" aria-describedby={`lock-${ruleId}`} onClick={(e) => e.preventDefault()} />
        <span>On</span>
        <span class="visually-hidden"> {ruleId}</span>
        <span class="lock-note" id={`lock-${ruleId}`}><LockIcon /> {LOCKED_TEXT}</span>
      </label>
    );
  }
  return (
    <label class="toggle">
      <input type="checkbox" checked={on} onChange={(e) => setRuleEnabled(ruleId, (e.target as HTMLInputElement).checked)} />
      <span>{on ? 'On' : 'Off'}</span>
      <span class="visually-hidden"> {ruleId}</span>
    </label>
  );
}

/** Where a rule in use comes from, when it is not the built-in phrasebank. */
function Source({ pack, layer }: { pack?: string; layer?: PackLayer }) {
  if (!pack || !layer || layer === 'bundled') return null;
  return (
    <span class="source-chip" data-testid="rule-source">
      {LAYER_LABEL[layer]}: <bdi>{pack}</bdi>
    </span>
  );
}

/** How a card knows its switch and origin. */
interface CardState {
  on: boolean;
  locked: boolean;
  pack?: string;
  layer?: PackLayer;
}

function Examples({ examples, flagLabel }: { examples: { flag: string[]; pass: string[] }; flagLabel: string }) {
  return (
    <div class="examples">
      <div>
        <p class="label">{flagLabel}</p>
        <ul>
          {examples.flag.map((x) => (
            <li key={x} class="ex-flag">{x}</li>
          ))}
        </ul>
      </div>
      <div>
        <p class="label">Left alone</p>
        <ul>
          {examples.pass.map((x) => (
            <li key={x} class="ex-pass">{x}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The words a rule listens for, in the phrasebank's own pattern syntax ([optional], (this|that)). */
function Patterns({ match }: { match: string[] }) {
  return (
    <>
      <p class="label">Matches</p>
      <ul class="patterns">
        {match.map((m) => (
          <li key={m}>
            <code>{m}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

function RuleCard({ rule, state: { on, locked, pack, layer } }: { rule: RuleEntry; state: CardState }) {
  return (
    <article class={`rule sev-${rule.severity}${on ? '' : ' off'}`} data-rule-id={rule.ruleId}>
      <header class="rule-head">
        <SeverityBadge severity={rule.severity} />
        <code class="rule-id">{rule.ruleId}</code>
        <Source pack={pack} layer={layer} />
        <RuleToggle ruleId={rule.ruleId} on={on} locked={locked} />
      </header>
      <p class="why">{rule.why}</p>
      <Patterns match={rule.match} />
      <p class="label">Suggestions</p>
      <ul class="rule-suggestions">
        {rule.suggest.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <details>
        <summary>Examples</summary>
        <Examples examples={rule.examples} flagLabel="Flagged" />
      </details>
    </article>
  );
}

function SignalCard({ signal, state: { on, locked, pack, layer } }: { signal: SignalEntry; state: CardState }) {
  return (
    <article class={`rule signal${on ? '' : ' off'}`} data-rule-id={signal.ruleId}>
      <header class="rule-head">
        <span class="badge sig">✓ {MECHANISM_META[signal.mechanism]?.label ?? signal.mechanism}</span>
        <code class="rule-id">{signal.ruleId}</code>
        <Source pack={pack} layer={layer} />
        <RuleToggle ruleId={signal.ruleId} on={on} locked={locked} />
      </header>
      <p class="why">{signal.why}</p>
      <Patterns match={signal.match} />
      <details>
        <summary>Examples</summary>
        <Examples examples={signal.examples} flagLabel="Recognised" />
      </details>
    </article>
  );
}

export function PhrasebankBrowser({ pb, settings }: { pb: CompiledPhrasebank; settings: Settings }) {
  const [query, setQuery] = useState('');
  const categories = useMemo(() => new Map(pb.categories.map((c) => [c.category, c])), [pb]);
  const rollout = useRollout();
  const locked = rollout?.locked ?? new Set<string>();
  // A locked rule is on whatever the agent's switch said (the analysis ignores that switch too).
  const disabled = new Set(settings.disabledRules.filter((id) => !locked.has(id)));
  const state = (ruleId: string): CardState => {
    const pack = rollout?.sources[ruleId];
    return { on: !disabled.has(ruleId), locked: locked.has(ruleId), pack, layer: pack ? rollout?.layerOf.get(pack) : undefined };
  };
  const rules = filterEntries(pb.rules, query, categories);
  const signals = filterEntries(pb.signals, query, categories);
  const groups = (entries: (RuleEntry | SignalEntry)[]) => {
    const map = new Map<string, (RuleEntry | SignalEntry)[]>();
    for (const e of entries) map.set(e.category, [...(map.get(e.category) ?? []), e]);
    return [...map];
  };
  const renderGroup = ([category, entries]: [string, (RuleEntry | SignalEntry)[]]) => {
    const info = categories.get(category);
    const offCount = entries.filter((e) => disabled.has(e.ruleId)).length;
    const lockedCount = entries.filter((e) => locked.has(e.ruleId)).length;
    const wholeCategory = rollout?.locks.categories.includes(category) ?? false;
    return (
      // Folded unless a search is on (then every matching category opens; clearing the search folds them back).
      <details class="category-block" key={category} data-category={category} open={query.trim() ? true : undefined}>
        <summary class="category-summary">
          <h3 id={`cat-${category}`}>
            {info?.title ?? category} <span class="muted count">{entries.length} {entries.length === 1 ? 'rule' : 'rules'}{offCount ? `, ${offCount} off` : ''}</span>
            {lockedCount > 0 && (
              <span class="lock-badge" data-testid="category-locked">
                <LockIcon />
                {wholeCategory ? LOCKED_TEXT : `${lockedCount} set by your organisation`}
              </span>
            )}
          </h3>
          {info && <span class="muted category-why">{info.why} <span class="file">({info.file})</span></span>}
        </summary>
        {entries.map((e) =>
          'severity' in e ? (
            <RuleCard key={e.ruleId} rule={e} state={state(e.ruleId)} />
          ) : (
            <SignalCard key={e.ruleId} signal={e} state={state(e.ruleId)} />
          ),
        )}
      </details>
    );
  };
  return (
    <div class="phrasebank">
      <div class="toolbar">
        <label class="visually-hidden" for="rule-search">Search rules</label>
        <input
          id="rule-search"
          type="search"
          placeholder="Search rules, patterns, reasons, suggestions and examples"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <p class="muted small" role="status">
          {rules.length} of {pb.rules.length} rules · {signals.length} of {pb.signals.length} empathy signals
          {disabled.size ? ` · ${disabled.size} turned off` : ''}
          {locked.size ? ` · ${locked.size} set by your organisation` : ''}
        </p>
      </div>
      <h2>Phrases Attune flags</h2>
      {rules.length ? groups(rules).map(renderGroup) : <p class="muted">No rule matches that search.</p>}
      <h2>Empathy Attune recognises</h2>
      {signals.length ? groups(signals).map(renderGroup) : <p class="muted">No signal matches that search.</p>}
      <IgnoredPhrases settings={settings} />
    </div>
  );
}
