/**
 * The agent's and team's settings, in extension storage (never draft text).
 * Owned by the options/popup work; the content script and background read them.
 */
import { storage } from '#imports';
import type { CompiledPhrasebank } from '../phrasebank/types';

export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** ruleIds turned off ("turn off this rule"). */
  disabledRules: string[];
  /** "Ignore this phrase on this site": lower-cased phrase per hostname. */
  ignoredPhrases: { host: string; phrase: string }[];
  /** Supported helpdesks the agent switched off (hostnames). */
  disabledHosts: string[];
  /** Other sites the agent switched on for the generic adapter (origins, e.g. https://support.acme.com). */
  enabledOrigins: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledRules: [],
  ignoredPhrases: [],
  disabledHosts: [],
  enabledOrigins: [],
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** A phrasebank pack a team lead imported (already validated and compiled). */
export interface ImportedPack {
  name: string;
  layer: 'organisation' | 'team' | 'personal';
  importedAt: string;
  phrasebank: CompiledPhrasebank;
}
export const packsItem = storage.defineItem<ImportedPack[]>('local:packs', { fallback: [], version: 1 });

/** Counts only: { 'YYYY-MM-DD': { ruleId: { fired, applied, ignored } } }. */
export type Stats = Record<string, Record<string, { fired: number; applied: number; ignored: number }>>;
export const statsItem = storage.defineItem<Stats>('local:stats', { fallback: {}, version: 1 });
