/** The agent's settings, kept up to date and always complete (normalised), so a partial stored object can't break a page. */
import { useMemo } from 'preact/hooks';
import { normalizeSettings, settingsItem, type Settings } from '../extension/settings';
import { useStorageItem } from './hooks';

/** Undefined until loaded; then every field present (missing or mistyped ones take their defaults). */
export function useSettings(): Settings | undefined {
  const raw = useStorageItem(settingsItem);
  return useMemo(() => (raw === undefined ? undefined : normalizeSettings(raw)), [raw]);
}
