/**
 * What the soft check asks about, from what is already known for a composer (entrypoints/content/send-check.ts):
 * high-severity findings not ignored, still in the draft; an unanswered-question coaching item; nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding, Report } from '../../../lib/analysis/types';
import { findingKey } from '../../../lib/ui/page/model';
import { SendCheck, UNANSWERED_QUESTION, type SendCheckHost } from '../../../entrypoints/content/send-check';
import type { ComposerSession } from '../../../entrypoints/content/session';

const DRAFT = 'Please calm down. Obviously it works.';
const calm: Finding = { ruleId: 'invalidating/calm-down', category: 'invalidating', severity: 'high', start: 0, end: 16, text: 'Please calm down', message: '', suggestions: [], fixes: [] };
const obviously: Finding = { ruleId: 'condescending/obviously', category: 'condescending', severity: 'medium', start: 18, end: 27, text: 'Obviously', message: '', suggestions: [], fixes: [] };

/** A composer session as the check sees it: the draft now, the last report and the text it describes. */
function session(now: string, report: Partial<Report>, analysed = DRAFT, ignored: string[] = []): ComposerSession {
  const full: Report = { findings: [], signals: [], coaching: [], ...report };
  return {
    id: 'c1',
    bridge: { read: () => ({ text: now }) },
    analysedText: analysed,
    report: full,
    ignoredOnce: new Set(ignored),
    visibleFindings: (t: string) => (t === analysed ? full.findings.map((f) => ({ key: findingKey(t, f), finding: f })).filter((v) => !ignored.includes(v.key)) : []),
  } as unknown as ComposerSession;
}

const check = new SendCheck({} as ContentScriptContext, { adapterId: 'zendesk', titles: () => ({ invalidating: 'Invalidating feelings' }) } as unknown as SendCheckHost);

describe('SendCheck.view', () => {
  it('lists high-severity findings with their category title, not medium ones', () => {
    expect(check.view(session(DRAFT, { findings: [calm, obviously] }))).toEqual({
      composerId: 'c1',
      items: [{ kind: 'finding', text: 'Please calm down', detail: 'Invalidating feelings' }],
    });
  });

  it('nothing to ask: no findings known, medium only, or the high one ignored once', () => {
    expect(check.view(session(DRAFT, {}, ''))).toBeUndefined();
    expect(check.view(session(DRAFT, { findings: [obviously] }))).toBeUndefined();
    expect(check.view(session(DRAFT, { findings: [calm] }, DRAFT, [findingKey(DRAFT, calm)]))).toBeUndefined();
  });

  it('an unanswered customer question counts, other coaching does not', () => {
    const coaching = [
      { kind: UNANSWERED_QUESTION, message: 'They asked whether they can keep the old one; the draft doesn\u2019t say.' },
      { kind: 'unacknowledged-emotion', message: 'The customer sounds upset.' },
    ];
    expect(check.view(session(DRAFT, { coaching }))?.items).toEqual([{ kind: 'coaching', text: coaching[0].message }]);
  });

  it('typed since the last analysis: the known findings still in place count, without waiting for a new one', () => {
    expect(check.view(session(DRAFT + ' Thanks', { findings: [calm] }))?.items).toHaveLength(1);
    // The flagged words were changed: that finding is gone, and coaching about an older draft is not used.
    expect(check.view(session('Please sit down. Obviously it works.', { findings: [calm], coaching: [{ kind: UNANSWERED_QUESTION, message: 'x' }] }))).toBeUndefined();
  });
});
