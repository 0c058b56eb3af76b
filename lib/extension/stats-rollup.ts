/**
 * Stats exports and the team roll-up (pure). An agent exports their own counts (stats.ts shape, plus the soft
 * check's per-day counts and a random id that says nothing about them, so one agent imported twice is caught);
 * a lead imports several and sees the same charts for the team. Privacy: a team under MIN_GROUP agents shows
 * nothing, and a day on which fewer than MIN_GROUP agents wrote anything is left out of the sums.
 * Imports are all or nothing: any error in any file and no file is used.
 */
import type { SendCheckStats } from './send-check-stats';
import { DISMISS_REASONS, emptyStats, migrateStats, zeroRule, addInto, type DayStats, type Stats } from './stats';
import { MECHANISMS } from '../phrasebank/types';

/** The smallest group whose counts are shown. */
export const MIN_GROUP = 5;
/** Longest export file accepted (a real 90-day export is tens of kilobytes). */
export const MAX_EXPORT_CHARS = 5_000_000;
/** Most days in one export (90 are kept; a little slack for clocks and time zones). */
export const MAX_EXPORT_DAYS = 120;
/** Most rules on one day of an export. */
export const MAX_RULES_PER_DAY = 2000;
/** Largest single count accepted. */
export const MAX_COUNT = 1_000_000;
/** Most files in one team import. */
export const MAX_TEAM_FILES = 500;

export interface StatsExport {
  attuneStats: 1;
  /** Random, made once per browser profile: tells two exports of one agent apart from two agents. */
  agent: string;
  exportedAt: string;
  stats: Stats;
  sendCheck: SendCheckStats;
}

export function buildStatsExport(agent: string, stats: Stats, sendCheck: SendCheckStats, now = new Date()): StatsExport {
  return { attuneStats: 1, agent, exportedAt: now.toISOString(), stats, sendCheck };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RULE_ID = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;
const AGENT_ID = /^[\w-]{8,64}$/;
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isRealDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(d + 'T00:00:00Z')) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d);
const show = (x: unknown) => JSON.stringify(x)?.slice(0, 60) ?? String(x);

/** Parses one export; every problem is named with where it is. Never throws. */
export function parseStatsExport(text: string, name = 'The file'): { value?: StatsExport; errors: string[] } {
  if (text.length > MAX_EXPORT_CHARS) return { errors: [`${name} is ${text.length.toLocaleString('en')} characters; a stats export is at most ${MAX_EXPORT_CHARS.toLocaleString('en')}.`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { errors: [`${name} is not valid JSON (${(e as Error).message}).`] };
  }
  if (!isObject(json) || json.attuneStats !== 1) {
    return { errors: [`${name} is not an Attune stats export: expected {"attuneStats": 1, "agent": …, "stats": {"days": …}}.`] };
  }
  const errors: string[] = [];
  const err = (path: string, what: string) => errors.length < 10 && errors.push(`${name}: ${path} ${what}.`);
  const countAt = (path: string, x: unknown) => {
    if (x === undefined) return;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_COUNT) err(path, `must be a whole number from 0 to ${MAX_COUNT.toLocaleString('en')} (it is ${show(x)})`);
  };
  if (typeof json.agent !== 'string' || !AGENT_ID.test(json.agent)) err('agent', `must be the export's id, 8 to 64 letters, digits or hyphens (it is ${show(json.agent)})`);
  const days = isObject(json.stats) && isObject(json.stats.days) ? json.stats.days : undefined;
  if (!days) err('stats.days', 'is missing: expected {"YYYY-MM-DD": {"drafts", "mechanisms", "rules"}}');
  else {
    const keys = Object.keys(days);
    if (keys.length > MAX_EXPORT_DAYS) err('stats.days', `has ${keys.length.toLocaleString('en')} days; at most ${MAX_EXPORT_DAYS} are accepted`);
    else
      for (const day of keys) {
        const at = `stats.days[${show(day)}]`;
        if (!isRealDay(day)) err(at, 'is not a day like "2026-11-25"');
        const d = days[day];
        if (!isObject(d)) {
          err(at, 'must be {"drafts", "mechanisms", "rules"}');
          continue;
        }
        countAt(`${at}.drafts`, d.drafts);
        if (d.mechanisms !== undefined) {
          if (!isObject(d.mechanisms)) err(`${at}.mechanisms`, 'must be {mechanism: count}');
          else
            for (const [m, n] of Object.entries(d.mechanisms)) {
              if (!MECHANISMS.includes(m as never)) err(`${at}.mechanisms`, `names an unknown mechanism ${show(m)} (known: ${MECHANISMS.join(', ')})`);
              countAt(`${at}.mechanisms[${show(m)}]`, n);
            }
        }
        if (!isObject(d.rules)) {
          err(`${at}.rules`, 'must be {ruleId: counts}');
          continue;
        }
        const rules = Object.entries(d.rules);
        if (rules.length > MAX_RULES_PER_DAY) {
          err(`${at}.rules`, `has ${rules.length.toLocaleString('en')} rules; at most ${MAX_RULES_PER_DAY} are accepted`);
          continue;
        }
        for (const [ruleId, c] of rules) {
          const rat = `${at}.rules[${show(ruleId)}]`;
          if (!RULE_ID.test(ruleId)) err(rat, 'is not a rule id like "invalidating/calm-down"');
          if (!isObject(c)) {
            err(rat, 'must be {"shown", "applied", "dismissed", "reasons"}');
            continue;
          }
          for (const k of ['shown', 'applied', 'dismissed'] as const) countAt(`${rat}.${k}`, c[k]);
          if (c.reasons !== undefined && !isObject(c.reasons)) err(`${rat}.reasons`, 'must be {reason: count}');
          else
            for (const [r, n] of Object.entries(c.reasons ?? {})) {
              if (!DISMISS_REASONS.includes(r as never)) err(`${rat}.reasons`, `names an unknown reason ${show(r)} (known: ${DISMISS_REASONS.join(', ')})`);
              countAt(`${rat}.reasons[${show(r)}]`, n);
            }
        }
      }
  }
  const sendCheck = json.sendCheck ?? {};
  if (!isObject(sendCheck)) err('sendCheck', 'must be {"YYYY-MM-DD": {"shown", "sent", "reviewed"}}');
  else if (Object.keys(sendCheck).length > MAX_EXPORT_DAYS) err('sendCheck', `has more than ${MAX_EXPORT_DAYS} days`);
  else
    for (const [day, c] of Object.entries(sendCheck)) {
      const at = `sendCheck[${show(day)}]`;
      if (!isRealDay(day)) err(at, 'is not a day like "2026-11-25"');
      if (!isObject(c)) err(at, 'must be {"shown", "sent", "reviewed"}');
      else for (const k of ['shown', 'sent', 'reviewed'] as const) countAt(`${at}.${k}`, c[k]);
    }
  if (errors.length) return { errors };
  const checked = sendCheck as SendCheckStats;
  return {
    value: {
      attuneStats: 1,
      agent: json.agent as string,
      exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt.slice(0, 40) : '',
      stats: migrateStats(json.stats),
      sendCheck: Object.fromEntries(Object.entries(checked).map(([d, c]) => [d, { shown: c.shown ?? 0, sent: c.sent ?? 0, reviewed: c.reviewed ?? 0 }])),
    },
    errors: [],
  };
}

