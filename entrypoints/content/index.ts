/**
 * Attune's content script. Runs on the supported helpdesks (static matches) and on sites the agent
 * turned on (registered at run time by lib/extension/generic-sites.ts with the same file).
 * Kept cheap on page load: no NLP here (analysis runs in the background), no DOM scan until a composer is focused.
 */
import { helpdeskMatches, adapterForUrl } from '@/lib/sites';
import { PageController } from './controller';
import { browserServices } from './services';

export default defineContentScript({
  matches: helpdeskMatches,
  runAt: 'document_idle',
  // In every frame, about:blank / srcdoc / javascript: frames included (matched by their creator's URL): the
  // top-most frame of an origin runs the controller and reaches into same-origin frames below it (Salesforce's
  // CKEditor 4 is two frames deep); a frame under a cross-origin parent runs its own. No
  // match_origin_as_fallback: Chrome refuses to load a content script with it unless every match pattern's
  // path is /* (ours name /agent/*, /app/*, /a/*), and the frames it would add (blob:, data:) hold no composer
  // the top frame cannot reach.
  allFrames: true,
  matchAboutBlank: true,
  // The card's CSS is inlined into the shadow root (see controller.ts) rather than fetched as a web-accessible
  // file: on sites registered at run time the file would not be web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (window !== window.top && parentIsReachable()) return; // the parent frame's instance covers this frame
    const adapter = adapterForUrl(window.top === window ? location.href : document.referrer || location.href);
    // The page layer gets its services handed in (runtime messages, storage); it never calls `browser.*` itself.
    const controller = new PageController(ctx, adapter, browserServices());
    await controller.start();
  },
});

/** True when the parent frame is same-origin (so its content script can see into this frame). */
function parentIsReachable(): boolean {
  try {
    return !!window.parent.document;
  } catch {
    return false;
  }
}
