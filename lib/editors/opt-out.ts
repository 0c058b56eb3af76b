/**
 * "Not here": which attributes keep Attune out of an editor, decided by who sets them (docs/design.md,
 * "Opt-outs by origin").
 * - `data-attune="off"`: Attune's own switch, always honoured.
 * - Writing-assistant opt-outs (Grammarly's `data-gramm`, `data-gramm_editor`, `data-enable-grammarly`,
 *   LanguageTool's `data-lt-active`): honoured when the page's author put them there, because they say
 *   "no writing assistant on this field".
 * - Not honoured where an editor framework sets one on every instance it renders: then it says nothing about
 *   this page. slate-react 0.22 (Slate 0.47, Help Scout's composer) puts `data-gramm="false"` on every
 *   `[data-slate-editor]` (it keeps Grammarly from rewriting Slate's DOM; Attune never writes the DOM).
 * Password/search/one-line inputs are never composers.
 */

/** Attribute/value pairs that opt a field out, with the party expected to set them. */
export const OPT_OUTS: readonly { attr: string; value: string; origin: string }[] = [
  { attr: 'data-attune', value: 'off', origin: 'Attune (the page or the agent)' },
  { attr: 'data-gramm', value: 'false', origin: 'Grammarly opt-out' },
  { attr: 'data-gramm_editor', value: 'false', origin: 'Grammarly opt-out' },
  { attr: 'data-enable-grammarly', value: 'false', origin: 'Grammarly opt-out' },
  { attr: 'data-lt-active', value: 'false', origin: 'LanguageTool opt-out' },
];

/** Opt-out attributes an editor framework sets on every editor root it renders (not the page author's choice). */
export const FRAMEWORK_DEFAULTS: readonly { attr: string; value: string; on: string; origin: string }[] = [
  { attr: 'data-gramm', value: 'false', on: '[data-slate-editor]', origin: 'slate-react 0.22 (Slate 0.47) Content component' },
];

function isFrameworkDefault(el: Element, attr: string, value: string): boolean {
  return FRAMEWORK_DEFAULTS.some((d) => d.attr === attr && d.value === value && el.matches(d.on));
}

/** Does `el` itself carry an opt-out its author meant? */
export function optsOut(el: Element): boolean {
  return OPT_OUTS.some(({ attr, value }) => el.getAttribute(attr) === value && !isFrameworkDefault(el, attr, value));
}

/** The parent element, crossing a shadow root to its host and a same-origin frame to its iframe. */
function up(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  if (root && (root as ShadowRoot).host) return (root as ShadowRoot).host;
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/**
 * Should Attune leave `el` alone? An opt-out on it or any ancestor (across shadow roots and same-origin
 * frames), and one-line inputs (a reply is never an `<input>`).
 */
export function isOptedOut(el: Element): boolean {
  if (el.tagName === 'INPUT') return true;
  for (let node: Element | null = el; node; node = up(node)) if (optsOut(node)) return true;
  return false;
}
