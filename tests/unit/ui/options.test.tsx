// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportResult } from '../../../entrypoints/options/Packs';
import { filterEntries, PhrasebankBrowser } from '../../../entrypoints/options/PhrasebankBrowser';
import { DEFAULT_SETTINGS, getSettings } from '../../../lib/extension/settings';
import type { CompiledPhrasebank, RuleEntry } from '../../../lib/phrasebank/types';

const evil = '<script>window.__pwned = 1</script>';
const rule = (id: string, over: Partial<RuleEntry> = {}): RuleEntry => ({
  ruleId: `team/${id}`,
  id,
  category: 'team',
  match: [id],
  unless: [],
  severity: 'medium',
  why: `Why ${id} ${evil}`,
  suggest: [`Say this instead <b>bold</b>`],
  examples: { flag: [`flag ${id} <img src=x>`], pass: ['pass text'] },
  ...over,
});
const pb: CompiledPhrasebank = {
  version: 1,
  categories: [{ category: 'team', title: `Team <i>tone</i>`, why: 'House style.', kind: 'dismissive', file: 'team.yml' }],
  rules: [rule('alpha'), rule('beta', { why: 'Sounds cold to a worried customer.' })],
  signals: [],
  renames: {},
};

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options: phrasebank browser', () => {
  it('renders every rule text literally (no HTML from the phrasebank)', () => {
    act(() => render(<PhrasebankBrowser pb={pb} settings={DEFAULT_SETTINGS} />, root));
    expect(root.querySelectorAll('article.rule')).toHaveLength(2);
    expect(root.textContent).toContain(evil);
    expect(root.textContent).toContain('Team <i>tone</i>');
    expect(root.textContent).toContain('Say this instead <b>bold</b>');
    expect(root.textContent).toContain('flag alpha <img src=x>');
    expect(root.querySelector('script, img, b, i')).toBeNull();
  });

  it('search keeps only rules containing every word', () => {
    const cats = new Map(pb.categories.map((c) => [c.category, c]));
    expect(filterEntries(pb.rules, 'cold worried', cats).map((r) => r.id)).toEqual(['beta']);
    expect(filterEntries(pb.rules, 'TEAM/ALPHA', cats).map((r) => r.id)).toEqual(['alpha']);
    expect(filterEntries(pb.rules, '', cats)).toHaveLength(2);
    expect(filterEntries(pb.rules, 'nothing-like-this', cats)).toHaveLength(0);
  });

  it('the toggle turns a rule off in settings, and an off rule is shown as off', async () => {
    act(() => render(<PhrasebankBrowser pb={pb} settings={DEFAULT_SETTINGS} />, root));
    const box = root.querySelector<HTMLInputElement>('article[data-rule-id="team/beta"] .toggle input')!;
    box.checked = false;
    await act(async () => {
      box.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect((await getSettings()).disabledRules).toEqual(['team/beta']);
    act(() => render(<PhrasebankBrowser pb={pb} settings={{ ...DEFAULT_SETTINGS, disabledRules: ['team/beta'] }} />, root));
    expect(root.querySelector('article[data-rule-id="team/beta"]')!.className).toContain('off');
    expect(root.querySelector('article[data-rule-id="team/alpha"]')!.className).not.toContain('off');
  });
});

describe('options: pack import result', () => {
  it('lists precise errors and says nothing changed', () => {
    act(() =>
      render(
        <ImportResult result={{ ok: false, name: 'Bad <pack>', errors: ['rules[0].severity must be high, medium or low.'], conflicts: [], exampleCount: 0 }} />,
        root,
      ),
    );
    expect(root.textContent).toContain('“Bad <pack>” was not imported.');
    expect(root.textContent).toContain('Nothing changed');
    expect(root.querySelector('li')?.textContent).toBe('rules[0].severity must be high, medium or low.');
  });

  it('shows merge conflicts with the pack that was kept', () => {
    act(() =>
      render(
        <ImportResult
          result={{ ok: true, name: 'Team', phrasebank: pb, errors: [], exampleCount: 4, conflicts: [{ ruleId: 'team/alpha', kept: 'Org policy', ignored: 'Team', reason: 'organisation' }] }}
        />,
        root,
      ),
    );
    expect(root.textContent).toContain('all 4 examples pass');
    const cells = [...root.querySelectorAll('[data-testid="pack-conflicts"] td')].map((td) => td.textContent);
    expect(cells).toEqual(['team/alpha', 'Org policy' + 'your organisation’s pack: a team or personal version can’t replace it', 'Team']);
  });
});
