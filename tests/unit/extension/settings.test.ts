import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addIgnoredPhrase,
  analysisOptionsFor,
  ANY_HOST,
  DEFAULT_SETTINGS,
  getSettings,
  normalizeSettings,
  parseSettingsExport,
  removeIgnoredPhrase,
  setHostDisabled,
  setRuleEnabled,
  settingsItem,
  updateSettings,
} from '../../../lib/extension/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.enabled).toBe(true);
  });

  it('fills fields an older or partial stored value lacks', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledRules: ['a/b'] } });
    const s = await getSettings();
    expect(s.disabledRules).toEqual(['a/b']);
    expect(s.enabled).toBe(true);
    expect(s.enabledOrigins).toEqual([]);
  });

  it('turns rules off and on without duplicates', async () => {
    await setRuleEnabled('invalidating/calm-down', false);
    await setRuleEnabled('invalidating/calm-down', false);
    expect((await getSettings()).disabledRules).toEqual(['invalidating/calm-down']);
    await setRuleEnabled('invalidating/calm-down', true);
    expect((await getSettings()).disabledRules).toEqual([]);
  });

  it('stores ignored phrases lower-cased per host and removes them', async () => {
    await addIgnoredPhrase('  Per Our Policy ', 'acme.zendesk.com');
    await addIgnoredPhrase('per our policy', 'acme.zendesk.com');
    await addIgnoredPhrase('as I said');
    const s = await getSettings();
    expect(s.ignoredPhrases).toEqual([
      { host: 'acme.zendesk.com', phrase: 'per our policy' },
      { host: ANY_HOST, phrase: 'as i said' },
    ]);
    await removeIgnoredPhrase('per our policy', 'acme.zendesk.com');
    expect((await getSettings()).ignoredPhrases).toEqual([{ host: ANY_HOST, phrase: 'as i said' }]);
  });

  it('gives analysis the phrases for this host plus every-site ones', async () => {
    await addIgnoredPhrase('a', 'x.com');
    await addIgnoredPhrase('b', 'y.com');
    await addIgnoredPhrase('c');
    await setRuleEnabled('r/one', false);
    const s = await getSettings();
    expect(analysisOptionsFor(s, 'x.com')).toEqual({ disabledRules: ['r/one'], ignoredPhrases: ['a', 'c'], lockedRules: [] });
    expect(analysisOptionsFor(s)).toEqual({ disabledRules: ['r/one'], ignoredPhrases: ['c'], lockedRules: [] });
    // The organisation's locks travel with the options, so the analysis keeps those rules on.
    expect(analysisOptionsFor(s, 'x.com', ['r/one']).lockedRules).toEqual(['r/one']);
  });

  it('disables and re-enables a helpdesk host', async () => {
    await setHostDisabled('acme.zendesk.com', true);
    expect((await getSettings()).disabledHosts).toEqual(['acme.zendesk.com']);
    await setHostDisabled('acme.zendesk.com', false);
    expect((await getSettings()).disabledHosts).toEqual([]);
  });

  it('notifies watchers when updated', async () => {
    const seen: boolean[] = [];
    const unwatch = settingsItem.watch((v) => seen.push(v.enabled));
    await updateSettings({ enabled: false });
    unwatch();
    expect(seen).toEqual([false]);
  });

  it('normalises junk into valid settings', () => {
    const s = normalizeSettings({ enabled: 'yes', disabledRules: ['a', 3, 'a'], ignoredPhrases: [{ host: 'h' }, { host: 'h', phrase: 'p' }] });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, disabledRules: ['a'], ignoredPhrases: [{ host: 'h', phrase: 'p' }] });
  });

  it('parses a settings export and reports precise errors', () => {
    expect(parseSettingsExport('{nope').errors[0]).toMatch(/not valid JSON/);
    expect(parseSettingsExport('{"settings":{}}').errors[0]).toMatch(/not an Attune settings file/);
    expect(parseSettingsExport('{"attuneSettings":1,"settings":{"disabledRules":"x","enabled":1}}').errors).toEqual([
      'settings.enabled must be true or false.',
      'settings.disabledRules must be a list of strings.',
    ]);
    const ok = parseSettingsExport(JSON.stringify({ attuneSettings: 1, settings: { ...DEFAULT_SETTINGS, disabledRules: ['x/y'] } }));
    expect(ok.errors).toEqual([]);
    expect(ok.settings?.disabledRules).toEqual(['x/y']);
  });

  it('refuses junk origins, hosts and phrases, and oversized lists, naming what is wrong', () => {
    const file = (settings: object) => JSON.stringify({ attuneSettings: 1, settings: { ...DEFAULT_SETTINGS, ...settings } });
    expect(parseSettingsExport(file({ enabledOrigins: ['https://support.acme.com', 'javascript:alert(1)'] })).errors).toEqual([
      'settings.enabledOrigins must be web addresses like "https://support.example.com": "javascript:alert(1)" is not.',
    ]);
    expect(parseSettingsExport(file({ enabledOrigins: ['https://support.acme.com/path'] })).settings).toBeUndefined();
    expect(parseSettingsExport(file({ disabledHosts: ['acme.zendesk.com', 'a b', ''] })).errors[0]).toMatch(/^settings.disabledHosts must be host names.*"a b", ""/);
    expect(parseSettingsExport(file({ ignoredPhrases: [{ host: 'javascript:x', phrase: 'ok' }] })).errors[0]).toMatch(/hosts must be "\*" or a host name/);
    expect(parseSettingsExport(file({ ignoredPhrases: [{ host: '*', phrase: 'x'.repeat(501) }] })).errors[0]).toMatch(/1 to 500 characters/);
    const huge = parseSettingsExport(file({ disabledRules: Array.from({ length: 400_000 }, (_, i) => `x/${i}`) }));
    expect(huge.errors).toEqual(['settings.disabledRules has 400000 entries; at most 2000 are accepted.']);
    const fine = parseSettingsExport(file({ enabledOrigins: ['https://support.acme.com', 'http://localhost:8080'], disabledHosts: ['acme.zendesk.com'] }));
    expect(fine.errors).toEqual([]);
    expect(fine.settings?.enabledOrigins).toEqual(['https://support.acme.com', 'http://localhost:8080']);
  });

  it('against the phrasebank: migrates renamed rule ids and leaves out unknown ones, saying so', () => {
    const known = { ids: new Set(['invalidating/calm-down', 'blaming/you-should-have']), renames: { 'invalidating/old-calm': 'invalidating/calm-down' } };
    const text = JSON.stringify({ attuneSettings: 1, settings: { ...DEFAULT_SETTINGS, disabledRules: ['blaming/you-should-have', 'invalidating/old-calm', 'nobody/knows'] } });
    const parsed = parseSettingsExport(text, known);
    expect(parsed.settings?.disabledRules).toEqual(['blaming/you-should-have', 'invalidating/calm-down']);
    expect(parsed.notes).toEqual([
      'Renamed since the export, and kept under the new id: "invalidating/old-calm".',
      'Left out 1 rule id this phrasebank does not have: "nobody/knows".',
    ]);
    // Without a phrasebank to check against, ids are kept as they are.
    expect(parseSettingsExport(text).settings?.disabledRules).toEqual(['blaming/you-should-have', 'invalidating/old-calm', 'nobody/knows']);
  });
});
