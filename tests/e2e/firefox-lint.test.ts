// The Firefox build must pass Mozilla's add-on linter: no errors, and the only warnings are the
// innerHTML sinks inside bundled libraries (Preact's dangerouslySetInnerHTML path, Readability),
// never in Attune's own code.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/build';

describe('Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const dir = join(ROOT, '.output/firefox-mv2');
    const lint = spawnSync('npx', ['web-ext', 'lint', '-s', dir, '-o', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(lint.stdout) as {
      errors: { code: string; message: string }[];
      warnings: { code: string; file?: string }[];
    };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    for (const w of report.warnings) {
      expect(w.code, JSON.stringify(w)).toBe('UNSAFE_VAR_ASSIGNMENT');
    }
    // Our own source never assigns innerHTML (phrasebank text is always rendered as text).
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.optional_permissions).toEqual(expect.arrayContaining(['https://*/*']));
    expect(manifest.browser_specific_settings.gecko.id).toBe('attune@attune.dev');
    expect(existsSync(join(dir, 'content-scripts/content.js'))).toBe(true);
    // The icon, for the add-ons page and the toolbar button (MV2's browser_action), and the files it names.
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    expect(manifest.browser_action.default_icon).toEqual(manifest.icons);
    for (const file of Object.values(manifest.icons) as string[]) expect(existsSync(join(dir, file)), file).toBe(true);
  });
});
