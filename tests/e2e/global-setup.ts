/**
 * Vitest globalSetup for the e2e project: build the fixture bundles and the extension (ATTUNE_E2E=1,
 * chrome-mv3, into .cache/e2e/output), make a self-signed certificate, start the dual-protocol server that stands in for every
 * host, and `provide()` its port and paths to the tests (read them with `harnessConfig()` in harness.ts).
 * `ATTUNE_E2E_NOBUILD=1` skips the extension build (reuses the last one).
 */
import type { TestProject } from 'vitest/node';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures, ROOT } from '../fixtures/build';
import { startServer, fixtureHosts, type RunningServer } from './server';

/** What global setup hands to the tests. */
export interface HarnessConfig {
  root: string;
  /** The server's port: every hostname maps to 127.0.0.1:port in Chromium. */
  port: number;
  /** The unpacked chrome-mv3 extension to load. */
  extensionPath: string;
  screenshotsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    attuneHarness: HarnessConfig;
  }
}

const CACHE = join(ROOT, '.cache/e2e');

/**
 * Where `ATTUNE_E2E=1 wxt build` writes (wxt.config.ts): never `.output/`, the folder README tells people to load,
 * because the e2e build grants itself a host permission the real one asks for.
 */
export const E2E_OUTPUT = join(CACHE, 'output/chrome-mv3');

/** Build the e2e extension into E2E_OUTPUT and snapshot it (so a parallel e2e build can't swap it mid-run). */
export function buildExtension(): string {
  const snapshot = join(CACHE, 'chrome-mv3');
  const output = E2E_OUTPUT;
  if (process.env.ATTUNE_E2E_NOBUILD === '1') return existsSync(snapshot) ? snapshot : output;
  const t0 = Date.now();
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, ATTUNE_E2E: '1' }, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`ATTUNE_E2E=1 wxt build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(output, snapshot, { recursive: true });
  console.log(`[e2e] extension built in ${Date.now() - t0} ms`);
  return snapshot;
}

/** A self-signed certificate with SANs for every fixture host (Chromium also gets --ignore-certificate-errors). */
export function makeCertificate(): { key: string; cert: string } {
  const dir = join(CACHE, 'cert');
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const sans = [...fixtureHosts(ROOT)].map((h) => `DNS:${h}`).concat('DNS:localhost', 'IP:127.0.0.1').join(',');
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=attune-e2e', '-addext', `subjectAltName=${sans}`, '-keyout', keyFile, '-out', certFile,
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

/** Everything global setup does, reusable outside Vitest (e.g. `npm run demo`). */
export async function startE2EEnvironment(opts: { buildExtension?: boolean } = {}): Promise<{ config: HarnessConfig; server: RunningServer }> {
  const fixtures = await buildFixtures(ROOT);
  console.log(`[e2e] ${fixtures.outputs.length} fixture bundles built in ${fixtures.ms} ms`);
  const extensionPath = opts.buildExtension === false ? E2E_OUTPUT : buildExtension();
  const server = await startServer({ root: ROOT, ...makeCertificate() });
  const screenshotsDir = join(ROOT, 'test-results/screenshots');
  mkdirSync(screenshotsDir, { recursive: true });
  return { config: { root: ROOT, port: server.port, extensionPath, screenshotsDir }, server };
}

/** Vitest entry: set up, provide the config, return the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { config, server } = await startE2EEnvironment();
  project.provide('attuneHarness', config);
  return () => server.close();
}
