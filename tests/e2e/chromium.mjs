// Debian's Chromium with the unpacked extension, through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launchChromium(dist, server) {
  const profile = mkdtempSync(join(tmpdir(), 'sociable-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--ignore-certificate-errors',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      // The social hosts resolve to the local test server, so the extension's own
      // content-script matches apply unchanged.
      `--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
    viewport: { width: 1100, height: 800 },
    ignoreHTTPSErrors: true,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return {
    dist,
    context,
    worker,
    extensionId,
    pageUrl: (host, path) => `https://${host}:${server.httpsPort}/${path}`,
    /** How many drafts the tally has counted as sent. */
    sentCount: async () => {
      const { tally = {} } = await worker.evaluate(() => chrome.storage.local.get('tally'));
      return (tally.conversation ?? 0) + (tally.noRoom ?? 0) + (tally.pitch ?? 0);
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
