/**
 * The editor fixture pages the shared e2e editor contract (tests/e2e/editor-contract.ts, run by
 * tests/e2e/editors.test.ts) runs on, listed once, with everything that differs per page as data: the bridge
 * family that must own it, how an isolated world finds its editable element, the undo its bridge declares for
 * the safety net, the checks it skips (each with the measured reason) and which Firefox run drives it.
 * The conventions test (tests/unit/sites/conventions.test.ts) checks that every family in BRIDGE_FACTORIES
 * has a page here and that every page runs the contract. Plain data (no browser, no harness), so a unit test
 * can import it.
 */

/** The contract's checks, by the name a page's `skip` uses (tests/e2e/editor-contract.ts registers them). */
export const CONTRACT_CHECKS = [
  'read', 'replace', 'typing', 'stale', 'typed-keys', 'recovery-undo', 'on-change', 'isolated-steps',
  'apply-cycle', 'editor-chrome', 'isolated-apply', 'declared-undo', 'random-page-drafts', 'random',
] as const;
export type ContractCheck = (typeof CONTRACT_CHECKS)[number];
/** Never skipped: without them a page does not run the contract at all (the conventions test holds this). */
export const CORE_CHECKS: readonly ContractCheck[] = ['read', 'replace', 'stale', 'apply-cycle', 'isolated-apply', 'declared-undo', 'random'];

export interface EditorFixture {
  /** The page: tests/fixtures/hosts/helpdesk.attune.test/editors/<page>.html (and tests/fixtures/editors/<page>.ts). */
  page: string;
  /** The bridge family (EditorBridge.kind) that must own the page's editor. */
  family: string;
  /** The editable element found from the DOM alone (an isolated world cannot see `window.__fixture`): a JS expression. */
  editable: string;
  /** The undo the bridge declares for its safety net (lib/editors/replace.ts undoOnce), dispatched as replace.ts does. */
  declaredUndo: 'execCommand' | 'keydown' | 'beforeinput';
  /** Set when the bridge gives no DOM ranges (rangeFor is null: a textarea has no text nodes), with the reason. */
  noDomRanges?: string;
  /**
   * Set when only the first of several typed keys lands at the caret (the editor's own typing, not Apply), with
   * the reason: the contract then types one key after an Apply, and checks that the Apply's caret is right.
   */
  oneKeyTyping?: string;
  /**
   * Set when the bridge gives the editor the span as a target range only and leaves the caret where the agent had
   * it, with the reason: the contract then puts the caret at the span's end (as after typing it) before applying.
   */
  keepsCaret?: string;
  /**
   * The seed of the page-draft random run when it differs from the one derived from the page name: four pages
   * of the former editors-b suite keep the seed their 200-step run was measured with (7 + 1000 × position);
   * slate and slate047 run their name-derived seeds again (issue 7: Slate's seed 84303 op 35 fixed, docs/design.md
   * "Slate: two applies in one undo step").
   */
  pageDraftSeed?: number;
  /** Checks this page skips, each with the reason (measured, not assumed). */
  skip?: Partial<Record<ContractCheck, string>>;
  /** The Firefox ESR run that drives the page (when installed), or false. */
  firefox: 'editors-a-firefox' | 'editors-special' | false;
}

const CONTENTEDITABLE = `(() => { const h = document.querySelector('[data-editor]'); return h.matches('textarea, [contenteditable="true"]') ? h : h.querySelector('[contenteditable="true"]'); })()`;
const SLATE_TYPING = 'Slate 0.47 and a run of real keys: only the first key lands at the caret, the rest at the end of the line, after a '
  + 'real mouse click as much as after an Apply (measured on this fixture, React 18 + Chrome 156: click inside "calm", type "XY Z" → '
  + '"calmX down, … 🙂Y Z"; Chrome gives a typed beforeinput no target range, so Slate 0.47 lets the browser insert and reconciles '
  + 'from the DOM). Not checked against Help Scout itself.';

