/**
 * The collapsed line for one composer in "On this page": which reply box, how many phrases to reconsider,
 * and in which categories (by title, with counts), most serious first. The full report opens on demand.
 */
import type { Finding, Report } from '../../lib/analysis/types';
import { SEVERITY_META } from '../../lib/ui/labels';
import type { CategoryTitle } from '../../lib/ui/categoryTitles';
import { LockIcon } from '../../lib/ui/LockIcon';

/** What a locked category's chip says (the options page's switches say the same). */
export const LOCKED_TEXT = 'Set by your organisation';

export interface CategoryCount {
  category: string;
  title: string;
  count: number;
  /** The most serious severity among the category's findings. */
  severity: Finding['severity'];
}

/** Findings grouped by category: most serious first, then most frequent, then by title. */
export function categoryCounts(findings: Finding[], title: CategoryTitle): CategoryCount[] {
  const byCategory = new Map<string, CategoryCount>();
  for (const f of findings) {
    const c = byCategory.get(f.category) ?? { category: f.category, title: title(f.category) ?? f.category, count: 0, severity: f.severity };
    c.count++;
    if (SEVERITY_META[f.severity].order < SEVERITY_META[c.severity].order) c.severity = f.severity;
    byCategory.set(f.category, c);
  }
  return [...byCategory.values()].sort(
    (a, b) => SEVERITY_META[a.severity].order - SEVERITY_META[b.severity].order || b.count - a.count || a.title.localeCompare(b.title),
  );
}

/** `locked`: category ids the organisation locks on (their chips carry a padlock: the agent can't turn them off). */
export function ComposerSummary({ name, report, title, locked = [] }: { name: string; report: Report; title: CategoryTitle; locked?: string[] }) {
  const n = report.findings.length;
  const counts = categoryCounts(report.findings, title);
  return (
    <summary class="composer-summary">
      <span class="composer-line">
        <span class="composer-name">{name}</span>
        <span class={n ? 'composer-count' : 'composer-count clear'}>{n === 0 ? 'Nothing to reconsider' : `${n} to reconsider`}</span>
      </span>
      {counts.length > 0 && (
        <span class="category-counts">
          {counts.map((c) => (
            <span
              key={c.category}
              class={`chip sev-${c.severity}`}
              data-category={c.category}
              {...(locked.includes(c.category) ? { 'data-locked': 'true', title: LOCKED_TEXT } : {})}
            >
              <span aria-hidden="true">{SEVERITY_META[c.severity].icon}</span> {c.title}
              {locked.includes(c.category) && (
                <>
                  {' '}<LockIcon /><span class="visually-hidden"> ({LOCKED_TEXT.toLowerCase()})</span>
                </>
              )}
              <span class="visually-hidden">: </span>
              <span class="chip-n">{c.count}</span>
            </span>
          ))}
        </span>
      )}
    </summary>
  );
}
