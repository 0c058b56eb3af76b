/** Category id → the phrasebank's title ("invalidating" → "Invalidating feelings"), packs included. */
import { useMemo } from 'preact/hooks';
import { getEffectivePhrasebank } from '../extension/packs';
import { packsItem } from '../extension/settings';
import { useAsync, useStorageItem } from './hooks';

export type CategoryTitle = (category: string) => string | undefined;

/** The effective phrasebank's category titles; re-read when packs change. Undefined for an unknown id. */
export function useCategoryTitles(): CategoryTitle {
  const packs = useStorageItem(packsItem);
  const pb = useAsync(getEffectivePhrasebank, [packs]);
  return useMemo(() => {
    const titles = new Map(pb.value?.categories.map((c) => [c.category, c.title]) ?? []);
    return (category: string) => titles.get(category);
  }, [pb.value]);
}
