/**
 * Test-visible state on the shadow host, for the browser tests (tests/e2e): findings with their rects,
 * coaching, composers, the analysis count and the open card. Only in the e2e build (`ATTUNE_E2E=1`, which
 * sets `import.meta.env.ATTUNE_E2E` in wxt.config.ts): the extension people install writes none of it, so no
 * page script can read the flagged words off the DOM.
 */
import type { PageState } from '@/lib/ui/page/model';
import type { ComposerSession } from './session';

declare global {
  interface ImportMetaEnv {
    /** True in the e2e build only. */
    readonly ATTUNE_E2E?: boolean;
  }
}

/** Whether this build writes the attributes (a build-time constant: the other build drops the code). */
export const TEST_ATTRIBUTES = import.meta.env.ATTUNE_E2E === true;

export function writeTestAttributes(host: HTMLElement, state: PageState, sessions: ComposerSession[], site: string, analyses: number): void {
  const round = (n: number) => Math.round(n * 10) / 10;
  host.setAttribute(
    'data-attune-findings',
    JSON.stringify(
      state.composers.flatMap((c) =>
        c.findings.map((f) => ({
          composerId: c.composerId,
          ruleId: f.finding.ruleId,
          severity: f.finding.severity,
          text: f.finding.text,
          start: f.finding.start,
          end: f.finding.end,
          rects: f.rects.map((r) => ({ left: round(r.left), top: round(r.top), width: round(r.width), height: round(r.height) })),
        })),
      ),
    ),
  );
  host.setAttribute('data-attune-coaching', JSON.stringify(state.composers.flatMap((c) => c.coaching.map((k) => ({ composerId: c.composerId, ...k })))));
  host.setAttribute('data-attune-composers', JSON.stringify(sessions.map((s) => ({ composerId: s.id, site, editor: s.bridge.kind, painted: s.painted }))));
  host.setAttribute('data-attune-analyses', String(analyses));
  host.setAttribute('data-attune-card', state.card?.key ?? '');
}
