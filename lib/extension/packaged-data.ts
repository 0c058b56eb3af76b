/**
 * Data the background build ships as files beside background.js instead of inside it (the model's weights,
 * bin/packaged-data.mjs): the replaced modules start fetching them when the script is evaluated and put
 * the promise in `globalThis.attunePackagedData`. Anything that analyses in the background waits for this
 * first. Elsewhere (Node, tests, the popup and options pages) nothing is registered and it resolves at once.
 */
export function packagedDataReady(): Promise<void> {
  const pending = (globalThis as { attunePackagedData?: Array<Promise<unknown>> }).attunePackagedData ?? [];
  return Promise.all(pending).then(() => undefined);
}