export const EDITOR_FIXTURES: readonly EditorFixture[] = [
  { page: 'textarea', family: 'textarea', editable: CONTENTEDITABLE, declaredUndo: 'execCommand', firefox: 'editors-a-firefox',
    noDomRanges: 'a textarea has no text nodes: rangeFor is null and rects() measures with a mirror (editors-special checks the rects)' },
  { page: 'contenteditable', family: 'contenteditable', editable: CONTENTEDITABLE, declaredUndo: 'execCommand', firefox: 'editors-a-firefox' },
  { page: 'prosemirror', family: 'prosemirror', editable: CONTENTEDITABLE, declaredUndo: 'keydown', firefox: 'editors-a-firefox' },
  // Tiptap is ProseMirror underneath.
  { page: 'tiptap', family: 'prosemirror', editable: CONTENTEDITABLE, declaredUndo: 'keydown', firefox: 'editors-a-firefox' },
  { page: 'quill', family: 'quill', editable: CONTENTEDITABLE, declaredUndo: 'keydown', firefox: 'editors-a-firefox' },
  { page: 'lexical', family: 'lexical', editable: CONTENTEDITABLE, declaredUndo: 'keydown', firefox: 'editors-a-firefox' },
  { page: 'draftjs', family: 'draftjs', editable: CONTENTEDITABLE, declaredUndo: 'keydown', firefox: 'editors-a-firefox' },
  { page: 'ckeditor5', family: 'ckeditor5', editable: `document.querySelector('.ck-editor__editable')`, declaredUndo: 'keydown', pageDraftSeed: 7, firefox: 'editors-special' },
  { page: 'ckeditor4', family: 'ckeditor4', editable: `document.querySelector('iframe.cke_wysiwyg_frame').contentDocument.body`, declaredUndo: 'keydown', pageDraftSeed: 1007, firefox: 'editors-special' },
  { page: 'tinymce', family: 'tinymce', editable: `document.querySelector('iframe.tox-edit-area__iframe').contentDocument.body`, declaredUndo: 'keydown', pageDraftSeed: 2007, firefox: 'editors-special' },
  { page: 'slate', family: 'slate', editable: `document.querySelector('[data-slate-editor]')`, declaredUndo: 'keydown', firefox: 'editors-special' },
  { page: 'trix', family: 'trix', editable: `document.querySelector('trix-editor')`, declaredUndo: 'beforeinput', pageDraftSeed: 4007, firefox: 'editors-special' },
  // Help Scout's Slate 0.47, driven by the same Slate bridge; its Chromium-era code is left to Chromium.
  { page: 'slate047', family: 'slate', editable: `document.querySelector('[data-slate-editor]')`, declaredUndo: 'keydown', firefox: false,
    oneKeyTyping: SLATE_TYPING,
    keepsCaret: 'Slate 0.47 saves every selection change as an undo step of its own, so its bridge sends the span as a target range '
      + 'only (lib/editors/slate.ts); with the caret at the span\'s end, as after typing it, Slate moves it past the replacement itself',
    skip: {
      typing: `types a run of keys after an Apply: ${SLATE_TYPING} (apply-cycle checks the first key)`,
      'typed-keys': `types a draft with real keys: ${SLATE_TYPING}`,
      'editor-chrome': `types a run of keys: ${SLATE_TYPING}`,
    } },
];

/** The pages a Firefox run drives, in order. */
export function firefoxPages(run: Exclude<EditorFixture['firefox'], false>): string[] {
  return EDITOR_FIXTURES.filter((f) => f.firefox === run).map((f) => f.page);
}

/** The fixture entry of `page`. */
export function fixtureOf(page: string): EditorFixture {
  const fixture = EDITOR_FIXTURES.find((f) => f.page === page);
  if (!fixture) throw new Error(`${page} is not in EDITOR_FIXTURES (tests/e2e/editor-fixtures.ts)`);
  return fixture;
}

/** The bridge family that must own `page`. */
export function familyOf(page: string): string {
  return fixtureOf(page).family;
}
