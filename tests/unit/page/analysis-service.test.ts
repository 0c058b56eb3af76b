import { describe, expect, it, vi } from 'vitest';
import { IncrementalAnalyzer } from '../../../lib/analysis';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { createAnalysisService, type AnalysisServiceDeps } from '../../../lib/extension/analysis-service';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/extension/settings';

const DRAFT = 'Please calm down, we are on it.';

function service(settings: Partial<Settings> = {}) {
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  let locked: string[] = [];
  const created = vi.fn((pb, options) => new IncrementalAnalyzer(pb, options));
  const deps: AnalysisServiceDeps = {
    getPhrasebank: async () => bundledPhrasebank,
    getSettings: async () => current,
    getLockedRules: async () => locked,
    createAnalyzer: created,
  };
  return {
    svc: createAnalysisService(deps),
    created,
    set: (s: Partial<Settings>) => (current = { ...current, ...s }),
    lock: (ids: string[]) => (locked = ids),
  };
}
const req = (composerId = 'a', text = DRAFT) => ({ type: 'attune:analyze' as const, composerId, text });
const zd = { tabId: 1, frameId: 0, url: 'https://acme.zendesk.com/agent/tickets/1' };

describe('analysis service', () => {
  it('flags the draft and adds category titles for the card', async () => {
    const { svc } = service();
    const r = await svc.analyze(req(), zd);
    const calm = r.findings.find((f) => f.ruleId === 'invalidating/calm-down');
    expect(calm?.text.toLowerCase()).toContain('calm down');
    expect(r.titles?.[calm!.category]).toBeTruthy();
  });

  it('keeps one analyzer per tab + frame + composer and reuses it', async () => {
    const { svc, created } = service();
    await svc.analyze(req('a'), zd);
    await svc.analyze(req('a', DRAFT + ' More.'), zd);
    await svc.analyze(req('b'), zd);
    await svc.analyze(req('a'), { ...zd, tabId: 2 });
    expect(created).toHaveBeenCalledTimes(3);
    expect(svc.size).toBe(3);
    svc.forget(zd, 'a');
    expect(svc.size).toBe(2);
    svc.forgetTab(1);
    expect(svc.size).toBe(1);
  });

  it('applies ignored phrases only on their host (and "*" everywhere), and rebuilds when settings change', async () => {
    const { svc, set, created } = service();
    await svc.analyze(req(), zd);
    set({ ignoredPhrases: [{ host: 'acme.zendesk.com', phrase: 'please calm down' }] });
    const here = await svc.analyze(req(), zd);
    expect(here.findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(false);
    expect(created).toHaveBeenCalledTimes(2);
    const elsewhere = await svc.analyze(req(), { tabId: 3, url: 'https://app.intercom.com/a/inbox' });
    expect(elsewhere.findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(true);
  });

  it('turned-off rules are not reported', async () => {
    const { svc } = service({ disabledRules: ['invalidating/calm-down'] });
    const r = await svc.analyze(req(), zd);
    expect(r.findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(false);
  });

  it("a rule the organisation locks is reported even when the agent turned it off (and the lock applies at once)", async () => {
    const { svc, lock } = service({ disabledRules: ['invalidating/calm-down'] });
    expect((await svc.analyze(req(), zd)).findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(false);
    lock(['invalidating/calm-down']);
    expect((await svc.analyze(req(), zd)).findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(true);
  });

  it('answers with an empty, disabled report when Attune is off globally or for the host', async () => {
    for (const s of [{ enabled: false }, { disabledHosts: ['acme.zendesk.com'] }]) {
      const { svc, created } = service(s);
      const r = await svc.analyze(req(), zd);
      expect(r).toMatchObject({ findings: [], signals: [], coaching: [], disabled: true });
      expect(created).not.toHaveBeenCalled();
    }
  });
});

describe('bounded and fair: a huge draft is worked through in slices', () => {
  // ~900 KB of varied sentences (far more than one budget can finish), a dismissive one at the start and at the very end.
  const filler = Array.from({ length: 14000 }, (_, i) => `Order ${i} left the warehouse on day ${i % 28} and should arrive soon.`).join(' ');
  const huge = `Please calm down, we are on it. ${filler} As I already said, that's our policy.`;

  it('answers within the budget with the start of the draft, marked pending, and finishes on later requests', async () => {
    const { svc } = service();
    const t0 = Date.now();
    const first = await svc.analyze(req('big', huge), zd);
    expect(Date.now() - t0).toBeLessThan(3000); // the budget plus one slice, with room for a slow machine
    expect(first.pending).toBe(true);
    expect(first.findings.some((f) => f.ruleId === 'invalidating/calm-down')).toBe(true);
    expect(first.coaching).toEqual([]);
    let r = first;
    for (let i = 0; i < 200 && r.pending; i++) r = await svc.analyze(req('big', huge), zd);
    expect(r.pending).toBeUndefined();
    expect(r.findings.some((f) => f.start > huge.length - 40)).toBe(true); // the last sentence is analysed too
  }, 60_000);

  it('an ordinary draft is analysed in one go, without slicing (which would analyse each sentence twice)', async () => {
    let slices = 0;
    const svc = createAnalysisService({
      getPhrasebank: async () => bundledPhrasebank,
      getSettings: async () => DEFAULT_SETTINGS,
      createAnalyzer: (pb, options) => {
        const a = new IncrementalAnalyzer(pb, options);
        return { analyze: (t, c) => a.analyze(t, c), prepare: (t, b) => (slices++, a.prepare(t, b)) };
      },
    });
    await svc.analyze(req('short', DRAFT), zd);
    expect(slices).toBe(0);
    await svc.analyze(req('big', huge), zd);
    expect(slices).toBeGreaterThan(0);
  });

  it("another tab's short draft is answered while the huge one is still being worked through", async () => {
    const { svc } = service();
    const order: string[] = [];
    const big = svc.analyze(req('big', huge), zd).then(() => order.push('big'));
    const small = svc.analyze(req('small', DRAFT), { ...zd, tabId: 2 }).then(() => order.push('small'));
    await Promise.all([big, small]);
    expect(order).toEqual(['small', 'big']);
  }, 60_000);
});
