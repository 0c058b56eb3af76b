/**
 * The editor fixture pages the e2e editor contract runs on, listed once: which bridge family must own each
 * page, which suite drives it, and whether it has a Firefox run. editors-a.test.ts, editors-a-firefox.test.ts
 * and editors-b.test.ts take their lists from here, and the conventions test
 * (tests/unit/sites/conventions.test.ts) checks that every family in BRIDGE_FACTORIES has a page here.
 * Plain data (no browser, no harness), so a unit test can import it.
 *
 * The two suites are the two halves of the contract as they were written (issue 7 §5 wants one contract
 * module with a short spec per family; until then a family is in exactly one suite). Order matters:
 * editors-b derives its random seeds from a page's position among its suite's pages.
 */
export interface EditorFixture {
  /** The page: tests/fixtures/hosts/helpdesk.attune.test/editors/<page>.html (and tests/fixtures/editors/<page>.ts). */
  page: string;
  /** The bridge family (EditorBridge.kind) that must own the page's editor. */
  family: string;
  /** editors-a: the execCommand family, driven against the editor's model; editors-b: the beforeinput/iframe editors. */
  suite: 'editors-a' | 'editors-b';
  /** Also run in Firefox ESR (when installed). */
  firefox: boolean;
}

export const EDITOR_FIXTURES: readonly EditorFixture[] = [
  { page: 'textarea', family: 'textarea', suite: 'editors-a', firefox: true },
  { page: 'contenteditable', family: 'contenteditable', suite: 'editors-a', firefox: true },
  { page: 'prosemirror', family: 'prosemirror', suite: 'editors-a', firefox: true },
  { page: 'tiptap', family: 'prosemirror', suite: 'editors-a', firefox: true }, // Tiptap is ProseMirror underneath
  { page: 'quill', family: 'quill', suite: 'editors-a', firefox: true },
  { page: 'lexical', family: 'lexical', suite: 'editors-a', firefox: true },
  { page: 'draftjs', family: 'draftjs', suite: 'editors-a', firefox: true },
  { page: 'ckeditor5', family: 'ckeditor5', suite: 'editors-b', firefox: true },
  { page: 'ckeditor4', family: 'ckeditor4', suite: 'editors-b', firefox: true },
  { page: 'tinymce', family: 'tinymce', suite: 'editors-b', firefox: true },
  { page: 'slate', family: 'slate', suite: 'editors-b', firefox: true },
  { page: 'trix', family: 'trix', suite: 'editors-b', firefox: true },
  // Help Scout's Slate 0.47, driven by the same Slate bridge; its Chromium-era code is left to Chromium.
  { page: 'slate047', family: 'slate', suite: 'editors-b', firefox: false },
];

/** The pages of one suite, in order. */
export function pagesOf(suite: EditorFixture['suite'], only?: { firefox: true }): string[] {
  return EDITOR_FIXTURES.filter((f) => f.suite === suite && (!only || f.firefox)).map((f) => f.page);
}

/** The bridge family that must own `page`. */
export function familyOf(page: string): string {
  const fixture = EDITOR_FIXTURES.find((f) => f.page === page);
  if (!fixture) throw new Error(`${page} is not in EDITOR_FIXTURES (tests/e2e/editor-fixtures.ts)`);
  return fixture.family;
}
