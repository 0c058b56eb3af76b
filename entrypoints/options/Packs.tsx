/** Import, list, remove and export phrasebank packs; show the organisation's policy packs and merge conflicts. */
import { useState } from 'preact/hooks';
import { BUNDLED_NAME, type Conflict, getLayers, getManagedPacks, importPack, mergeLayers, removePack, type PackCheck } from '../../lib/extension/packs';
import { packsItem } from '../../lib/extension/settings';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { storageProblem } from '../../lib/ui/storageProblem';
import { downloadJson, safeFileName } from '../../lib/ui/download';
import { useAsync, useStorageItem } from '../../lib/ui/hooks';
import { conflictReason } from './conflict-text';

const LAYER_LABEL: Record<string, string> = {
  bundled: 'Built in',
  organisation: 'Organisation',
  team: 'Team',
  personal: 'Personal',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What an import produced, shown until the next import. */
export function ImportResult({ result }: { result: PackCheck }) {
  if (!result.ok) {
    return (
      <div class="result error-box" role="alert" data-testid="pack-errors">
        <p><strong>“<bdi>{result.name}</bdi>” was not imported.</strong> Nothing changed. Fix these and try again:</p>
        <ul>
          {result.errors.slice(0, 50).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
        {result.errors.length > 50 && <p>…and {result.errors.length - 50} more.</p>}
      </div>
    );
  }
  return (
    <div class="result ok-box" role="status" data-testid="pack-imported">
      <p>
        <strong>“<bdi>{result.name}</bdi>” imported.</strong> {plural(result.phrasebank?.rules.length ?? 0, 'rule')} and{' '}
        {plural(result.phrasebank?.signals.length ?? 0, 'signal')}; all {result.exampleCount} examples pass.
      </p>
      {result.conflicts.length > 0 && <ConflictList conflicts={result.conflicts} />}
    </div>
  );
}

function ConflictList({ conflicts }: { conflicts: Conflict[] }) {
  return (
    <div class="conflicts" data-testid="pack-conflicts">
      <p>
        {conflicts.length} rule{conflicts.length === 1 ? '' : 's'} defined by more than one pack; which version is used, and why:
      </p>
      <table class="data">
        <thead>
          <tr><th>Rule</th><th>Kept from</th><th>Not used from</th></tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.ruleId + c.ignored}>
              <td><code>{c.ruleId}</code></td>
              <td>
                <bdi>{c.kept}</bdi>
                <div class="muted small">{conflictReason(c)}</div>
              </td>
              <td><bdi>{c.ignored}</bdi></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Packs({ merged }: { merged: CompiledPhrasebank }) {
  const packs = useStorageItem(packsItem);
  const layers = useAsync(getLayers, [packs]);
  const managed = useAsync(getManagedPacks, []);
  const [layer, setLayer] = useState<'team' | 'personal'>('team');
  const [result, setResult] = useState<PackCheck | undefined>();
  const [busy, setBusy] = useState(false);

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    const failed = (error: string) => setResult({ ok: false, name: file.name, errors: [error], conflicts: [], exampleCount: 0 });
    try {
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        return failed(`Could not read the file: ${(err as Error).message}`);
      }
      try {
        setResult(await importPack(text, file.name, layer));
      } catch (err) {
        // Checked fine but could not be stored (a full quota, most often): not a problem with the file.
        failed(storageProblem('the pack', err));
      }
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  const merge = useAsync(async () => (layers.value ? (await mergeLayers(layers.value)).conflicts : []), [layers.value]);
  const conflicts = merge.value ?? [];

  return (
    <div class="packs">
      <section aria-labelledby="import-title">
        <h2 id="import-title">Import a team pack</h2>
        <p class="muted">
          A pack is a JSON file made with <code>npm run -s attune -- phrasebank pack --out team.json</code>. Attune checks its shape and runs
          every example before storing it; if anything fails, nothing changes.
        </p>
        <div class="inline-form">
          <label class="shrink">
            <span class="visually-hidden">Layer</span>
            <select value={layer} onChange={(e) => setLayer((e.target as HTMLSelectElement).value as 'team' | 'personal')}>
              <option value="team">Team pack</option>
              <option value="personal">Personal pack</option>
            </select>
          </label>
          <label class="btn primary file-btn">
            {busy ? 'Checking…' : 'Choose a pack file…'}
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="pack-file" onChange={onFile} disabled={busy} />
          </label>
        </div>
        {result && <ImportResult result={result} />}
      </section>

      <section aria-labelledby="loaded-title">
        <h2 id="loaded-title">Loaded packs</h2>
        <p class="muted small">Merged in this order; when two packs define the same rule, the earlier one wins.</p>
        {managed.value?.errors.length ? (
          <div class="result error-box" role="alert">
            <ul>{managed.value.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
          </div>
        ) : null}
        <table class="data" data-testid="pack-list">
          <thead>
            <tr><th>Pack</th><th>Layer</th><th class="num">Rules</th><th class="num">Signals</th><th><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {(layers.value ?? []).map((l) => {
              const imported = packs?.find((p) => p.name === l.name && p.layer === l.layer);
              return (
                <tr key={l.layer + l.name}>
                  <td>
                    <bdi>{l.name}</bdi>
                    {imported && <div class="muted small">imported {new Date(imported.importedAt).toLocaleString()}</div>}
                    {l.layer === 'organisation' && !imported && <div class="muted small">pinned by your organisation’s policy</div>}
                  </td>
                  <td>{LAYER_LABEL[l.layer]}</td>
                  <td class="num">{l.phrasebank.rules.length}</td>
                  <td class="num">{l.phrasebank.signals.length}</td>
                  <td class="num actions">
                    <button type="button" class="btn small" onClick={() => downloadJson({ name: l.name, ...l.phrasebank }, `${safeFileName(l.name)}.json`)}>
                      Export
                    </button>
                    {imported && (
                      <button type="button" class="btn small danger" aria-label={`Remove pack ${l.name}`} onClick={() => removePack(l.name)}>
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <button type="button" class="btn" onClick={() => downloadJson({ name: 'Attune merged phrasebank', ...merged }, 'attune-phrasebank.json')}>
            Export the merged phrasebank
          </button>{' '}
          <span class="muted small">({merged.rules.length} rules, {merged.signals.length} signals; {BUNDLED_NAME} plus every pack)</span>
        </p>
        {conflicts.length > 0 && <ConflictList conflicts={conflicts} />}
      </section>
    </div>
  );
}
