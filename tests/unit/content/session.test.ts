// @vitest-environment happy-dom
/** ComposerSession with a fake `analyze`: debounced analysis, stale answers dropped, counts and forgetting. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeFor } from '../../../lib/editors';
import { ComposerSession, DEBOUNCE_MS } from '../../../entrypoints/content/session';
import { fakeServices } from './fake-services';

function textarea(value: string): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea></textarea>';
  const el = document.querySelector('textarea')!;
  el.value = value;
  return el;
}

afterEach(() => vi.useRealTimers());

describe('ComposerSession', () => {
  it('analyses the draft with the customer’s message and shows the findings while the draft is unchanged', async () => {
    const el = textarea('Please calm down.');
    const { services, calls } = fakeServices();
    const updates = vi.fn();
    const session = new ComposerSession(bridgeFor(el)!, 'zendesk', services, () => 'Where is my parcel?', updates);
    await session.analyse();
    expect(calls.analyze).toEqual([{ composerId: session.id, text: 'Please calm down.', customer: 'Where is my parcel?' }]);
    expect(session.visibleFindings().map((v) => v.finding.text)).toEqual(['calm down']);
    expect(updates).toHaveBeenCalledTimes(1);
    expect(session.titles).toEqual({ invalidating: 'Invalidating' });
    // Typed since: the findings describe old text and are not shown.
    el.value = 'Please calm down now.';
    expect(session.visibleFindings()).toEqual([]);
  });

  it('drops an answer for text the agent has typed past', async () => {
    const el = textarea('Please calm down.');
    const { services } = fakeServices();
    const slow = services.analyze;
    services.analyze = async (req) => {
      const answer = await slow(req);
      el.value = 'Thanks for waiting.'; // the agent typed while the background worked
      return answer;
    };
    const session = new ComposerSession(bridgeFor(el)!, 'zendesk', services, () => undefined, () => {});
    await session.analyse();
    expect(session.report.findings).toEqual([]);
    expect(session.analysedText).toBe('');
  });

  it('waits for a pause in typing before analysing, and analyses once', async () => {
    vi.useFakeTimers();
    const el = textarea('Please calm down.');
    const { services, calls } = fakeServices();
    const session = new ComposerSession(bridgeFor(el)!, 'zendesk', services, () => undefined, () => {});
    session.schedule();
    session.schedule();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 10);
    expect(calls.analyze).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(calls.analyze).toHaveLength(1);
  });

  it('counts what it showed and what the agent dismissed, and tells the background when it goes', async () => {
    const el = textarea('Please calm down.');
    const { services, calls } = fakeServices();
    const session = new ComposerSession(bridgeFor(el)!, 'zendesk', services, () => undefined, () => {});
    await session.analyse();
    expect(calls.stats.length).toBeGreaterThan(0);
    const before = calls.stats.length;
    session.countDismissed(session.report.findings[0], 'not-now');
    expect(calls.stats.slice(before)).toContainEqual(expect.objectContaining({ kind: 'dismissed', ruleId: 'invalidating/calm-down', reason: 'not-now' }));
    session.dispose();
    expect(calls.forgotten).toEqual([session.id]);
  });
});
