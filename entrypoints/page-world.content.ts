/**
 * The page-world half of Apply (lib/editors/page-world.ts): a tiny MAIN-world script on the same pages and frames
 * as the content script, answering its `attune:page-apply` requests with the paths only the page's own world can
 * take (CKEditor 5's model API, a paste built from the page's constructors). No state, no messaging, no reading
 * of the draft: it acts only when asked and only on the editor that asked.
 * Chrome only: Firefox MV2 has no MAIN-world content scripts; there the bridge's other paths are used.
 */
import { helpdeskMatches } from '@/lib/sites';
import { installPageWorld } from '@/lib/editors/page-world';

export default defineContentScript({
  matches: helpdeskMatches,
  world: 'MAIN',
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  exclude: ['firefox'],
  main() {
    installPageWorld(window);
  },
});
