/**
 * The recipes in README ("Add a helpdesk", "Add an editor"), checked the way refined-github's
 * build/features.test.ts checks its features: every file under lib/sites that defines a site is registered,
 * and each site has its Manual test and Evidence blocks, an evidence summary and a fixture page; every editor
 * family is in the bridge registry, has its fixture, and is in the shared e2e editor contract.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sites } from '../../../lib/sites';
import { BRIDGE_FACTORIES } from '../../../lib/editors';
import { CONTRACT_CHECKS, CORE_CHECKS, EDITOR_FIXTURES } from '../../e2e/editor-fixtures';

const SITES = 'lib/sites';
const siteFiles = readdirSync(SITES).filter((f) => f.endsWith('.ts') && readFileSync(`${SITES}/${f}`, 'utf8').includes('defineSite({'));
const header = (file: string) => readFileSync(file, 'utf8').split('*/')[0];

describe('Add a helpdesk: every site file', () => {
  it('is found (the check below has something to check)', () => {
    expect(siteFiles.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of siteFiles) {
    const id = file.replace(/\.ts$/, '');
    const site = sites.find((s) => s.id === id);
    it(`${file}: is registered in lib/sites/index.ts under its file name`, () => {
      expect(site, `add ${id} to \`sites\` in lib/sites/index.ts (its id must be the file name)`).toBeDefined();
    });
    it(`${file}: its doc comment has a "Manual test:" and an "Evidence" block`, () => {
      expect(header(`${SITES}/${file}`)).toMatch(/\n \* Manual test: \S/);
      expect(header(`${SITES}/${file}`)).toMatch(/\n \* Evidence\b/);
    });
    it(`${file}: names its evidence and a fixture page that exists`, () => {
      if (!site) return;
      expect(site.evidence.trim().length).toBeGreaterThan(20);
      const host = new URL(site.fixture.url).hostname;
      expect(existsSync(`tests/fixtures/hosts/${host}/index.html`), `tests/fixtures/hosts/${host}/index.html`).toBe(true);
      expect(site.exampleUrls.length).toBeGreaterThan(0);
      expect(BRIDGE_FACTORIES.map((f) => f.kind)).toContain(site.fixture.editor);
    });
  }
  it('no registered site lacks a file', () => {
    expect(sites.map((s) => `${s.id}.ts`).filter((f) => !siteFiles.includes(f))).toEqual([]);
  });
});

describe('Add an editor: every editor family', () => {
  const files = readdirSync('lib/editors').filter((f) => f.endsWith('.ts'));
  const familyFiles = files.filter((f) => /export const \w+: BridgeFactory = \{/.test(readFileSync(`lib/editors/${f}`, 'utf8')));
  const kinds = BRIDGE_FACTORIES.map((f) => f.kind);
  // The e2e editor contract's pages, listed once (tests/e2e/editor-fixtures.ts; tests/e2e/editors.test.ts runs them).
  const contract = EDITOR_FIXTURES.map((f) => f.family);
  it('is found', () => {
    expect(familyFiles.length).toBeGreaterThanOrEqual(8);
    expect(contract.length).toBeGreaterThanOrEqual(8);
  });
  for (const file of familyFiles) {
    const kind = file.replace(/\.ts$/, '');
    it(`${file}: is in BRIDGE_FACTORIES (lib/editors/index.ts) under its file name`, () => {
      expect(kinds, `add ${kind} to BRIDGE_FACTORIES`).toContain(kind);
    });
  }
  for (const kind of kinds) {
    it(`${kind}: has a fixture editor and page, and is in the shared e2e editor contract`, () => {
      expect(existsSync(`tests/fixtures/editors/${kind}.ts`), `tests/fixtures/editors/${kind}.ts`).toBe(true);
      expect(existsSync(`tests/fixtures/hosts/helpdesk.attune.test/editors/${kind}.html`)).toBe(true);
      expect(contract, `add a page for '${kind}' to EDITOR_FIXTURES in tests/e2e/editor-fixtures.ts`).toContain(kind);
    });
  }
  for (const { page } of EDITOR_FIXTURES) {
    it(`e2e page ${page}: has its fixture editor and page`, () => {
      expect(existsSync(`tests/fixtures/editors/${page}.ts`), `tests/fixtures/editors/${page}.ts`).toBe(true);
      expect(existsSync(`tests/fixtures/hosts/helpdesk.attune.test/editors/${page}.html`)).toBe(true);
    });
  }
});

describe('Add an editor: every page runs the shared contract', () => {
  // Read as text: the e2e files need the browser harness, which a unit test does not load.
  const spec = readFileSync('tests/e2e/editors.test.ts', 'utf8');
  const contract = readFileSync('tests/e2e/editor-contract.ts', 'utf8');
  const registered = [...contract.matchAll(/\bcheck\('([\w-]+)'/g)].map((m) => m[1]);
  it('tests/e2e/editors.test.ts runs editorContract on every page of EDITOR_FIXTURES', () => {
    expect(spec).toMatch(/for \(const \{ page \} of EDITOR_FIXTURES\) editorContract\(page\);/);
  });
  it('the contract registers each of CONTRACT_CHECKS exactly once, and nothing else', () => {
    expect([...registered].sort()).toEqual([...CONTRACT_CHECKS].sort());
  });
  it('no other e2e file keeps a contract of its own (a per-suite list of editor pages)', () => {
    const others = readdirSync('tests/e2e').filter((f) => f.endsWith('.test.ts') && f !== 'editors.test.ts');
    expect(others.filter((f) => /\bpagesOf\(|describe\.each\(EDITOR_FIXTURES|editorContract\(/.test(readFileSync(`tests/e2e/${f}`, 'utf8')))).toEqual([]);
  });
  for (const f of EDITOR_FIXTURES) {
    it(`e2e page ${f.page}: has its DOM lookup for an isolated world and its declared undo`, () => {
      expect(f.editable).toMatch(/document\.querySelector\(/);
      expect(['execCommand', 'keydown', 'beforeinput']).toContain(f.declaredUndo);
    });
    it(`e2e page ${f.page}: skips only known non-core checks, each with its reason`, () => {
      for (const [name, reason] of Object.entries(f.skip ?? {})) {
        expect(CONTRACT_CHECKS as readonly string[], `${f.page} skips an unknown check`).toContain(name);
        expect(CORE_CHECKS as readonly string[], `${f.page} may not skip the core check ${name}`).not.toContain(name);
        expect((reason ?? '').length, `${f.page}: say why ${name} is skipped`).toBeGreaterThan(30);
      }
      for (const reason of [f.noDomRanges, f.oneKeyTyping, f.keepsCaret]) if (reason !== undefined) expect(reason.length).toBeGreaterThan(30);
    });
  }
});
