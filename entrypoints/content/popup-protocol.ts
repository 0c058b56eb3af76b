/**
 * The popup's questions to this frame (tabs.sendMessage reaches every frame): what is in the composers now
 * (`attune:findings`), and apply a suggestion (`attune:apply`). A subframe without composers stays silent so the
 * frame that has them (or the top frame) answers.
 */
import type { Finding, Fix } from '@/lib/analysis/types';
import type { ApplyResponse, FindingsResponse, Handlers } from '@/lib/extension/messages';
import type { ComposerTracker } from './composers';
import type { ComposerSession } from './session';

export interface PopupHost {
  readonly adapterId: string;
  readonly tracker: ComposerTracker;
  applyFix(session: ComposerSession, fix: Fix, finding: Finding): Promise<ApplyResponse>;
  notify(text: string): void;
}

const STALE: ApplyResponse = { ok: false, reason: 'stale' };

export function popupHandlers(host: PopupHost): Pick<Handlers, 'attune:findings' | 'attune:apply'> {
  const isTop = () => window === window.top;
  return {
    'attune:findings': () => {
      // Subframes answer only when they have composers; the top frame always answers.
      if (!isTop() && !host.tracker.size) return undefined;
      return findings(host);
    },
    'attune:apply': (req) => {
      const session = host.tracker.get(req.composerId);
      if (!session) return isTop() ? Promise.resolve(STALE) : undefined;
      const finding = session.report.findings.find((f) => f.ruleId === req.ruleId && f.start === req.start);
      const fix = finding?.fixes[req.fixIndex];
      if (!finding || !fix) {
        host.notify('Your draft changed, so nothing was replaced.');
        return Promise.resolve(STALE);
      }
      return host.applyFix(session, fix, finding);
    },
  };
}

async function findings(host: PopupHost): Promise<FindingsResponse> {
  const list = host.tracker.all();
  // Bring reports up to date (the agent may have typed since the last pause).
  await Promise.all(list.filter((s) => s.analysedText !== s.bridge.read().text).map((s) => s.analyse()));
  return {
    composers: list.map((s) => ({
      composerId: s.id,
      site: host.adapterId,
      editor: s.bridge.kind,
      report: { ...s.report, findings: s.visibleFindings().map((v) => v.finding) },
    })),
  };
}
