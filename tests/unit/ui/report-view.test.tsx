// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Report } from '../../../lib/analysis/types';
import { EmpathyChecklist, FindingList, ReportView, signalsByMechanism } from '../../../lib/ui/ReportView';

const evil = '<script>window.__pwned = 1</script>';
const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'invalidating/calm-down',
  category: 'invalidating',
  severity: 'high',
  start: 7,
  end: 16,
  text: 'calm down',
  message: `Tells them how to feel ${evil}`,
  suggestions: ['I can hear how frustrating this is.', `<img src=x onerror="window.__pwned=2">`],
  fixes: [{ start: 7, end: 16, text: 'I can hear how frustrating this is.' }, { start: 7, end: 16, text: `<img src=x onerror="window.__pwned=2">` }],
  ...over,
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ReportView', () => {
  it('renders phrasebank text literally, never as HTML', () => {
    act(() => render(<FindingList findings={[finding()]} />, root));
    expect(root.textContent).toContain(evil);
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned=2">');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect((window as any).__pwned).toBeUndefined();
  });

  it('shows severity as a word and icon, not colour alone, most serious first', () => {
    act(() =>
      render(<FindingList findings={[finding({ severity: 'low', start: 30, ruleId: 'x/low' }), finding()]} />, root),
    );
    const items = [...root.querySelectorAll('li.finding')];
    expect(items.map((li) => li.getAttribute('data-rule-id'))).toEqual(['invalidating/calm-down', 'x/low']);
    expect(items[0].querySelector('.badge')?.textContent).toContain('Likely to hurt');
    expect(items[1].querySelector('.badge')?.textContent).toContain('Worth a look');
  });

  it('calls apply with the finding and the chosen suggestion, and copies to the clipboard', async () => {
    const onApply = vi.fn(() => true);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    act(() => render(<FindingList findings={[finding()]} actions={{ onApply, applyLabel: 'Use in draft' }} />, root));
    const buttons = [...root.querySelectorAll('button')];
    const apply = buttons.find((b) => b.textContent === 'Use in draft')!;
    const copy = buttons.find((b) => b.textContent === 'Copy')!;
    await act(async () => apply.click());
    expect(onApply).toHaveBeenCalledWith(expect.objectContaining({ ruleId: 'invalidating/calm-down' }), 0);
    await act(async () => {
      copy.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(writeText).toHaveBeenCalledWith('I can hear how frustrating this is.');
    expect(root.textContent).toContain('Copied');
  });

  it('has no apply button when no apply action is given', () => {
    act(() => render(<FindingList findings={[finding()]} />, root));
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Copy', 'Copy']);
  });

  it('says so kindly when nothing is flagged', () => {
    act(() => render(<FindingList findings={[]} />, root));
    expect(root.textContent).toMatch(/Nothing dismissive/);
  });

  it('marks each empathy mechanism present (with its words) or missing (with a hint)', () => {
    const signals = [
      { mechanism: 'ownership' as const, ruleId: 'ownership/i-will', start: 0, end: 4, text: "I'll" },
      { mechanism: 'ownership' as const, ruleId: 'ownership/i-will', start: 20, end: 24, text: "I'll" },
      { mechanism: 'exploration' as const, ruleId: 'exploration/ask', start: 30, end: 40, text: 'could you' },
    ];
    expect(signalsByMechanism(signals).get('ownership')).toEqual(["I'll"]);
    act(() => render(<EmpathyChecklist signals={signals} />, root));
    const own = root.querySelector('[data-mechanism="ownership"]')!;
    expect(own.className).toBe('present');
    expect(own.querySelector('.check-words')?.textContent).toBe("I'll");
    expect(own.textContent).toContain('(present)');
    const choice = root.querySelector('[data-mechanism="choice"]')!;
    expect(choice.className).toBe('missing');
    expect(choice.querySelector('.check-hint')?.textContent).toMatch(/options/);
    expect(root.querySelectorAll('li.present')).toHaveLength(2);
  });

  it('summarises counts and shows coaching as text', () => {
    const report: Report = {
      findings: [finding()],
      signals: [],
      coaching: [{ kind: 'no-next-step', message: `Say what happens next ${evil}` }],
    };
    act(() => render(<ReportView report={report} />, root));
    expect(root.querySelector('.summary')?.textContent).toContain('1 phrase to reconsider');
    expect(root.querySelector('.summary')?.textContent).toContain('0 of 7 empathy moves');
    expect(root.querySelector('[data-kind="no-next-step"]')?.textContent).toContain(evil);
    expect(root.querySelector('script')).toBeNull();
  });

  it('quotes the customer\'s words as text, one item per unanswered question', () => {
    const report: Report = {
      findings: [],
      signals: [],
      coaching: [
        { kind: 'unanswered-question', severity: 'high', message: 'They asked when it arrives.', quote: { start: 0, end: 20, text: `When will it arrive? ${evil}` } },
        { kind: 'unanswered-question', severity: 'medium', message: 'They asked whether they can keep it.', quote: { start: 30, end: 50, text: 'Can I keep it?' } },
      ],
    };
    act(() => render(<ReportView report={report} />, root));
    const items = root.querySelectorAll('[data-kind="unanswered-question"]');
    expect(items).toHaveLength(2);
    expect(items[0].getAttribute('data-severity')).toBe('high');
    expect(items[0].querySelector('.customer-quote q')?.textContent).toBe(`When will it arrive? ${evil}`);
    expect(items[1].querySelector('.customer-quote q')?.textContent).toBe('Can I keep it?');
    expect(root.querySelector('script, img')).toBeNull();
  });
});
