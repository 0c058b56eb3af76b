/** Small Preact hooks for extension storage and debounced values. */
import { useEffect, useState } from 'preact/hooks';

/** Anything with WXT storage-item getValue/watch. */
interface Watchable<T> {
  getValue(): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

/** The current value of a storage item, kept up to date; undefined until loaded. */
export function useStorageItem<T>(item: Watchable<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => live && setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** `value`, updated only after it stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Resolves a promise-returning function into state, re-running when deps change. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): { value?: T; error?: Error } {
  const [state, setState] = useState<{ value?: T; error?: Error }>({});
  useEffect(() => {
    let live = true;
    fn().then(
      (value) => live && setState({ value }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
