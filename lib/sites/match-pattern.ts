/**
 * WebExtension match patterns (`<scheme>://<host>/<path>`), matched in pure code so that site
 * adapters can be chosen from `location.href` and unit-tested without a browser.
 */

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** True when `url` is matched by the WebExtension match pattern `pattern`. */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const m = /^(\*|https?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m;
  const urlScheme = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  const hostname = parsed.hostname;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith('.' + base)) return false;
    } else if (host !== hostname) return false;
  }
  // Match patterns ignore the port, and the path includes the query string.
  const pathRe = new RegExp('^' + path.split('*').map(escapeRe).join('.*') + '$');
  return pathRe.test(parsed.pathname + parsed.search);
}

/** True when any of `patterns` matches `url`. */
export const matchesAny = (patterns: string[], url: string) => patterns.some((p) => matchesPattern(p, url));
