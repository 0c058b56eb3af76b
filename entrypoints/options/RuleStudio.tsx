/**
 * The rule studio: a lead writes or edits a rule, sees its examples run as they type (checked by the
 * phrasebank's own validator), replays it on past replies, and publishes it to the team or personal layer.
 * Every publish is validated whole and kept in a short history with one-click restore.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledPhrasebank, RuleEntry } from '../../lib/phrasebank/types';
import type { DraftCheck } from '../../lib/extension/studio-check';
import { EMPTY_DRAFT, emptyLayer, entryToDraft, putRule, removeRule, type RuleDraft } from '../../lib/extension/studio-rule';
import { publishLayer, restoreVersion, STUDIO_PACK, studioHistoryItem, type StudioLayer } from '../../lib/extension/studio-layer';
import { packsItem } from '../../lib/extension/settings';
import type { PackCheck } from '../../lib/extension/packs';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';
import { downloadJson, safeFileName } from '../../lib/ui/download';
import { useAsync, useDebounced, useStorageItem } from '../../lib/ui/hooks';
import { storageProblem } from '../../lib/ui/storageProblem';
import { RuleForm } from './RuleForm';
import { RuleReplay } from './RuleReplay';
import { RuleSources } from './RuleSources';
import { ImportResult } from './Packs';

/** The checker loads the engine (compromise): on first use, after the page has painted. */
const loadChecker = () => import('../../lib/extension/studio-check');

