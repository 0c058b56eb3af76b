/** Export / import settings, and the switches that are not per rule. */
import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, parseSettingsExport, settingsItem, updateSettings, type Settings, type SettingsExport } from '../../lib/extension/settings';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { downloadJson } from '../../lib/ui/download';
import { storageProblem } from '../../lib/ui/storageProblem';

export function SettingsPanel({ settings, pb }: { settings: Settings; pb: CompiledPhrasebank }) {
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | undefined>();
  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return setMessage({ ok: false, lines: [`Could not read the file: ${(err as Error).message}`] });
    }
    const known = { ids: new Set([...pb.rules, ...pb.signals].map((r) => r.ruleId)), renames: pb.renames };
    const parsed = parseSettingsExport(text, known);
    if (!parsed.settings) return setMessage({ ok: false, lines: [...parsed.errors, 'Nothing changed.'] });
    try {
      await settingsItem.setValue(parsed.settings);
    } catch (err) {
      return setMessage({ ok: false, lines: [storageProblem('the settings', err)] });
    }
    setMessage({ ok: true, lines: ['Settings imported.', ...parsed.notes] });
  };
  const data: SettingsExport = { attuneSettings: 1, settings };
  return (
    <div class="settings">
      <section>
        <h2>General</h2>
        <label class="check-row">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => updateSettings({ enabled: (e.target as HTMLInputElement).checked })} />
          Check replies (turn off to pause Attune everywhere)
        </label>
        <p class="muted small">
          {count(settings.disabledRules.length, 'rule')} off · {count(settings.ignoredPhrases.length, 'ignored phrase')} ·{' '}
          {count(settings.disabledHosts.length, 'helpdesk')} off · {count(settings.enabledOrigins.length, 'other site')} on
        </p>
        {settings.disabledHosts.length > 0 && (
          <p class="small">
            Off on:{' '}
            {settings.disabledHosts.map((h) => (
              <button key={h} type="button" class="btn small" aria-label={`Turn Attune back on for ${h}`} onClick={() => updateSettings((s) => ({ ...s, disabledHosts: s.disabledHosts.filter((x) => x !== h) }))}>
                {h} ✕
              </button>
            ))}
          </p>
        )}
      </section>
      <section>
        <h2>Move settings between browsers</h2>
        <p class="muted">Rules turned off, ignored phrases and site choices. Drafts are never part of it.</p>
        <div class="inline-form">
          <button type="button" class="btn" onClick={() => downloadJson(data, 'attune-settings.json')}>Export settings</button>
          <label class="btn file-btn">
            Import settings…
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="settings-file" onChange={onFile} />
          </label>
          <button type="button" class="btn danger" onClick={() => confirm('Reset every setting to the defaults?') && settingsItem.setValue(DEFAULT_SETTINGS)}>
            Reset to defaults
          </button>
        </div>
        {message && (
          <div class={`result ${message.ok ? 'ok-box' : 'error-box'}`} role={message.ok ? 'status' : 'alert'}>
            <ul>{message.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
          </div>
        )}
      </section>
    </div>
  );
}

/** "1 rule", "2 rules". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
