/** Labels, icons and coaching hints shown for severities and empathy mechanisms (text only, no markup). */
import type { Mechanism, Severity } from '../phrasebank/types';

/** How each severity is shown: a word and an icon as well as a colour, so it never relies on hue alone. */
export const SEVERITY_META: Record<Severity, { label: string; icon: string; order: number }> = {
  high: { label: 'Likely to hurt', icon: '▲', order: 0 },
  medium: { label: 'Could land badly', icon: '◆', order: 1 },
  low: { label: 'Worth a look', icon: '●', order: 2 },
};

/** Each empathy mechanism: its checklist label and a coaching hint for when it is missing. */
export const MECHANISM_META: Record<Mechanism, { label: string; hint: string }> = {
  'emotional-reaction': {
    label: 'Acknowledge the feeling',
    hint: 'Name how this might feel for them, e.g. "I can see why that was frustrating."',
  },
  interpretation: {
    label: 'Reflect their situation',
    hint: 'Say back what you understood, e.g. "So the order arrived, but without the charger."',
  },
  exploration: {
    label: 'Ask or invite more',
    hint: 'Ask one open question, e.g. "What would help most right now?"',
  },
  choice: {
    label: 'Offer a choice',
    hint: 'Give them options, e.g. "I can refund it or send a replacement, whichever suits you."',
  },
  ownership: {
    label: 'Own the next move',
    hint: 'Say what you will do: "I\'ll check this with billing" rather than "we will look into it".',
  },
  'next-steps': {
    label: 'Give a clear next step',
    hint: 'Tell them what happens next and when, e.g. "You\'ll hear from me by Thursday."',
  },
  appreciation: {
    label: 'Appreciate them',
    hint: 'Thank them for something specific, e.g. "Thanks for sending the screenshot."',
  },
};

/** Sorts findings high → low severity, then by position. */
export function bySeverity<T extends { severity: Severity; start: number }>(a: T, b: T): number {
  return SEVERITY_META[a.severity].order - SEVERITY_META[b.severity].order || a.start - b.start;
}
