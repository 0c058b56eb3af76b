/**
 * Where each rule of the effective phrasebank comes from, and every clash between layers with the version
 * in use and why (merge order, the lead's choice, or the organisation's policy). Clashes are never hidden:
 * the lead can switch which version is used (except against the organisation's).
 */
import { getLayers, mergeLayers } from '../../lib/extension/packs';
import { chooseVersion, ruleChoicesItem } from '../../lib/extension/rule-choices';
import { packsItem } from '../../lib/extension/settings';
import { useAsync, useStorageItem } from '../../lib/ui/hooks';

const LAYER_LABEL: Record<string, string> = { bundled: 'Built in', organisation: 'Organisation', team: 'Team', personal: 'Personal' };

export function RuleSources() {
  const packs = useStorageItem(packsItem);
  const choices = useStorageItem(ruleChoicesItem);
  const merged = useAsync(async () => {
    const layers = await getLayers();
    return { layers, ...(await mergeLayers(layers, choices ?? {})) };
  }, [packs, choices]);
  if (!merged.value) return null;
  const { layers, sources, conflicts } = merged.value;
  const layerOf = new Map(layers.map((l) => [l.name, l.layer]));
  const byPack = new Map<string, string[]>();
  for (const [ruleId, pack] of Object.entries(sources)) byPack.set(pack, [...(byPack.get(pack) ?? []), ruleId]);
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
      {conflicts.length > 0 && (
        <table class="data" data-testid="studio-conflicts">
          <caption class="small">Rules defined by more than one pack</caption>
          <thead>
            <tr><th>Rule</th><th>In use</th><th>Not used</th><th><span class="visually-hidden">Choose</span></th></tr>
          </thead>
          <tbody>
            {conflicts.map((c) => {
              const pinned = layerOf.get(c.kept) === 'organisation';
              return (
                <tr key={c.ruleId + c.ignored} data-rule-id={c.ruleId}>
                  <td><code>{c.ruleId}</code></td>
                  <td>
                    <bdi>{c.kept}</bdi>
                    <div class="muted small">{c.chosen ? 'your choice' : pinned ? 'your organisation’s policy' : 'earlier in the merge order'}</div>
                  </td>
                  <td><bdi>{c.ignored}</bdi></td>
                  <td class="actions">
                    {!pinned && (
                      <button type="button" class="btn small" onClick={() => chooseVersion(c.ruleId, layerOf.get(c.ignored) === 'bundled' ? undefined : c.ignored)}>
                        Use “{c.ignored}”
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
