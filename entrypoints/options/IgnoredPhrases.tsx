/** Manage "never flag this phrase" exceptions, per site or everywhere. */
import { useState } from 'preact/hooks';
import { addIgnoredPhrase, ANY_HOST, removeIgnoredPhrase, type Settings } from '../../lib/extension/settings';

export function IgnoredPhrases({ settings }: { settings: Settings }) {
  const [phrase, setPhrase] = useState('');
  const [host, setHost] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    if (!phrase.trim()) return;
    await addIgnoredPhrase(phrase, host.trim() || ANY_HOST);
    setPhrase('');
  };
  return (
    <section class="ignored" aria-labelledby="ignored-title">
      <h2 id="ignored-title">Ignored phrases</h2>
      <p class="muted">Exact phrases Attune never flags. Agents add these with “Ignore this phrase on this site”.</p>
      {settings.ignoredPhrases.length ? (
        <table class="data">
          <thead>
            <tr>
              <th>Phrase</th>
              <th>Site</th>
              <th><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {settings.ignoredPhrases.map((p) => (
              <tr key={p.host + '\n' + p.phrase}>
                <td>{p.phrase}</td>
                <td>{p.host === ANY_HOST ? 'Every site' : p.host}</td>
                <td class="num">
                  <button type="button" class="btn small" aria-label={`Stop ignoring "${p.phrase}"`} onClick={() => removeIgnoredPhrase(p.phrase, p.host)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted small">None yet.</p>
      )}
      <form class="inline-form" onSubmit={add}>
        <label>
          <span class="visually-hidden">Phrase to ignore</span>
          <input type="text" placeholder="Phrase to ignore" value={phrase} onInput={(e) => setPhrase((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span class="visually-hidden">Site (leave empty for every site)</span>
          <input type="text" placeholder="Site, e.g. acme.zendesk.com (empty: every site)" value={host} onInput={(e) => setHost((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="btn">Add</button>
      </form>
    </section>
  );
}
