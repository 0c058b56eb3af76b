/** The options page for team leads: phrasebank browser, try a rule, packs, stats, settings. */
import { useEffect, useState } from 'preact/hooks';
import { getEffectivePhrasebank } from '../../lib/extension/packs';
import { packsItem } from '../../lib/extension/settings';
import { useAsync, useStorageItem } from '../../lib/ui/hooks';
import { Logo } from '../../lib/ui/Logo';
import { useSettings } from '../../lib/ui/useSettings';
import { Packs } from './Packs';
import { PhrasebankBrowser } from './PhrasebankBrowser';
import { RuleStudio } from './RuleStudio';
import { ruleChoicesItem } from '../../lib/extension/rule-choices';
import { SettingsPanel } from './SettingsPanel';
import { StatsPanel } from './StatsPanel';
import { TryRule } from './TryRule';

const TABS = [
  { id: 'phrasebank', label: 'Phrasebank' },
  { id: 'try', label: 'Try a rule' },
  { id: 'studio', label: 'Rule studio' },
  { id: 'packs', label: 'Packs' },
  { id: 'stats', label: 'Stats' },
  { id: 'settings', label: 'Settings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabFromHash(): TabId {
  const id = location.hash.slice(1);
  return (TABS.find((t) => t.id === id)?.id ?? 'phrasebank') as TabId;
}

export function App() {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const settings = useSettings();
  const packs = useStorageItem(packsItem);
  const choices = useStorageItem(ruleChoicesItem);
  const pb = useAsync(getEffectivePhrasebank, [packs, choices]);

  const select = (id: TabId) => {
    history.replaceState(null, '', '#' + id);
    setTab(id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -99;
    if (next === -99) return;
    const target = TABS[(next + TABS.length) % TABS.length].id;
    select(target);
    (document.getElementById(`tab-${target}`) as HTMLElement | null)?.focus();
  };

  return (
    <div class="options">
      <header class="options-head">
        <Logo size={40} />
        <div>
          <h1>Attune</h1>
          <p class="muted">Phrasebank, team packs and usage for your support team. Everything stays on this device.</p>
        </div>
      </header>
      <nav role="tablist" aria-label="Sections" class="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            class={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
        {pb.error && <p class="error" role="alert">The phrasebank could not load: {pb.error.message}</p>}
        {!pb.value || !settings ? (
          <p class="muted">Loading…</p>
        ) : tab === 'phrasebank' ? (
          <PhrasebankBrowser pb={pb.value} settings={settings} />
        ) : tab === 'try' ? (
          <TryRule pb={pb.value} settings={settings} />
        ) : tab === 'studio' ? (
          <RuleStudio pb={pb.value} />
        ) : tab === 'packs' ? (
          <Packs merged={pb.value} />
        ) : tab === 'stats' ? (
          <StatsPanel pb={pb.value} />
        ) : (
          <SettingsPanel settings={settings} pb={pb.value} />
        )}
      </div>
    </div>
  );
}
