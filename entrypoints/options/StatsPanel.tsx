/** The stats tab: my counts or the team's, over 30 or 90 days (StatsReport); export and clear my counts. */
import { useState } from 'preact/hooks';
import { sendCheckStatsItem } from '../../lib/extension/send-check-stats';
import { buildStatsExport } from '../../lib/extension/stats-rollup';
import { emptyStats, migrateStats } from '../../lib/extension/stats';
import { getStatsAgentId, statsItem } from '../../lib/extension/stats-store';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { downloadJson } from '../../lib/ui/download';
import { useStorageItem } from '../../lib/ui/hooks';
import { storageProblem } from '../../lib/ui/storageProblem';
import { StatsReport } from './StatsReport';
import { TeamRollup } from './TeamRollup';

const PERIODS = [30, 90] as const;

function Choice<T extends string | number>({ legend, name, value, options, onChange }: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="segmented">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} class={o.value === value ? 'on' : ''}>
          <input type="radio" name={name} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function StatsPanel({ pb }: { pb: CompiledPhrasebank }) {
  const stored = useStorageItem(statsItem);
  const sendCheck = useStorageItem(sendCheckStatsItem);
  const [days, setDays] = useState<number>(30);
  const [whose, setWhose] = useState<'mine' | 'team'>('mine');
  const [message, setMessage] = useState('');
  if (!stored || !sendCheck) return <p class="muted">Loading…</p>;
  // Whatever shape is stored (an older version's too) reads as today's.
  const stats = migrateStats(stored);
  const titles = new Map(pb.categories.map((c) => [c.category, c.title]));

  const exportMine = async () => downloadJson(buildStatsExport(await getStatsAgentId(), stats, sendCheck), `attune-stats-${new Date().toISOString().slice(0, 10)}.json`);
  const clearMine = async () => {
    if (!confirm('Clear all your usage counts? This cannot be undone.')) return;
    try {
      await Promise.all([statsItem.setValue(emptyStats()), sendCheckStatsItem.setValue({})]);
      setMessage('Your counts were cleared.');
    } catch (err) {
      setMessage(storageProblem('the cleared counts', err));
    }
  };

  return (
    <div class="stats">
      <div class="stats-bar">
        <Choice legend="Whose counts" name="whose" value={whose} onChange={setWhose} options={[{ value: 'mine', label: 'My counts' }, { value: 'team', label: 'Team roll-up' }]} />
        <Choice legend="Period" name="period" value={days} onChange={setDays} options={PERIODS.map((d) => ({ value: d, label: `${d} days` }))} />
      </div>
      {whose === 'team' ? (
        <TeamRollup days={days} titles={titles} />
      ) : (
        <>
          <StatsReport stats={stats} sendCheck={sendCheck} days={days} titles={titles} scope="my" />
          <section aria-labelledby="my-counts-title">
            <h2 id="my-counts-title">My counts</h2>
            <p class="muted small">Kept on this device for 90 days. Export them for your team lead's roll-up, or clear them.</p>
            <p>
              <button type="button" class="btn" onClick={exportMine}>
                Export my counts
              </button>
              <button type="button" class="btn danger" onClick={clearMine}>
                Clear my counts
              </button>
            </p>
            {message && <p role="status">{message}</p>}
          </section>
        </>
      )}
    </div>
  );
}