/** Parses every file of a team import: all of them, or (with errors) none. */
export function parseStatsExports(files: readonly { name: string; text: string }[]): { exports?: StatsExport[]; errors: string[] } {
  if (files.length > MAX_TEAM_FILES) return { errors: [`${files.length} files chosen; at most ${MAX_TEAM_FILES} are accepted at once.`] };
  const errors: string[] = [];
  const exports: StatsExport[] = [];
  const byAgent = new Map<string, string>();
  for (const f of files) {
    const { value, errors: e } = parseStatsExport(f.text, f.name);
    errors.push(...e);
    if (!value) continue;
    const twin = byAgent.get(value.agent);
    if (twin) errors.push(`${f.name} and ${twin} are exports of the same agent: import each agent's latest export once.`);
    byAgent.set(value.agent, f.name);
    exports.push(value);
  }
  return errors.length ? { errors } : { exports, errors: [] };
}

export type TeamView =
  | { tooSmall: true; agents: number }
  | { tooSmall: false; agents: number; stats: Stats; sendCheck: SendCheckStats; hiddenDays: number };

/** Sums the agents' counts; a team under `minGroup` shows nothing, and so does a day with fewer agents active. */
export function rollUp(exports: readonly StatsExport[], minGroup = MIN_GROUP): TeamView {
  const agents = new Set(exports.map((e) => e.agent)).size;
  if (agents < minGroup) return { tooSmall: true, agents };
  const active = new Map<string, Set<string>>();
  const mark = (day: string, agent: string) => (active.get(day) ?? active.set(day, new Set()).get(day)!).add(agent);
  for (const e of exports) {
    for (const [day, d] of Object.entries(e.stats.days)) if (d.drafts > 0 || Object.keys(d.rules).length) mark(day, e.agent);
    for (const [day, c] of Object.entries(e.sendCheck)) if (c.shown || c.sent || c.reviewed) mark(day, e.agent);
  }
  const shownDays = new Set([...active].filter(([, who]) => who.size >= minGroup).map(([day]) => day));
  const stats = emptyStats();
  const sendCheck: SendCheckStats = {};
  for (const e of exports) {
    for (const [day, d] of Object.entries(e.stats.days)) {
      if (!shownDays.has(day)) continue;
      stats.days[day] = addDay(stats.days[day], d);
    }
    for (const [day, c] of Object.entries(e.sendCheck)) {
      if (!shownDays.has(day)) continue;
      const t = (sendCheck[day] ??= { shown: 0, sent: 0, reviewed: 0 });
      t.shown += c.shown;
      t.sent += c.sent;
      t.reviewed += c.reviewed;
    }
  }
  return { tooSmall: false, agents, stats, sendCheck, hiddenDays: active.size - shownDays.size };
}

function addDay(into: DayStats | undefined, d: DayStats): DayStats {
  const out: DayStats = into ?? { rules: {}, drafts: 0, mechanisms: {} };
  out.drafts += d.drafts;
  for (const m of MECHANISMS) if (d.mechanisms[m]) out.mechanisms[m] = (out.mechanisms[m] ?? 0) + d.mechanisms[m]!;
  for (const [ruleId, c] of Object.entries(d.rules)) addInto((out.rules[ruleId] ??= zeroRule()), c);
  return out;
}
