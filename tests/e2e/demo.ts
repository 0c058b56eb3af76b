/**
 * `npm run demo`: build the extension and the fixtures, start the fixture server, and open Chromium with
 * Attune on the Zendesk fixture with a dismissive draft typed in (headed when a display is available).
 * `npm run demo -- --headless --screenshot FILE` does it headless and saves a screenshot with the draft
 * underlined and the suggestion card open. `--host HOST` picks another helpdesk fixture.
 */
import { resolve } from 'node:path';
import { startE2EEnvironment } from './global-setup';
import { fixtureUrl, focusEditorEnd, launchBrowser, setHarnessConfig, waitForFixture } from './harness';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const DRAFT = "Please calm down, as I already said that's our policy.";

async function main() {
  const shot = value('--screenshot');
  const host = value('--host') ?? 'acme.zendesk.com';
  const headless = flag('--headless') || !!shot || !process.env.DISPLAY;
  if (!flag('--headless') && !shot && !process.env.DISPLAY) console.log('No display found: running headless (try `xvfb-run -a npm run demo`).');
  const { config, server } = await startE2EEnvironment();
  setHarnessConfig(config);
  const browser = await launchBrowser({ headless, viewport: { width: 1200, height: 820 } });
  const page = await browser.context.newPage();
  await page.goto(fixtureUrl(host, host === 'acme.zendesk.com' ? '/agent/tickets/1234' : '/'));
  await waitForFixture(page);
  await focusEditorEnd(page);
  await page.keyboard.type(DRAFT, { delay: 15 });
  await page.waitForFunction(() => JSON.parse(document.querySelector('attune-ui')?.getAttribute('data-attune-findings') ?? '[]').length > 0, undefined, { timeout: 10_000 });
  await page.keyboard.press('Alt+Shift+A');
  await page.waitForFunction(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="dialog"]'), undefined, { timeout: 5_000 });
  const findings = JSON.parse((await page.locator('attune-ui').getAttribute('data-attune-findings')) ?? '[]') as { ruleId: string; text: string }[];
  console.log(`Attune flagged: ${findings.map((f) => `"${f.text}" (${f.ruleId})`).join(', ')}`);
  if (shot) {
    await page.screenshot({ path: resolve(shot) });
    console.log(`Screenshot saved to ${resolve(shot)}`);
  }
  if (headless) {
    await browser.close();
    await server.close();
    return;
  }
  console.log('Chromium is open with Attune on the Zendesk fixture. Press Ctrl+C to quit.');
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
