import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
// @ts-expect-error a plain .mjs build helper, without type declarations
import { deferCompromiseVite } from './bin/defer-compromise.mjs';

// WXT builds the Chrome (MV3) and Firefox extensions from entrypoints/.

/** The toolbar and store icon: public/icon/<size>.png, rendered from assets/icon.svg by `npm run icons`. */
const ICONS = Object.fromEntries([16, 32, 48, 128].map((s) => [s, `icon/${s}.png`]));

/** The e2e build (extra host permission, see below) goes to its own folder, never the `.output/` people load. */
const E2E = process.env.ATTUNE_E2E === '1';

export default defineConfig({
  ...(E2E && { outDir: '.cache/e2e/output' }),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Attune',
    description: 'Kind, correct support replies: flags dismissive phrasing and suggests validating alternatives. Runs entirely on your machine.',
    // activeTab: the popup may read the current tab's URL to offer the per-site switch (no install warning).
    icons: ICONS,
    // WXT adds default_popup. Firefox MV2 names it browser_action (WXT's conversion would drop the icon).
    ...(browser === 'firefox'
      ? { browser_action: { default_icon: ICONS, default_title: 'Attune' } }
      : { action: { default_icon: ICONS, default_title: 'Attune' } }),
    permissions: ['storage', 'scripting', 'clipboardWrite', 'activeTab'],
    // Other sites only when the agent turns Attune on for them (generic adapter); never <all_urls> at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The e2e build stands in for the agent's permission grant on the test site (a prompt can't be clicked headless).
    ...(E2E && { host_permissions: ['https://helpdesk.attune.test/*'] }),
    // Organisation layer: an admin can pin a compiled pack through Chrome policy (storage.managed).
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox' && {
      // Firefox MV2 has no optional_host_permissions: hosts go in optional_permissions.
      optional_permissions: ['https://*/*', 'http://*/*'],
      browser_specific_settings: {
        gecko: { id: 'attune@attune.dev', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  // compromise is evaluated when a draft first needs its tagger, not when the service worker wakes.
  // `import.meta.env.ATTUNE_E2E`: the test-only DOM attributes (entrypoints/content/test-attributes.ts) exist
  // only in the e2e build; elsewhere the constant is false and the code is dropped.
  vite: () => ({ plugins: [preact(), deferCompromiseVite()], define: { 'import.meta.env.ATTUNE_E2E': JSON.stringify(E2E) } }),
  // `npm run zip`: the store packages, and for AMO the sources to rebuild them from (not the test bundles and
  // results a local run leaves behind: they are built by the tests and are not the extension's source).
  zip: { excludeSources: ['tests/fixtures/dist/**', 'test-results/**', 'coverage/**', '.cache/**', '.output/**'] },
});
