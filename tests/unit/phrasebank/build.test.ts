import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const build = (src: string, out: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'lib/phrasebank/build.ts'), src, out], { cwd: root, encoding: 'utf8' });

describe('phrasebank build script', () => {
  it('writes a module exporting the compiled phrasebank', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'attune-build-')), 'bundled.generated.ts');
    const r = build(fixture('good'), out);
    expect(r.status, r.stderr).toBe(0);
    const body = readFileSync(out, 'utf8');
    expect(body).toContain('export default phrasebank');
    expect(body).toContain('"invalidating/calm-down"');
  }, 60_000);

  it('prints file:line: entry: message and writes nothing when the phrasebank is broken', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'attune-build-')), 'bundled.generated.ts');
    const r = build(fixture('broken'), out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^invalidating\.yml:13: bad-severity: severity "severe" must be high, medium or low/m);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
