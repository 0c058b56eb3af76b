import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../lib/sites/match-pattern';
import { adapterForUrl, helpdeskAdapters, generic } from '../../../lib/sites';

describe('matchesPattern', () => {
  it('matches subdomain wildcards, but not look-alike hosts', () => {
    expect(matchesPattern('https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/agent/*', 'https://zendesk.com/agent/x')).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/agent/*', 'https://acme.zendesk.com.evil.example/agent/x')).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/agent/*', 'https://evilzendesk.com/agent/x')).toBe(false);
  });
  it('checks scheme and path, ignores the port, includes the query', () => {
    expect(matchesPattern('https://app.intercom.com/*', 'http://app.intercom.com/a')).toBe(false);
    expect(matchesPattern('*://app.intercom.com/*', 'http://app.intercom.com/a')).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/hc/en-us')).toBe(false);
    expect(matchesPattern('https://app.intercom.com/*', 'https://app.intercom.com:8443/x')).toBe(true);
    expect(matchesPattern('https://a.com/x*y', 'https://a.com/x?q=1y')).toBe(true);
    expect(matchesPattern('https://a.com/x.y', 'https://a.com/xzy')).toBe(false);
  });
  it('rejects malformed patterns and URLs', () => {
    expect(matchesPattern('app.intercom.com', 'https://app.intercom.com/')).toBe(false);
    expect(matchesPattern('https://app.intercom.com/*', 'not a url')).toBe(false);
  });
});

describe('site registry', () => {
  it('every example URL matches its own adapter and no other', () => {
    for (const adapter of helpdeskAdapters) {
      expect(adapter.exampleUrls.length, adapter.id).toBeGreaterThan(0);
      for (const url of adapter.exampleUrls) {
        const owners = helpdeskAdapters.filter((a) => a.matches.some((p) => matchesPattern(p, url))).map((a) => a.id);
        expect(owners, url).toEqual([adapter.id]);
        expect(adapterForUrl(url).id).toBe(adapter.id);
      }
    }
  });
  it('unknown sites get the generic adapter', () => {
    expect(adapterForUrl('https://support.example.org/tickets/4')).toBe(generic);
    expect(adapterForUrl('https://acme.zendesk.com/hc/en-us/articles/1')).toBe(generic); // help centre, not the agent UI
  });
  it('adapter ids are unique kebab-case', () => {
    const ids = helpdeskAdapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
