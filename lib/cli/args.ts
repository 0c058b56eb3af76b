/**
 * A thin wrapper over node's util.parseArgs that turns its errors into friendly usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly for `command`; unknown flags become a CliError with a `--help` hint. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, maxPositionals: number) {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new CliError(`${message.replace(/\.?$/, '.')} Run \`attune ${command} --help\` to see the options.`);
  }
  if (!parsed.values.help && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    throw new CliError(`Unexpected argument: ${extra}. Run \`attune ${command} --help\` for usage.`);
  }
  return parsed;
}

/** Reads a string flag's value, whatever parseArgs typed it as. */
export function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
