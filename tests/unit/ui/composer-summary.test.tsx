// @vitest-environment happy-dom
// The folded "On this page" row: category titles (not ids) with counts, most serious first.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { categoryCounts, ComposerSummary } from '../../../entrypoints/popup/ComposerSummary';
import type { Finding, Report } from '../../../lib/analysis/types';

const finding = (category: string, severity: Finding['severity'], start: number): Finding => ({
  ruleId: `${category}/x${start}`, category, severity, start, end: start + 3, text: 'abc', message: 'm', suggestions: [], fixes: [],
});
const TITLES: Record<string, string> = { invalidating: 'Invalidating feelings', 'policy-hiding': 'Hiding behind policy', commanding: 'Commanding without a choice' };
const title = (c: string) => TITLES[c];

describe('categoryCounts', () => {
  it('groups by category with titles, counts and the worst severity; most serious, then most frequent first', () => {
    const counts = categoryCounts(
      [finding('commanding', 'medium', 0), finding('policy-hiding', 'low', 5), finding('policy-hiding', 'high', 9), finding('commanding', 'medium', 14), finding('invalidating', 'high', 20)],
      title,
    );
    expect(counts).toEqual([
      { category: 'policy-hiding', title: 'Hiding behind policy', count: 2, severity: 'high' },
      { category: 'invalidating', title: 'Invalidating feelings', count: 1, severity: 'high' },
      { category: 'commanding', title: 'Commanding without a choice', count: 2, severity: 'medium' },
    ]);
  });

  it('falls back to the id for a category the phrasebank does not know', () => {
    expect(categoryCounts([finding('team-only', 'low', 0)], title)[0].title).toBe('team-only');
  });
});

describe('ComposerSummary', () => {
  const report = (findings: Finding[]): Report => ({ findings, signals: [], coaching: [] }) as unknown as Report;
  const show = (r: Report) => {
    const root = document.createElement('details');
    render(<ComposerSummary name="Reply box" report={r} title={title} />, root);
    return root;
  };

  it('says how many, and names each category by its title with its count', () => {
    const el = show(report([finding('invalidating', 'high', 0), finding('invalidating', 'high', 8), finding('policy-hiding', 'medium', 20)]));
    expect(el.querySelector('.composer-count')!.textContent).toBe('3 to reconsider');
    const chips = [...el.querySelectorAll('.chip')];
    expect(chips.map((c) => c.getAttribute('data-category'))).toEqual(['invalidating', 'policy-hiding']);
    expect(chips[0].textContent).toContain('Invalidating feelings');
    expect(chips[0].querySelector('.chip-n')!.textContent).toBe('2');
    expect(el.textContent).not.toMatch(/policy-hiding/);
  });

  it('says so when there is nothing to reconsider, with no chips', () => {
    const el = show(report([]));
    expect(el.querySelector('.composer-count')!.textContent).toBe('Nothing to reconsider');
    expect(el.querySelectorAll('.chip')).toHaveLength(0);
  });

  it("marks a category the organisation locks as set by the organisation (padlock, title and words for screen readers)", () => {
    const root = document.createElement('details');
    const r = report([finding('invalidating', 'high', 0), finding('policy-hiding', 'medium', 20)]);
    render(<ComposerSummary name="Reply box" report={r} title={title} locked={['invalidating']} />, root);
    const [locked, open] = [...root.querySelectorAll('.chip')];
    expect(locked.getAttribute('data-locked')).toBe('true');
    expect(locked.getAttribute('title')).toBe('Set by your organisation');
    expect(locked.querySelector('svg.lock-icon')).not.toBeNull();
    expect(locked.textContent).toContain('(set by your organisation)');
    expect(open.getAttribute('data-locked')).toBeNull();
    expect(open.textContent).not.toContain('organisation');
  });
});
