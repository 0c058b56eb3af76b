/**
 * The human-readable `check` output: one block per finding, then what the draft already does well,
 * then coaching, then a one-line summary.
 */
import type { Report } from '../analysis/types';
import type { Mechanism } from '../phrasebank/types';
import type { Paint } from './color';

/** How each empathy mechanism is described when the draft shows it. */
export const MECHANISM_PRAISE: Record<Mechanism, string> = {
  'emotional-reaction': 'acknowledged the feeling',
  interpretation: 'reflected their situation back',
  exploration: 'asked to understand more',
  choice: 'offered a choice',
  ownership: 'owned the next step',
  'next-steps': 'gave a clear next step',
  appreciation: 'thanked them',
};

/** 1-based line and column (UTF-16 units, like the JSON offsets) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Collapses whitespace so a flagged span with a line break stays on one output line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Renders a Report for a person reading a terminal. */
export function formatHuman(text: string, report: Report, p: Paint): string {
  const out: string[] = [];
  const sev = { high: p.red, medium: p.yellow, low: p.cyan } as const;
  for (const f of report.findings) {
    const { line, column } = lineColumn(text, f.start);
    out.push(`${p.bold(`${line}:${column}`)}  ${sev[f.severity](f.severity)}  ${f.message}  ${p.dim(f.ruleId)}`);
    out.push(`  ${p.dim('flagged:')} ${p.bold(`"${oneLine(f.text)}"`)}`);
    for (const s of f.suggestions) out.push(`  ${p.green('→')} ${s}`);
    out.push('');
  }
  if (report.signals.length) {
    for (const s of report.signals) {
      out.push(`${p.green('✓')} ${MECHANISM_PRAISE[s.mechanism] ?? s.mechanism}: "${oneLine(s.text)}"`);
    }
  }
  for (const c of report.coaching) {
    out.push(`${p.magenta('•')} ${c.severity === 'high' ? `${p.bold('important:')} ` : ''}${c.message}`);
    if (c.quote) out.push(`  ${p.dim('they wrote:')} "${oneLine(c.quote.text)}"`);
  }
  if (report.signals.length || report.coaching.length) out.push('');
  out.push(summaryLine(report, p));
  return out.join('\n') + '\n';
}

/** One line: how many findings by severity, and how many strengths. */
export function summaryLine(report: Report, p: Paint): string {
  const n = report.findings.length;
  const strengths = report.signals.length ? `, ${plural(report.signals.length, 'strength')} noticed` : '';
  if (n === 0) return p.green(`No dismissive phrasing found${strengths}.`);
  const bySeverity = (['high', 'medium', 'low'] as const)
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, count]) => count > 0)
    .map(([s, count]) => `${count} ${s}`)
    .join(', ');
  return `${p.bold(plural(n, 'phrase'))} worth another look (${bySeverity})${strengths}.`;
}

/** "1 phrase", "3 phrases". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
