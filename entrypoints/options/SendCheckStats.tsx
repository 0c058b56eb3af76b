/** The soft check before sending, last 30 days: prompts shown, sent anyway, went back to review (counts only). */
import { sendCheckStatsItem, summarizeSendCheck } from '../../lib/extension/send-check-stats';
import { useStorageItem } from '../../lib/ui/hooks';

export function SendCheckStats() {
  const stats = useStorageItem(sendCheckStatsItem);
  if (!stats) return null;
  const t = summarizeSendCheck(stats, new Date(), 30);
  return (
    <section aria-label="Check before sending" data-testid="send-check-stats">
      <h2>Check before sending</h2>
      {t.shown === 0 ? (
        <p class="muted">No prompts in the last 30 days (the check is off unless an agent or your organisation turns it on for a site).</p>
      ) : (
        <div class="stat-tiles">
          <div class="tile"><span class="tile-n">{t.shown}</span> prompts shown</div>
          <div class="tile"><span class="tile-n">{t.sent}</span> sent anyway</div>
          <div class="tile"><span class="tile-n">{t.reviewed}</span> went back to review</div>
        </div>
      )}
    </section>
  );
}
