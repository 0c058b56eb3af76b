/**
 * Aggregating many Reports (past replies or saved macros) into per-category and per-rule counts.
 */
import type { Report } from '../analysis/types';
import type { CompiledPhrasebank, Mechanism } from '../phrasebank/types';

/** One analysed row kept for the "flagged rows" sample. */
export interface AuditRow {
  /** 1-based data row number (the header is not counted). */
  row: number;
  text: string;
  report: Report;
}

/** Counts for a category or a rule. */
export interface Tally {
  key: string;
  title: string;
  /** Number of findings. */
  findings: number;
  /** Number of rows with at least one finding. */
  rows: number;
}

export interface AuditSummary {
  source: string;
  column: string;
  /** Rows analysed (non-empty text). */
  analysed: number;
  /** Rows whose cell was empty. */
  empty: number;
  /** Rows refused (too long or not text), with the reason. */
  skipped: { row: number; reason: string }[];
  rowsWithFindings: number;
  totalFindings: number;
  categories: Tally[];
  rules: (Tally & { why: string; suggestion?: string; severity: string })[];
  signals: { mechanism: Mechanism; rows: number }[];
  /** The first few flagged rows, most findings first. */
  samples: AuditRow[];
}

/** Accumulates Reports row by row; `summary()` gives the sorted result. */
export class AuditCollector {
  private categoryCounts = new Map<string, { findings: number; rows: number }>();
  private ruleCounts = new Map<string, { findings: number; rows: number }>();
  private signalRows = new Map<Mechanism, number>();
  private flagged: AuditRow[] = [];
  analysed = 0;
  empty = 0;
  skipped: { row: number; reason: string }[] = [];
  rowsWithFindings = 0;
  totalFindings = 0;

  constructor(
    private pb: CompiledPhrasebank,
    private maxSamples = 8,
  ) {}

  /** Adds one analysed row. */
  add(row: number, text: string, report: Report): void {
    this.analysed++;
    this.totalFindings += report.findings.length;
    if (report.findings.length) {
      this.rowsWithFindings++;
      this.flagged.push({ row, text, report });
      // Keep memory bounded: only the rows with most findings survive.
      if (this.flagged.length > this.maxSamples * 4) this.trimSamples();
    }
    bump(this.categoryCounts, report.findings.map((f) => f.category));
    bump(this.ruleCounts, report.findings.map((f) => f.ruleId));
    for (const m of new Set(report.signals.map((s) => s.mechanism))) this.signalRows.set(m, (this.signalRows.get(m) ?? 0) + 1);
  }

  private trimSamples(): void {
    this.flagged.sort((a, b) => b.report.findings.length - a.report.findings.length || a.row - b.row);
    this.flagged.length = Math.min(this.flagged.length, this.maxSamples);
  }

  /** The totals, categories and rules sorted by findings (then name). */
  summary(source: string, column: string): AuditSummary {
    this.trimSamples();
    const titles = new Map(this.pb.categories.map((c) => [c.category, c.title]));
    const rules = new Map(this.pb.rules.map((r) => [r.ruleId, r]));
    const order = (a: Tally, b: Tally) => b.findings - a.findings || a.key.localeCompare(b.key);
    return {
      source,
      column,
      analysed: this.analysed,
      empty: this.empty,
      skipped: this.skipped,
      rowsWithFindings: this.rowsWithFindings,
      totalFindings: this.totalFindings,
      categories: [...this.categoryCounts].map(([key, c]) => ({ key, title: titles.get(key) ?? key, ...c })).sort(order),
      rules: [...this.ruleCounts]
        .map(([key, c]) => {
          const rule = rules.get(key);
          return {
            key,
            title: titles.get(rule?.category ?? '') ?? rule?.category ?? '',
            why: rule?.why ?? '',
            suggestion: rule?.suggest[0],
            severity: rule?.severity ?? '',
            ...c,
          };
        })
        .sort(order),
      signals: [...this.signalRows].map(([mechanism, rows]) => ({ mechanism, rows })).sort((a, b) => b.rows - a.rows),
      samples: [...this.flagged].sort((a, b) => a.row - b.row),
    };
  }
}

/** Counts each key once per finding and once per row. */
function bump(map: Map<string, { findings: number; rows: number }>, keys: string[]): void {
  for (const key of keys) {
    const c = map.get(key) ?? { findings: 0, rows: 0 };
    c.findings++;
    map.set(key, c);
  }
  for (const key of new Set(keys)) map.get(key)!.rows++;
}

/** "12%" (or "<1%" for small non-zero shares). */
export function percent(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const p = (100 * part) / whole;
  return p < 1 ? '<1%' : `${Math.round(p)}%`;
}
