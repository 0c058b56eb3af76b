/**
 * The `attune` command's dispatcher, shared by the plain entry (main.ts) and the start-up snapshot's
 * (snapshot.ts). Every failure is a one-line message on stderr and exit code 2, never a stack trace;
 * the exit code is set rather than forced so piped output is never cut short.
 */
import { CliError, EXIT } from './errors';

export const MAIN_HELP = `Usage: attune <command> [options]

Commands:
  check [FILE]              Check one draft reply (stdin when no FILE); --format json for a
                            Report; --jsonl for one {"id","text","customer"?} per line.
  phrasebank test [PATH]    Run every rule's examples (default: phrasebank/).
  phrasebank pack [PATH]    Compile a phrasebank into a JSON pack for the options page.
  phrasebank catalogue      Print (or --write into README.md) the phrasebank catalogue.
  audit FILE.csv --column NAME [--out report.html]
                            Findings per category and rule over many replies.

Options for check and audit: --phrasebank PATH (a .yml file, a folder, or a compiled .json pack).
Run \`attune <command> --help\` for details.

Exit codes: 0 no findings, 1 findings, 2 bad usage or bad input (message on stderr).
`;

/** Dispatches to a command and resolves to its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Commands load lazily: the NLP engine takes a while to load, and --help or a typo shouldn't wait for it.
      case 'check':
        return await (await import('./check')).checkCommand(rest);
      case 'phrasebank':
        return await (await import('./phrasebank-command')).phrasebankCommand(rest);
      case 'audit':
        return await (await import('./audit')).auditCommand(rest);
      case undefined:
        process.stderr.write(MAIN_HELP);
        return EXIT.badInput;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(MAIN_HELP);
        return EXIT.clean;
      default:
        throw new CliError(`Unknown command "${command}"; the commands are check, phrasebank and audit (see \`attune --help\`).`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`attune: ${err.message}\n${err.details.map((d) => `  ${d}\n`).join('')}`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`attune: something went wrong: ${message.split('\n')[0]}\n`);
    if (process.env.ATTUNE_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT.badInput;
  }
}

/** Runs the command line `argv` in this process (sets the exit code; never exits). */
export function runCli(argv: string[]): void {
  // Quietly stop when the reader of a pipe goes away (`attune check --jsonl … | head`).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exitCode ??= 0;
    else throw err;
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
