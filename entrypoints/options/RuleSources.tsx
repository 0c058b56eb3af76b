/**
 * Where each rule of the effective phrasebank comes from, what the organisation sets, and every clash between
 * layers with the version in use and why (merge order, the lead's choice, the organisation's pack or lock).
 * Clashes are never hidden: the lead can switch which version is used, except against the organisation's; a
 * choice or switch the organisation overrules is listed with the rule, not dropped.
 */
import { chooseVersion } from '../../lib/extension/rule-choices';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { useSettings } from '../../lib/ui/useSettings';
import { conflictReason, LAYER_LABEL } from './conflict-text';
import { LockIcon } from '../../lib/ui/LockIcon';
import { useRollout, type Rollout } from './useRollout';

export function RuleSources() {
  const rollout = useRollout();
  const settings = useSettings();
  if (!rollout) return null;
  const { layers, sources, conflicts, layerOf } = rollout;
  const byPack = new Map<string, string[]>();
  for (const [ruleId, pack] of Object.entries(sources)) byPack.set(pack, [...(byPack.get(pack) ?? []), ruleId]);
  // The agent's own switch is the personal layer's simplest change: off for a rule the organisation keeps on.
  const switchedOff = (settings?.disabledRules ?? []).filter((id) => rollout.locked.has(id));
  return (
    <section aria-labelledby="sources-title" data-testid="rule-sources">
      <h2 id="sources-title">Where each rule comes from</h2>
      <ul class="sources">
        {layers.map((l) => {
          const ids = byPack.get(l.name) ?? [];
          return (
            <li key={l.layer + l.name}>
              <details>
                <summary>
                  <bdi>{l.name}</bdi> <span class="muted small">({LAYER_LABEL[l.layer]}): {ids.length} in use</span>
                </summary>
                <p class="small source-ids">{ids.map((id, i) => <span key={id}>{i ? ', ' : ''}<code>{id}</code></span>)}</p>
              </details>
            </li>
          );
        })}
      </ul>
      <OrganisationLocks rollout={rollout} />
      {conflicts.length + switchedOff.length > 0 && (
        <table class="data" data-testid="studio-conflicts">
          <caption class="small">Rules defined or changed in more than one layer</caption>
          <thead>
            <tr><th>Rule</th><th>In use</th><th>Not used</th><th><span class="visually-hidden">Choose</span></th></tr>
          </thead>
          <tbody>
            {conflicts.map((c) => {
              const fixed = c.reason === 'organisation' || c.reason === 'locked' || layerOf.get(c.kept) === 'organisation';
              return (
                <tr key={c.ruleId + c.ignored} data-rule-id={c.ruleId} data-reason={c.reason}>
                  <td><RuleName ruleId={c.ruleId} pb={rollout.phrasebank} /></td>
                  <td>
                    <bdi>{c.kept}</bdi>
                    <div class="muted small">{conflictReason(c)}</div>
                  </td>
                  <td><bdi>{c.ignored}</bdi></td>
                  <td class="actions">
                    {!fixed && (
                      <button type="button" class="btn small" onClick={() => chooseVersion(c.ruleId, layerOf.get(c.ignored) === 'bundled' ? undefined : c.ignored)}>
                        Use “{c.ignored}”
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
            {switchedOff.map((id) => (
              <tr key={'off:' + id} data-rule-id={id} data-reason="locked-switch">
                <td><RuleName ruleId={id} pb={rollout.phrasebank} /></td>
                <td>
                  On
                  <div class="muted small">locked by your organisation, so the analysis keeps it on</div>
                </td>
                <td>Your switch: off</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A rule as a conflict row names it: its id, and its category and reason, so the lead knows what is at stake. */
function RuleName({ ruleId, pb }: { ruleId: string; pb: CompiledPhrasebank }) {
  const entry = [...pb.rules, ...pb.signals].find((e) => e.ruleId === ruleId);
  const category = entry && pb.categories.find((c) => c.category === entry.category);
  return (
    <>
      <code>{ruleId}</code>
      {entry && (
        <div class="muted small">
          {category ? `${category.title}: ` : ''}
          {entry.why}
        </div>
      )}
    </>
  );
}

/** What the organisation pins and locks, and anything in its policy that could not be used. */
function OrganisationLocks({ rollout }: { rollout: Rollout }) {
  const { locks, layers, policyProblems, phrasebank } = rollout;
  const pinned = layers.filter((l) => l.layer === 'organisation');
  if (!pinned.length && !locks.categories.length && !locks.rules.length && !policyProblems.length) return null;
  const title = new Map(phrasebank.categories.map((c) => [c.category, c.title]));
  return (
    <div class="org-policy" data-testid="org-policy">
      <h3>Set by your organisation</h3>
      {pinned.length > 0 && (
        <p class="small">
          Pinned {pinned.length === 1 ? 'pack' : 'packs'}:{' '}
          {pinned.map((l, i) => <span key={l.name}>{i ? ', ' : ''}<bdi>{l.name}</bdi></span>)}. A team or personal pack can’t replace their rules.
        </p>
      )}
      {(locks.categories.length > 0 || locks.rules.length > 0) && (
        <p class="small">
          <LockIcon /> Locked on, for every agent: {[
            ...locks.categories.filter((c) => title.has(c)).map((c) => `${title.get(c)} (every rule)`),
            ...locks.rules.filter((r) => rollout.locked.has(phrasebank.renames?.[r] ?? r)),
          ].join(', ') || 'nothing loaded'}. An agent can’t switch these off, and a team or personal version isn’t used.
        </p>
      )}
      {policyProblems.length > 0 && (
        <div class="result error-box" role="alert" data-testid="org-policy-problems">
          <ul>{policyProblems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