export function RuleStudio({ pb }: { pb: CompiledPhrasebank }) {
  const packs = useStorageItem(packsItem);
  const history = useStorageItem(studioHistoryItem);
  const [layer, setLayer] = useState<StudioLayer>('team');
  const current = packs?.find((p) => p.name === STUDIO_PACK[layer] && p.layer === layer)?.phrasebank ?? emptyLayer();
  const categories = pb.categories.filter((c) => c.kind === 'dismissive');
  const [draft, setDraft] = useState<RuleDraft>({ ...EMPTY_DRAFT, category: categories[0]?.category ?? '' });
  /** The rule id this draft edits (before any rename), if it edits one. */
  const [editing, setEditing] = useState<string | undefined>();
  const [published, setPublished] = useState<PackCheck | undefined>();
  const [busy, setBusy] = useState(false);

  const input = useDebounced(draft, 250);
  const known = pb.categories.find((c) => c.category === input.category.trim());
  const checker = useAsync(loadChecker, []);
  const check: DraftCheck | undefined = useMemo(() => checker.value?.checkDraft(input, known), [checker.value, input, known]);
  const isNewCategory = !pb.categories.some((c) => c.category === draft.category);
  // Until the pause after typing, the check is of an older draft: nothing may be published or replayed from it.
  const pending = input !== draft;
  const examplesPass = !pending && !!check?.rule && check.examples.length > 0 && check.examples.every((e) => e.ok);
  // The rule as the phrasebank has it now: what the replay compares against and a publish replaces.
  const before = check?.rule ? pb.rules.find((r) => r.ruleId === (editing ?? check.rule!.ruleId)) : undefined;

  const edit = (rule: RuleEntry) => {
    setDraft(entryToDraft(rule, pb.categories.find((c) => c.category === rule.category)));
    setEditing(rule.ruleId);
    setPublished(undefined);
    document.getElementById('studio-id')?.focus();
  };
  const startNew = () => {
    setDraft({ ...EMPTY_DRAFT, category: categories[0]?.category ?? '' });
    setEditing(undefined);
    setPublished(undefined);
  };
  const run = async (work: () => Promise<PackCheck>) => {
    setBusy(true);
    try {
      setPublished(await work());
    } catch (err) {
      setPublished({ ok: false, name: STUDIO_PACK[layer], errors: [storageProblem('the rules', err)], conflicts: [], exampleCount: 0 });
    } finally {
      setBusy(false);
    }
  };
  const publish = () => {
    if (!check?.rule || !examplesPass) return;
    const rule = check.rule;
    const ownEdit = editing !== undefined && current.rules.some((r) => r.ruleId === editing);
    const next = putRule(current, rule, check.category, ownEdit ? editing : undefined);
    // Editing a rule another pack defines (a built-in one) is the lead choosing this version: recorded, and shown as a conflict.
    const overrides = pb.rules.some((r) => r.ruleId === rule.ruleId) && !current.rules.some((r) => r.ruleId === rule.ruleId) ? [rule.ruleId] : [];
    const note = editing && editing !== rule.ruleId && ownEdit ? `Renamed ${editing} to ${rule.ruleId}` : `${current.rules.some((r) => r.ruleId === rule.ruleId) ? 'Changed' : 'Added'} ${rule.ruleId}`;
    run(async () => {
      const result = await publishLayer(layer, next, note, overrides);
      if (result.ok) setEditing(rule.ruleId);
      return result;
    });
  };
  const remove = (ruleId: string) => {
    const next = removeRule(current, ruleId);
    run(() => publishLayer(layer, next.rules.length ? next : null, `Removed ${ruleId}`));
    if (editing === ruleId) startNew();
  };
  const versions = history?.[STUDIO_PACK[layer]] ?? [];

  useEffect(() => setPublished(undefined), [layer]);

  return (
    <div class="studio">
      <p class="muted">
        Write a rule for a phrase your team keeps using. It is checked as you type, exactly as <code>attune phrasebank test</code> checks a
        phrasebank file, and published as a layer on top of the built-in phrasebank.
      </p>
      <div class="inline-form" role="radiogroup" aria-label="Publish to">
        {(['team', 'personal'] as const).map((l) => (
          <label key={l} class="shrink radio">
            <input type="radio" name="studio-layer" value={l} checked={layer === l} onChange={() => setLayer(l)} /> {l === 'team' ? 'Team layer' : 'Personal layer'} (“{STUDIO_PACK[l]}”)
          </label>
        ))}
      </div>

      <section aria-labelledby="studio-rules-title">
        <h2 id="studio-rules-title">Rules in “{STUDIO_PACK[layer]}”</h2>
        {current.rules.length ? (
          <ul class="studio-rules" data-testid="studio-rules">
            {current.rules.map((r) => (
              <li key={r.ruleId} data-rule-id={r.ruleId}>
                <code>{r.ruleId}</code> <span class="muted small">{r.match.join(' · ')}</span>
                <span class="actions">
                  <button type="button" class="btn small" onClick={() => edit(r)} aria-label={`Edit ${r.ruleId}`}>Edit</button>
                  <button type="button" class="btn small danger" onClick={() => remove(r.ruleId)} aria-label={`Remove ${r.ruleId}`} disabled={busy}>Remove</button>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">None yet.</p>
        )}
        <div class="inline-form">
          <button type="button" class="btn" onClick={startNew}>New rule</button>
          <label class="shrink">
            <span class="visually-hidden">Start from an existing rule</span>
            <select value="" onChange={(e) => {
              const rule = pb.rules.find((r) => r.ruleId === (e.target as HTMLSelectElement).value);
              if (rule) edit(rule);
            }}>
              <option value="">Start from an existing rule…</option>
              {pb.rules.map((r) => <option key={r.ruleId} value={r.ruleId}>{r.ruleId}</option>)}
            </select>
          </label>
          {current.rules.length > 0 && (
            <button type="button" class="btn" onClick={() => downloadJson({ name: STUDIO_PACK[layer], ...current }, `${safeFileName(STUDIO_PACK[layer])}.json`)}>
              Export as a pack
            </button>
          )}
        </div>
      </section>

      <section aria-labelledby="studio-edit-title">
        <h2 id="studio-edit-title">{editing ? <>Editing <code>{editing}</code></> : 'New rule'}</h2>
        {editing && bundledPhrasebank.rules.some((r) => r.ruleId === editing) && !current.rules.some((r) => r.ruleId === editing) && (
          <p class="note small">This is a built-in rule. Publishing puts your version in “{STUDIO_PACK[layer]}” and uses it instead of the built-in one; the clash stays listed below, where you can switch back.</p>
        )}
        <RuleForm draft={draft} onChange={setDraft} categories={categories} problems={check?.problems ?? []} isNewCategory={isNewCategory} />
        <CheckSummary check={check} loading={!checker.value} pending={pending} />
      </section>

      <RuleReplay rule={examplesPass ? check?.rule : undefined} before={before} categories={pb.categories} />

      <section aria-labelledby="studio-publish-title">
        <h2 id="studio-publish-title">Publish</h2>
        <p>
          <button type="button" class="btn primary" disabled={!examplesPass || busy} onClick={publish} data-testid="studio-publish">
            {busy ? 'Checking…' : `Publish to “${STUDIO_PACK[layer]}”`}
          </button>{' '}
          {!examplesPass && <span class="muted small">Publishing opens when the rule compiles and every example behaves as written.</span>}
        </p>
        {published && <ImportResult result={published} />}
        {versions.length > 0 && (
          <details class="history" data-testid="studio-history">
            <summary>Earlier versions ({versions.length} kept)</summary>
            <ol>
              {versions.map((v, i) => (
                <li key={v.savedAt + i}>
                  {new Date(v.savedAt).toLocaleString()}: {v.note} {i === 0 ? <span class="muted small">(in use)</span> : (
                    <button type="button" class="btn small" disabled={busy} onClick={() => run(() => restoreVersion(layer, i))}>
                      {i === 1 ? 'Undo: restore this' : 'Restore'}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>

      <RuleSources />
    </div>
  );
}

/** How the draft fares: the problems that are about no one field, then each example with ✓ or ✗ and why. */
function CheckSummary({ check, loading, pending }: { check?: DraftCheck; loading: boolean; pending: boolean }) {
  if (loading || !check) return <p class="muted small">Loading the checker…</p>;
  if (pending) return <div class="check-summary" data-testid="studio-check"><p class="muted small" data-testid="studio-status">Checking…</p></div>;
  const general = check.problems.filter((p) => p.field === undefined || p.field === 'category');
  const failed = check.examples.filter((e) => !e.ok).length;
  return (
    <div class="check-summary" aria-live="polite" data-testid="studio-check">
      {general.length > 0 && (
        <ul class="field-problem">{general.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
      )}
      {check.problems.length > 0 ? (
        <p class="error small" data-testid="studio-status">The rule does not compile yet: {check.problems.length} problem{check.problems.length === 1 ? '' : 's'} to fix (shown by the fields).</p>
      ) : (
        <>
          <p class={failed ? 'error small' : 'ok small'} data-testid="studio-status">
            {failed ? `${failed} of ${check.examples.length} examples do not behave as written.` : `All ${check.examples.length} examples behave as written.`}
          </p>
          <ul class="example-results">
            {check.examples.map((e, i) => (
              <li key={i} class={e.ok ? 'ex-ok' : 'ex-bad'} data-ok={e.ok ? 'true' : 'false'}>
                <span class="visually-hidden">{e.ok ? 'Passes: ' : 'Fails: '}</span>
                <span class="ex-kind">{e.kind === 'flag' ? 'flag' : 'pass'}</span> <q>{e.text}</q>
                {e.detail && <div class="small">{e.detail}</div>}
              </li>
            ))}
          </ul>
          {check.uncovered.length > 0 && (
            <p class="muted small" data-testid="studio-uncovered">
              No example exercises: {check.uncovered.map((u, i) => <span key={u}>{i ? ', ' : ''}<code>{u}</code></span>)}. Add a sentence that uses it, so a change can’t break it unnoticed.
            </p>
          )}
        </>
      )}
    </div>
  );
}
