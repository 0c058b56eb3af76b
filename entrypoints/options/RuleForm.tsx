/**
 * The studio's form for one rule: every field of a phrasebank entry, each with the validator's problem
 * (if any) right under it, tied to the field by aria-describedby. Lists are one item per line.
 */
import type { ComponentChildren } from 'preact';
import type { CategoryInfo } from '../../lib/phrasebank/types';
import type { FieldProblem } from '../../lib/extension/studio-check';
import type { RuleDraft } from '../../lib/extension/studio-rule';
import { MATCH_HELP } from '../../lib/ui/matchHelp';

const NEW = '__new__';

/** `code` spans in help text, rendered as text. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

export function RuleForm({ draft, onChange, categories, problems, isNewCategory }: {
  draft: RuleDraft;
  onChange: (d: RuleDraft) => void;
  categories: CategoryInfo[];
  problems: FieldProblem[];
  isNewCategory: boolean;
}) {
  const set = (key: keyof RuleDraft) => (e: Event) => onChange({ ...draft, [key]: (e.target as HTMLInputElement).value });
  const problemsFor = (...fields: string[]) => problems.filter((p) => p.field !== undefined && fields.includes(p.field));
  const field = (id: string, label: string, fields: string[], hint: ComponentChildren, input: (describedBy: string) => ComponentChildren) => {
    const own = problemsFor(...fields);
    const describedBy = [hint ? `${id}-hint` : '', own.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
    return (
      <div class={own.length ? 'studio-field has-problem' : 'studio-field'}>
        <label class="field" for={id}>{label}</label>
        {hint && <div id={`${id}-hint`} class="muted small">{hint}</div>}
        {input(describedBy)}
        {own.length > 0 && (
          <ul id={`${id}-problem`} class="field-problem" data-testid={`problem-${fields[0]}`}>
            {own.map((p, i) => <li key={i}>{p.message}</li>)}
          </ul>
        )}
      </div>
    );
  };
  const text = (id: string, key: keyof RuleDraft, rows?: number) => (describedBy: string) =>
    rows ? (
      <textarea id={id} rows={rows} value={draft[key]} onInput={set(key)} aria-describedby={describedBy || undefined} aria-invalid={describedBy.includes('problem') || undefined} />
    ) : (
      <input id={id} type="text" value={draft[key]} onInput={set(key)} aria-describedby={describedBy || undefined} aria-invalid={describedBy.includes('problem') || undefined} />
    );

  return (
    <div class="rule-form">
      <div class="studio-row">
        {field('studio-category', 'Category', ['category'], null, (d) => (
          <select id="studio-category" value={isNewCategory ? NEW : draft.category} aria-describedby={d || undefined}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              onChange({ ...draft, category: v === NEW ? '' : v });
            }}>
            {categories.map((c) => <option key={c.category} value={c.category}>{c.title}</option>)}
            <option value={NEW}>New category…</option>
          </select>
        ))}
        {field('studio-id', 'Rule id', ['id'], <>kebab-case, e.g. <code>system-says</code>; agents’ settings store it</>, text('studio-id', 'id'))}
      </div>
      {isNewCategory && (
        <fieldset class="new-category">
          <legend>New category</legend>
          {field('studio-category-id', 'Category id', [], <>kebab-case, e.g. <code>billing-tone</code></>, text('studio-category-id', 'category'))}
          {field('studio-category-title', 'Title', [], null, text('studio-category-title', 'categoryTitle'))}
          {field('studio-category-why', 'Why it matters', [], null, text('studio-category-why', 'categoryWhy'))}
        </fieldset>
      )}
      {field('studio-match', 'Words to match (one pattern per line)', ['match'], (
        <details class="match-help">
          <summary>How patterns work</summary>
          <ul>{MATCH_HELP.map((h, i) => <li key={i}>{withCode(h)}</li>)}</ul>
        </details>
      ), text('studio-match', 'match', 2))}
      {field('studio-unless', 'Unless the sentence matches (optional, one per line)', ['unless'], 'Drops the finding when the sentence shows the phrase is harmless.', text('studio-unless', 'unless', 1))}
      <div class="studio-row">
        {field('studio-severity', 'Severity', ['severity'], null, (d) => (
          <select id="studio-severity" value={draft.severity} onChange={set('severity')} aria-describedby={d || undefined}>
            <option value="high">High: tends to escalate</option>
            <option value="medium">Medium</option>
            <option value="low">Low: a nudge</option>
          </select>
        ))}
        {field('studio-source', 'Reference (optional)', ['source'], null, text('studio-source', 'source'))}
      </div>
      {field('studio-why', 'Why it can hurt (one sentence, shown to the agent)', ['why'], null, text('studio-why', 'why'))}
      {field('studio-suggest', 'Kinder alternatives (one per line)', ['suggest'], 'Each must be true wherever the rule fires: invent no dates, amounts or promises.', text('studio-suggest', 'suggest', 2))}
      <div class="studio-row">
        {field('studio-flag', 'Must be flagged (one sentence per line)', ['examples.flag', 'examples'], <>Optional: <code>[words]</code> it must cover exactly</>, text('studio-flag', 'flag', 3))}
        {field('studio-pass', 'Must not be flagged (one per line)', ['examples.pass'], 'Harmless sentences with the same words', text('studio-pass', 'pass', 3))}
      </div>
      <p class="muted small">
        Sites: a rule applies wherever Attune runs; the phrasebank format has no per-site rules yet (an agent can still ignore a phrase on one site).
      </p>
    </div>
  );
}
