/**
 * The `attune` command: `npm run -s attune -- <command>` (see `attune --help`). The commands are in
 * dispatch.ts; bin/attune.mjs usually starts them from a V8 start-up snapshot instead (snapshot.ts).
 */
import { runCli } from './dispatch';

runCli(process.argv.slice(2));
