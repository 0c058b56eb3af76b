/**
 * What the stats count, defined once (pure: no storage, no browser APIs; stats-store.ts keeps them).
 * Counts only, never text: per rule and day shown / applied / dismissed (and why), per day the drafts written
 * and how many of them showed each empathy mechanism. Every caller (the in-page card, the popup's "Use in
 * draft" and "On this page → Apply") goes through a DraftCounter, so the definitions below hold everywhere:
 *
 * - A **draft** is the text of one reply box (or the popup's "Check a draft" box) from when it reaches
 *   MIN_DRAFT_WORDS words until it is emptied again (a sent reply clears the box) or the box goes away.
 * - A finding is **shown** once per draft per identity: its rule and its words (lower-cased, spaces folded).
 *   Re-analysis, typing before the phrase (offsets shift) or the same phrase twice count nothing more.
 * - **Applied** and **dismissed** are what happened to a shown identity, at most one of them, once per draft;
 *   so applied + dismissed ≤ shown, and the applied rate can never pass 100 %.
 * - A draft **showed a mechanism** when any analysis of it found a signal of that mechanism (once per draft).
 */
import type { Finding, Signal } from '../analysis/types';
import { MECHANISMS, type Mechanism } from '../phrasebank/types';

/** How many days of counts are kept. */
export const KEEP_DAYS = 90;
/** A draft counts from this many words on (a greeting alone is not a reply yet). */
export const MIN_DRAFT_WORDS = 3;

/** Why an agent dismissed a finding: the card's three choices, or none given (ignore once / phrase / rule off). */
export type DismissReason = 'not-dismissive' | 'not-now' | 'not-our-tone' | 'unspecified';
export const DISMISS_REASONS: readonly DismissReason[] = ['not-dismissive', 'not-now', 'not-our-tone', 'unspecified'];
/** The words the card and the stats tab use for each reason. */
export const REASON_LABELS: Record<DismissReason, string> = {
  'not-dismissive': 'Not dismissive here',
  'not-now': 'Not now',
  'not-our-tone': 'Not our tone',
  unspecified: 'No reason given',
};

export interface RuleCounts {
  shown: number;
  applied: number;
  dismissed: number;
  /** Dismissals by reason (they add up to `dismissed`). */
  reasons: Record<DismissReason, number>;
}

export interface DayStats {
  /** Per ruleId. */
  rules: Record<string, RuleCounts>;
  /** Drafts that reached MIN_DRAFT_WORDS this day. */
  drafts: number;
  /** Drafts that showed each mechanism this day. */
  mechanisms: Partial<Record<Mechanism, number>>;
}

/** `local:stats` since version 2: `{ days: { 'YYYY-MM-DD': DayStats } }`. */
export interface Stats {
  days: Record<string, DayStats>;
}

/** Version 1 (before issue 9): `{ 'YYYY-MM-DD': { ruleId: { fired, applied, ignored } } }`. */
export type StatsV1 = Record<string, Record<string, { fired?: number; applied?: number; ignored?: number }>>;

export type StatEvent =
  | { kind: 'shown' | 'applied'; ruleId: string }
  | { kind: 'dismissed'; ruleId: string; reason: DismissReason }
  | { kind: 'draft' }
  | { kind: 'mechanism'; mechanism: Mechanism };

export const emptyStats = (): Stats => ({ days: {} });
const zeroReasons = (): Record<DismissReason, number> => ({ 'not-dismissive': 0, 'not-now': 0, 'not-our-tone': 0, unspecified: 0 });
export const zeroRule = (): RuleCounts => ({ shown: 0, applied: 0, dismissed: 0, reasons: zeroReasons() });
const zeroDay = (): DayStats => ({ rules: {}, drafts: 0, mechanisms: {} });

/** `YYYY-MM-DD` in UTC, the key stats are stored under. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `n` days before `date` (UTC). */
export function daysBefore(date: Date, n: number): string {
  return dayKey(new Date(date.getTime() - n * 86_400_000));
}

