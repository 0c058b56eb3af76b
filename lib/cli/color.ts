/**
 * Terminal colour, only when stdout is a TTY and NO_COLOR is unset (https://no-color.org).
 */

/** True when colour codes may be written to stdout. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], magenta: [35, 39] } as const;

/** Style helpers: identity functions when colour is off. */
export type Paint = Record<keyof typeof codes, (s: string) => string>;

/** Builds style helpers for the given colour decision. */
export function paint(enabled: boolean): Paint {
  const out = {} as Paint;
  for (const [name, [on, off]] of Object.entries(codes)) {
    out[name as keyof Paint] = enabled ? (s) => `\u001b[${on}m${s}\u001b[${off}m` : (s) => s;
  }
  return out;
}
