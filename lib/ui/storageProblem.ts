/** What to tell a lead when browser storage refused a write: a full quota is named as such, not as a bad file. */
export function storageProblem(what: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /quota/i.test(message)
    ? `Could not save ${what}: the browser's storage for Attune is full (${message}). Remove a pack or clear the stats, then try again. Nothing changed.`
    : `Could not save ${what}: ${message}. Nothing changed.`;
}
