/**
 * Errors the CLI reports to the user as a plain message (never a stack trace) with exit code 2.
 */

/** Bad usage or bad input: `message` is one line; `details` (e.g. phrasebank errors) follow it, one per line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes shared by every command (a contract, see docs/design.md). */
export const EXIT = { clean: 0, findings: 1, badInput: 2 } as const;
