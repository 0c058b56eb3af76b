import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, normalizeSettings, parseSettingsExport } from '../../../lib/extension/settings';
import { normalizeSendCheckPolicy, policyCovers, sendCheckSource, setSendCheck } from '../../../lib/extension/send-check-settings';
import { addSendCheckStat, recordSendCheckStat, sendCheckStatsItem, summarizeSendCheck } from '../../../lib/extension/send-check-stats';

beforeEach(() => fakeBrowser.reset());

describe('send check settings', () => {
  it('is off by default everywhere', () => {
    expect(DEFAULT_SETTINGS.sendCheckHosts).toEqual([]);
    expect(sendCheckSource(DEFAULT_SETTINGS, [], 'acme.zendesk.com')).toBe('off');
  });

  it('the agent turns it on and off per site', async () => {
    await setSendCheck('Acme.Zendesk.com', true);
    expect((await getSettings()).sendCheckHosts).toEqual(['acme.zendesk.com']);
    expect(sendCheckSource(await getSettings(), [], 'acme.zendesk.com')).toBe('agent');
    expect(sendCheckSource(await getSettings(), [], 'app.intercom.com')).toBe('off');
    await setSendCheck('acme.zendesk.com', false);
    expect((await getSettings()).sendCheckHosts).toEqual([]);
  });

  it('the organisation policy wins, with exact hosts, *.domain and *', () => {
    expect(policyCovers(['acme.zendesk.com'], 'acme.zendesk.com')).toBe(true);
    expect(policyCovers(['*.zendesk.com'], 'acme.zendesk.com')).toBe(true);
    expect(policyCovers(['*.zendesk.com'], 'zendesk.com')).toBe(true);
    expect(policyCovers(['*.zendesk.com'], 'evilzendesk.com')).toBe(false);
    expect(policyCovers(['*'], 'mail.google.com')).toBe(true);
    expect(policyCovers([], 'mail.google.com')).toBe(false);
    expect(sendCheckSource({ sendCheckHosts: ['a.com'] }, ['a.com'], 'a.com')).toBe('organisation');
  });

  it('validates the policy value: strings that are host patterns, nothing else', () => {
    expect(normalizeSendCheckPolicy(['Acme.Zendesk.com ', '*.frontapp.com', '*', 42, null, 'https://x.com/', 'a b'])).toEqual(['acme.zendesk.com', '*.frontapp.com', '*']);
    expect(normalizeSendCheckPolicy('acme.zendesk.com, mail.google.com')).toEqual(['acme.zendesk.com', 'mail.google.com']);
    expect(normalizeSendCheckPolicy({ hosts: ['a.com'] })).toEqual([]);
    expect(normalizeSendCheckPolicy(undefined)).toEqual([]);
  });

  it('stored and imported settings are validated like the rest', () => {
    expect(normalizeSettings({ sendCheckHosts: ['A.com', 3, 'a.com'] }).sendCheckHosts).toEqual(['a.com']);
    expect(normalizeSettings({}).sendCheckHosts).toEqual([]);
    const bad = parseSettingsExport(JSON.stringify({ attuneSettings: 1, settings: { sendCheckHosts: 'acme.zendesk.com' } }));
    expect(bad.settings).toBeUndefined();
    expect(bad.errors).toContain('settings.sendCheckHosts must be a list of strings.');
    const good = parseSettingsExport(JSON.stringify({ attuneSettings: 1, settings: { sendCheckHosts: ['acme.zendesk.com'] } }));
    expect(good.settings?.sendCheckHosts).toEqual(['acme.zendesk.com']);
  });
});

describe('send check stats', () => {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  it('counts per day, shown / sent / reviewed, and drops days after 90', () => {
    let s = addSendCheckStat({}, 'shown', day('2026-01-01'));
    s = addSendCheckStat(s, 'sent', day('2026-01-01'));
    s = addSendCheckStat(s, 'shown', day('2026-01-02'));
    s = addSendCheckStat(s, 'reviewed', day('2026-01-02'));
    expect(s).toEqual({ '2026-01-01': { shown: 1, sent: 1, reviewed: 0 }, '2026-01-02': { shown: 1, sent: 0, reviewed: 1 } });
    expect(summarizeSendCheck(s, day('2026-01-02'))).toEqual({ shown: 2, sent: 1, reviewed: 1 });
    expect(summarizeSendCheck(s, day('2026-03-01'))).toEqual({ shown: 0, sent: 0, reviewed: 0 });
    expect(Object.keys(addSendCheckStat(s, 'shown', day('2026-04-15')))).toEqual(['2026-04-15']);
  });

  it('records in storage without losing concurrent counts', async () => {
    await Promise.all([recordSendCheckStat('shown'), recordSendCheckStat('shown'), recordSendCheckStat('sent')]);
    const stored = await sendCheckStatsItem.getValue();
    expect(Object.values(stored)).toEqual([{ shown: 2, sent: 1, reviewed: 0 }]);
  });
});
