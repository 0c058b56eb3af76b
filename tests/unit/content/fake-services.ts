/** A fake PageServices for the page layer's unit tests: `analyze` flags "calm down" wherever it occurs. */
import type { AnalyzeResponse } from '../../../lib/extension/messages';
import type { Finding } from '../../../lib/analysis/types';
import type { StatEvent } from '../../../lib/extension/stats';
import type { Settings } from '../../../lib/extension/settings';
import type { PageServices } from '../../../entrypoints/content/services';

export function calmDownFinding(text: string, start: number): Finding {
  return {
    ruleId: 'invalidating/calm-down',
    category: 'invalidating',
    severity: 'high',
    start,
    end: start + 'calm down'.length,
    text: text.slice(start, start + 'calm down'.length),
    message: 'Telling someone to calm down dismisses the feeling.',
    suggestions: ['I understand this is frustrating'],
    fixes: [{ start, end: start + 'calm down'.length, text: 'I understand this is frustrating' }],
  };
}

export function fakeServices(settings: Partial<Settings> = {}) {
  const calls = { analyze: [] as { composerId: string; text: string; customer?: string }[], stats: [] as StatEvent[], forgotten: [] as string[] };
  const services: PageServices = {
    async analyze(req) {
      calls.analyze.push({ composerId: req.composerId, text: req.text, customer: req.context?.customer });
      const findings = [...req.text.matchAll(/calm down/gi)].map((m) => calmDownFinding(req.text, m.index!));
      const response: AnalyzeResponse = { findings, signals: [], coaching: [], titles: { invalidating: 'Invalidating' } };
      return response;
    },
    forget: (id) => void calls.forgotten.push(id),
    stat: (events) => void calls.stats.push(...events),
    sendCheckStat: () => {},
    warm: () => {},
    settings: {
      get: async () => ({ enabled: true, disabledHosts: [], sendCheckHosts: [], ...settings }) as Settings,
      watch: () => () => {},
      ignorePhrase: async () => undefined,
      disableRule: async () => undefined,
      locks: async () => ({ categories: [], rules: [] }),
      sendCheckPolicy: async () => [],
      watchSendCheckPolicy: () => () => {},
    },
    answer: () => () => {},
  };
  return { services, calls };
}
