/**
 * Copying a suggestion when it can't be applied in place (the editor refused or the draft moved on).
 */

/** Copies `text`; true when it worked. Falls back to a hidden textarea in our own shadow root. */
export async function copyText(text: string, scratchRoot?: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API needs a focused document; execCommand('copy') works from a click handler.
  }
  if (!scratchRoot) return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
  scratchRoot.appendChild(area);
  const previous = document.activeElement as HTMLElement | null;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus?.();
  return ok;
}
