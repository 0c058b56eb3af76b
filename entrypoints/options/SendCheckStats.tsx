/** The soft check before sending over the period: prompts shown, sent anyway, went back to review (counts only). */
import { summarizeSendCheck, type SendCheckStats as Counts } from '../../lib/extension/send-check-stats';

export function SendCheckStats({ stats, days }: { stats: Counts; days: number }) {
  const t = summarizeSendCheck(stats, new Date(), days);
  return (
    <section aria-labelledby="send-check-stats-title" data-testid="send-check-stats">
      <h2 id="send-check-stats-title">Check before sending</h2>
      {t.shown === 0 ? (
        <p class="muted">No prompts in the last {days} days (the check is off unless an agent or your organisation turns it on for a site).</p>
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
