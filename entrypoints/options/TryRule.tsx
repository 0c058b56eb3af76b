/** Type a sentence and see which rules fire, including rules that are turned off (marked). */
import { useMemo, useState } from 'preact/hooks';
import { analysisOptionsFor, type Settings } from '../../lib/extension/settings';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { useAsync, useDebounced } from '../../lib/ui/hooks';
import { warmEngine } from '../../lib/ui/engine';
import { MECHANISM_META } from '../../lib/ui/labels';
import { SeverityBadge } from '../../lib/ui/ReportView';

export function TryRule({ pb, settings }: { pb: CompiledPhrasebank; settings: Settings }) {
  const [text, setText] = useState('');
  const input = useDebounced(text, 150);
  // Analyse with every rule on, then mark the ones this team turned off, so a lead sees why something is not flagged.
  const engine = useAsync(() => warmEngine(pb), [pb]);
  const report = useMemo(
    () =>
      input.trim() && engine.value
        ? engine.value.analyze(input, pb, undefined, { ignoredPhrases: analysisOptionsFor(settings).ignoredPhrases })
        : undefined,
    [input, pb, settings, engine.value],
  );
  const disabled = new Set(settings.disabledRules);
  return (
    <div class="try">
      <label class="field" for="try-input">Type a sentence</label>
      <textarea
        id="try-input"
        rows={3}
        placeholder="e.g. As I mentioned before, there is nothing more I can do."
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      {report && (
        <div class="try-results" data-testid="try-results">
          <h2>Rules that fire</h2>
          {report.findings.length ? (
            <table class="data">
              <thead>
                <tr><th>Rule</th><th>Words</th><th>Severity</th><th>Status</th></tr>
              </thead>
              <tbody>
                {report.findings.map((f) => (
                  <tr key={f.ruleId + f.start} data-rule-id={f.ruleId}>
                    <td><code>{f.ruleId}</code></td>
                    <td><q>{f.text}</q></td>
                    <td class={`sev-${f.severity}`}><SeverityBadge severity={f.severity} /></td>
                    <td>{disabled.has(f.ruleId) ? 'Turned off' : 'On'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No rule fires on this text.</p>
          )}
          <h2>Empathy recognised</h2>
          {report.signals.length ? (
            <table class="data">
              <thead>
                <tr><th>Signal</th><th>Words</th><th>Mechanism</th></tr>
              </thead>
              <tbody>
                {report.signals.map((s) => (
                  <tr key={s.ruleId + s.start} data-rule-id={s.ruleId}>
                    <td><code>{s.ruleId}</code></td>
                    <td><q>{s.text}</q></td>
                    <td>{MECHANISM_META[s.mechanism]?.label ?? s.mechanism}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No empathy signal recognised.</p>
          )}
        </div>
      )}
    </div>
  );
}
