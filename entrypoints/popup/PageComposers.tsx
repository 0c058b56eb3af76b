/** The current tab's composers, as the content script sees them; hidden when no content script answers. */
import { browser } from '#imports';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Finding } from '../../lib/analysis/types';
import { send, type ApplyRequest, type FindingsResponse } from '../../lib/extension/messages';
import { getLocks } from '../../lib/extension/org-policy';
import { useCategoryTitles } from '../../lib/ui/categoryTitles';
import { useAsync } from '../../lib/ui/hooks';
import { copyText } from '../../lib/ui/clipboard';
import { ReportView } from '../../lib/ui/ReportView';
import { ComposerSummary } from './ComposerSummary';

const REFRESH_MS = 2000;

export function PageComposers({ tabId }: { tabId: number }) {
  const [data, setData] = useState<FindingsResponse | undefined>();
  // Kept here, not on the finding: a successful apply removes the finding (and its row) from the list.
  const [status, setStatus] = useState('');
  const title = useCategoryTitles();
  const locks = useAsync(getLocks, []);
  const refresh = useCallback(async () => {
    const res = await send(browser, { type: 'attune:findings' }, tabId);
    // No content script on this page (no answer): nothing to show.
    setData(res && Array.isArray(res.composers) ? res : undefined);
  }, [tabId]);
  useEffect(() => {
    void refresh();
    const t = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(t);
  }, [refresh]);
  if (!data?.composers.length) return null;

  const apply = (composerId: string) => async (f: Finding, fixIndex: number) => {
    const replacement = f.suggestions[fixIndex];
    const req: ApplyRequest = { type: 'attune:apply', composerId, ruleId: f.ruleId, start: f.start, fixIndex };
    const res = await send(browser, req, tabId);
    void refresh();
    const outcome = res?.ok
      ? `Applied: “${replacement}”`
      : res?.copied
        ? 'Copied instead: paste it where you like'
        : (await copyText(replacement))
          ? 'Could not change the editor, so it was copied: paste it in'
          : 'The draft changed; check again';
    setStatus(outcome);
    return res?.ok ? true : outcome;
  };

  return (
    <section class="card" aria-labelledby="page-title" data-testid="page-composers">
      <h2 id="page-title">On this page</h2>
      <p class="page-status small" role="status" aria-live="polite" data-testid="page-status">
        {status}
      </p>
      {/* Collapsed per composer (a count and the category titles); the full report opens on demand, so
          "Check a draft" below stays in view. <details> keeps its open state across the refreshes. */}
      {data.composers.map((c, i) => (
        <details class="composer" key={c.composerId} data-testid="composer">
          <ComposerSummary
            name={data.composers.length > 1 ? `Reply box ${i + 1}` : 'Reply box'}
            report={c.report}
            title={title}
            locked={locks.value?.categories}
          />
          <ReportView
            report={c.report}
            checklistOpen={false}
            actions={{ onApply: apply(c.composerId), applyLabel: 'Apply', categoryTitle: title }}
          />
        </details>
      ))}
    </section>
  );
}
