/**
 * Every helpdesk Attune supports, listed once (most specific first); `adapterForUrl` picks one for a page.
 * Add one: see "Add a helpdesk" in README.md (tests/unit/sites/conventions.test.ts checks each step).
 */
import type { SiteAdapter } from './types';
import type { Site } from './define';
import { matchesAny } from './match-pattern';
import { zendesk } from './zendesk';
import { intercom } from './intercom';
import { hubspot } from './hubspot';
import { salesforce } from './salesforce';
import { front } from './front';
import { gmail } from './gmail';
import { freshdesk } from './freshdesk';
import { helpscout } from './helpscout';
import { zohoDesk } from './zoho-desk';
import { gorgias } from './gorgias';
import { generic } from './generic';

/** The registry: every helpdesk site (not the generic adapter, which has no static match patterns). */
export const sites: Site[] = [zendesk, intercom, hubspot, salesforce, front, gmail, freshdesk, helpscout, zohoDesk, gorgias];

/** The same list, as the page layer uses it. */
export const helpdeskAdapters: SiteAdapter[] = sites;

/** Every match pattern of the supported helpdesks: the content script's static `matches`. */
export const helpdeskMatches: string[] = sites.flatMap((a) => a.matches);

/** The adapter for `url`: a helpdesk's, or the generic one for sites the agent enabled. */
export function adapterForUrl(url: string): SiteAdapter {
  return sites.find((a) => matchesAny(a.matches, url)) ?? generic;
}

export { generic };
