/** The studio's pattern help says what phrasebank/README.md says, word for word. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATCH_HELP } from '../../../lib/ui/matchHelp';

describe('MATCH_HELP', () => {
  it('every sentence is in the README section "How matching works"', () => {
    const readme = readFileSync(new URL('../../../phrasebank/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## How matching works'), readme.indexOf('## The listening lexicon')).replace(/\s+/g, ' ');
    for (const line of MATCH_HELP) expect(section).toContain(line);
  });
});
