/**
 * The site adapters, most specific first; `adapterForUrl` picks one for a page.
 */
import type { SiteAdapter } from './types';
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

/** Every helpdesk adapter (not the generic one, which has no static match patterns). */
export const helpdeskAdapters: SiteAdapter[] = [zendesk, intercom, hubspot, salesforce, front, gmail, freshdesk, helpscout, zohoDesk, gorgias];

/** Every match pattern of the supported helpdesks: the content script's static `matches`. */
export const helpdeskMatches: string[] = helpdeskAdapters.flatMap((a) => a.matches);

/** The adapter for `url`: a helpdesk's, or the generic one for sites the agent enabled. */
export function adapterForUrl(url: string): SiteAdapter {
  return helpdeskAdapters.find((a) => matchesAny(a.matches, url)) ?? generic;
}

export { generic };