/** Every day from `days - 1` days ago to today, oldest first. */
export function dayRange(today: Date, days: number): string[] {
  return Array.from({ length: days }, (_, i) => daysBefore(today, days - 1 - i));
}

/** A finding's identity within a draft: its rule and its words, not where they are. */
export function shownIdentity(f: Pick<Finding, 'ruleId' | 'text'>): string {
  return `${f.ruleId}\u0001${f.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Turns one reply box's analyses and the agent's choices into StatEvents, by the definitions above. */
export class DraftCounter {
  private shown = new Set<string>();
  private settled = new Set<string>();
  private mechanisms = new Set<Mechanism>();
  private counted = false;

  /** The draft now reads `text` and shows these findings and signals: what that adds. */
  observe(text: string, findings: readonly Pick<Finding, 'ruleId' | 'text'>[], signals: readonly Pick<Signal, 'mechanism'>[]): StatEvent[] {
    if (!text.trim()) {
      this.reset(); // emptied (sent, or cleared): the next words are a new draft
      return [];
    }
    const events: StatEvent[] = [];
    if (!this.counted && wordCount(text) >= MIN_DRAFT_WORDS) {
      this.counted = true;
      events.push({ kind: 'draft' });
    }
    for (const f of findings) events.push(...this.show(f));
    // Mechanisms only for a draft that counts, so "drafts that showed X" never exceeds "drafts".
    if (this.counted) {
      for (const s of signals) {
        if (this.mechanisms.has(s.mechanism)) continue;
        this.mechanisms.add(s.mechanism);
        events.push({ kind: 'mechanism', mechanism: s.mechanism });
      }
    }
    return events;
  }

  /** A suggestion for this finding was applied. */
  applied(f: Pick<Finding, 'ruleId' | 'text'>): StatEvent[] {
    return this.settle(f, { kind: 'applied', ruleId: f.ruleId });
  }

  /** The agent dismissed this finding (with the card's reason, or none). */
  dismissed(f: Pick<Finding, 'ruleId' | 'text'>, reason: DismissReason = 'unspecified'): StatEvent[] {
    return this.settle(f, { kind: 'dismissed', ruleId: f.ruleId, reason });
  }

  reset(): void {
    this.shown.clear();
    this.settled.clear();
    this.mechanisms.clear();
    this.counted = false;
  }

  private show(f: Pick<Finding, 'ruleId' | 'text'>): StatEvent[] {
    const id = shownIdentity(f);
    if (this.shown.has(id)) return [];
    this.shown.add(id);
    return [{ kind: 'shown', ruleId: f.ruleId }];
  }

  private settle(f: Pick<Finding, 'ruleId' | 'text'>, event: StatEvent): StatEvent[] {
    const id = shownIdentity(f);
    if (this.settled.has(id)) return [];
    this.settled.add(id);
    // What is applied or dismissed was shown, wherever it was shown (keeps applied ≤ shown).
    return [...this.show(f), event];
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A well-formed event (messages from a content script are checked before they are counted). */
export function isStatEvent(e: unknown): e is StatEvent {
  const v = e as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return false;
  const rule = typeof v.ruleId === 'string' && v.ruleId.length > 0 && v.ruleId.length <= 200;
  switch (v.kind) {
    case 'shown':
    case 'applied':
      return rule;
    case 'dismissed':
      return rule && DISMISS_REASONS.includes(v.reason as DismissReason);
    case 'draft':
      return true;
    case 'mechanism':
      return MECHANISMS.includes(v.mechanism as Mechanism);
    default:
      return false;
  }
}

/** Adds events to today's counts and drops days older than `keepDays` (pure; returns a new object). */
export function addEvents(stats: Stats, events: readonly StatEvent[], today: Date, keepDays = KEEP_DAYS): Stats {
  const day = dayKey(today);
  const kept = pruneStats(stats, today, keepDays);
  const prev = kept.days[day] ?? zeroDay();
  const next: DayStats = { rules: { ...prev.rules }, drafts: prev.drafts, mechanisms: { ...prev.mechanisms } };
  for (const e of events) {
    if (e.kind === 'draft') next.drafts += 1;
    else if (e.kind === 'mechanism') next.mechanisms[e.mechanism] = (next.mechanisms[e.mechanism] ?? 0) + 1;
    else {
      const old = next.rules[e.ruleId] ?? zeroRule();
      const c: RuleCounts = { ...old, reasons: { ...old.reasons } };
      c[e.kind] += 1;
      if (e.kind === 'dismissed') c.reasons[e.reason] += 1;
      next.rules[e.ruleId] = c;
    }
  }
  return { days: { ...kept.days, [day]: next } };
}

/** Per-day counts under renamed rule ids (a rule's old and new id on the same day add up; pure). */
export function renameRules(stats: Stats, renames: Record<string, string>): Stats {
  if (!Object.keys(renames).length) return stats;
  const days: Record<string, DayStats> = {};
  for (const [day, d] of Object.entries(stats.days)) {
    const rules: Record<string, RuleCounts> = {};
    for (const [id, c] of Object.entries(d.rules)) {
      const to = renames[id] ?? id;
      const prev = rules[to] ?? zeroRule();
      const reasons = { ...prev.reasons };
      for (const r of DISMISS_REASONS) reasons[r] += c.reasons[r];
      rules[to] = { shown: prev.shown + c.shown, applied: prev.applied + c.applied, dismissed: prev.dismissed + c.dismissed, reasons };
    }
    days[day] = { ...d, rules };
  }
  return { days };
}

/** Drops days older than `keepDays` (pure; returns a new object). */
export function pruneStats(stats: Stats, today: Date, keepDays = KEEP_DAYS): Stats {
  const oldest = daysBefore(today, keepDays - 1);
  return { days: Object.fromEntries(Object.entries(stats.days).filter(([day]) => day >= oldest)) };
}

const count = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);

/**
 * Reads any stored value as Stats: the current shape, or version 1's (fired → shown, ignored → dismissed with
 * no reason given). Version 1 counted popup applies without their findings (the "133 %" rate), so a migrated
 * rule-day is shown at least as often as it was applied or ignored. Junk becomes nothing, never an error.
 */
export function migrateStats(value: unknown): Stats {
  if (!value || typeof value !== 'object') return emptyStats();
  const v = value as Record<string, unknown>;
  const isV2 = 'days' in v && !!v.days && typeof v.days === 'object';
  const days: Record<string, DayStats> = {};
  for (const [day, raw] of Object.entries(isV2 ? (v.days as Record<string, unknown>) : v)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !raw || typeof raw !== 'object') continue;
    days[day] = isV2 ? dayFromV2(raw as Record<string, unknown>) : dayFromV1(raw as StatsV1[string]);
  }
  return { days };
}

function dayFromV1(rules: StatsV1[string]): DayStats {
  const out = zeroDay();
  for (const [ruleId, c] of Object.entries(rules)) {
    if (!c || typeof c !== 'object') continue;
    const applied = count(c.applied);
    const dismissed = count(c.ignored);
    out.rules[ruleId] = { shown: Math.max(count(c.fired), applied + dismissed), applied, dismissed, reasons: { ...zeroReasons(), unspecified: dismissed } };
  }
  return out;
}

function dayFromV2(raw: Record<string, unknown>): DayStats {
  const out = zeroDay();
  out.drafts = count(raw.drafts);
  const mechanisms = (raw.mechanisms ?? {}) as Record<string, unknown>;
  for (const m of MECHANISMS) if (count(mechanisms[m])) out.mechanisms[m] = count(mechanisms[m]);
  for (const [ruleId, c] of Object.entries((raw.rules ?? {}) as Record<string, any>)) {
    if (!c || typeof c !== 'object') continue;
    const reasons = zeroReasons();
    for (const r of DISMISS_REASONS) reasons[r] = count(c.reasons?.[r]);
    out.rules[ruleId] = { shown: count(c.shown), applied: count(c.applied), dismissed: count(c.dismissed), reasons };
  }
  return out;
}

// ---- Summaries for the stats tab (and the team roll-up, which has the same shape) ----

export interface RuleSummary {
  from: string;
  to: string;
  byRule: Record<string, RuleCounts>;
  /** Category = the part of the ruleId before '/'. */
  byCategory: Record<string, RuleCounts>;
  total: RuleCounts;
  drafts: number;
}

/** Totals over the last `days` days, per rule and per category. */
export function summarizeStats(stats: Stats, today: Date, days = 30): RuleSummary {
  const from = daysBefore(today, days - 1);
  const to = dayKey(today);
  const byRule: Record<string, RuleCounts> = {};
  const byCategory: Record<string, RuleCounts> = {};
  const total = zeroRule();
  let drafts = 0;
  for (const [day, d] of Object.entries(stats.days)) {
    if (day < from || day > to) continue;
    drafts += d.drafts;
    for (const [ruleId, c] of Object.entries(d.rules)) {
      const category = ruleId.includes('/') ? ruleId.slice(0, ruleId.indexOf('/')) : ruleId;
      for (const target of [(byRule[ruleId] ??= zeroRule()), (byCategory[category] ??= zeroRule()), total]) addInto(target, c);
    }
  }
  return { from, to, byRule, byCategory, total, drafts };
}

export function addInto(target: RuleCounts, c: RuleCounts): void {
  target.shown += c.shown;
  target.applied += c.applied;
  target.dismissed += c.dismissed;
  for (const r of DISMISS_REASONS) target.reasons[r] += c.reasons[r];
}

/** The rules agents reject most first: by dismissals, then by the share of showings dismissed. */
export function mostDismissed(byRule: Record<string, RuleCounts>): { ruleId: string; counts: RuleCounts }[] {
  const rate = (c: RuleCounts) => (c.shown ? c.dismissed / c.shown : 0);
  return Object.entries(byRule)
    .map(([ruleId, counts]) => ({ ruleId, counts }))
    .sort((a, b) => b.counts.dismissed - a.counts.dismissed || rate(b.counts) - rate(a.counts) || b.counts.shown - a.counts.shown || a.ruleId.localeCompare(b.ruleId));
}

/** `part / whole` as a share in [0, 1]; undefined when there is nothing to divide (no drafts that day). */
export function share(part: number, whole: number): number | undefined {
  return whole > 0 ? Math.min(1, part / whole) : undefined;
}

/** A share as a whole percentage, or an en dash when there is none. */
export function percent(part: number, whole: number): string {
  const s = share(part, whole);
  return s === undefined ? '–' : `${Math.round(s * 100)}%`;
}

export interface DayPoint {
  day: string;
  drafts: number;
  mechanisms: Record<Mechanism, number>;
  /** Sent anyway past the soft check: a draft sent with an unresolved high-severity finding. */
  sentFlagged: number;
}

/** One point per day of the period (zero-filled, oldest first), for the trend charts and the CSV. */
export function dailySeries(stats: Stats, sentFlagged: Record<string, { sent?: number }>, today: Date, days: number): DayPoint[] {
  return dayRange(today, days).map((day) => {
    const d = stats.days[day];
    const mechanisms = Object.fromEntries(MECHANISMS.map((m) => [m, d?.mechanisms[m] ?? 0])) as Record<Mechanism, number>;
    return { day, drafts: d?.drafts ?? 0, mechanisms, sentFlagged: count(sentFlagged[day]?.sent) };
  });
}
