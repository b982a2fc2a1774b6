// firefox-esr through geckodriver, spoken to over WebDriver HTTP with plain fetch.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The add-on's internal UUID, fixed so tests can open its pages (moz-extension://…/popup.html)
 * and read its storage there: the tally, as the popup does.
 */
export const ADDON_UUID = '5a0c1ab1-e000-4e5e-9000-50c1ab1e0010';
const ADDON_ID = 'sociable@sociable.dev';

export class Firefox {
  static async launch(dist, server) {
    const port = await freePort();
    const driver = spawn(join(homedir(), '.cargo', 'bin', 'geckodriver'), ['--port', String(port), '--log', 'error', '--allow-system-access'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    driver.stderr.on('data', (d) => { stderr += d; });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/status`)).ok) break;
      } catch {
        if (i > 100) throw new Error(`geckodriver did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const firefox = new Firefox(base, driver);
    const session = await firefox.send('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          // The test server's certificate is self-signed.
          acceptInsecureCerts: true,
          'moz:firefoxOptions': {
            binary: '/usr/bin/firefox-esr',
            args: ['-headless', '-width', '1100', '-height', '800'],
            // Release builds honour services.settings.server only with this set.
            env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
            prefs: {
              'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
              // The social hosts reach the local test server: it acts as the HTTP proxy.
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': server.port,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': server.port,
              'network.proxy.no_proxies_on': '',
              'network.proxy.allow_hijacking_localhost': true,
              'dom.security.https_first': false,
              'dom.security.https_only_mode': false,
              // Keep Firefox itself quiet on the network, so every request left is the page's
              // or the add-on's (Playwright points remote settings at a dummy the same way).
              'services.settings.server': 'data:,#remote-settings-dummy/v1',
              'browser.newtabpage.enabled': false,
              'security.remote_settings.crlite_filters.enabled': false,
              'security.remote_settings.intermediates.enabled': false,
              'services.settings.poll_interval': 86400,
              'browser.region.network.url': '',
              'browser.region.update.enabled': false,
              'browser.safebrowsing.downloads.enabled': false,
              'browser.safebrowsing.blockedURIs.enabled': false,
              'browser.safebrowsing.provider.mozilla.updateURL': '',
              'browser.topsites.contile.enabled': false,
              'extensions.blocklist.enabled': false,
              'privacy.query_stripping.enabled': false,
              'messaging-system.rsexperimentloader.enabled': false,
              'browser.search.update': false,
              'app.normandy.enabled': false,
              'dom.push.connection.enabled': false,
              'network.trr.mode': 5,
              'browser.startup.homepage_override.mstone': 'ignore',
              'extensions.update.enabled': false,
              'extensions.systemAddon.update.enabled': false,
              'browser.ping-centre.telemetry': false,
              'network.dns.disablePrefetch': true,
              'network.prefetch-next': false,
              'app.update.enabled': false,
              'browser.safebrowsing.malware.enabled': false,
              'browser.safebrowsing.phishing.enabled': false,
              'extensions.getAddons.cache.enabled': false,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
              'datareporting.policy.dataSubmissionEnabled': false,
              'toolkit.telemetry.enabled': false,
            },
          },
        },
      },
    });
    firefox.session = session.sessionId;
    await firefox.send('POST', `/session/${firefox.session}/moz/addon/install`, { path: dist, temporary: true });
    return firefox;
  }

  constructor(base, driver) {
    this.base = base;
    this.driver = driver;
    this.session = '';
  }

  async send(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  cmd(method, path, body) {
    return this.send(method, `/session/${this.session}${path}`, body);
  }

  /**
   * Runs `fn(arg)` in the add-on's popup page, open in a second tab, then comes back to the
   * test's tab. WebDriver may not navigate to moz-extension:// pages, so the tab is opened
   * once from the browser's chrome (geckodriver runs with --allow-system-access for this).
   */
  async inAddon(fn, arg) {
    if (!this.tabs) {
      const [page] = await this.cmd('GET', '/window/handles');
      await this.cmd('POST', '/moz/context', { context: 'chrome' });
      try {
        await this.cmd('POST', '/execute/sync', {
          script: 'gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });',
          args: [`moz-extension://${ADDON_UUID}/popup.html`],
        });
      } finally {
        await this.cmd('POST', '/moz/context', { context: 'content' });
      }
      const addon = (await this.cmd('GET', '/window/handles')).find((h) => h !== page);
      this.tabs = { page, addon };
    }
    await this.cmd('POST', '/window', { handle: this.tabs.addon });
    try {
      for (let i = 0; ; i += 1) {
        try {
          return await this.evaluate(fn, arg);
        } catch (error) {
          if (i > 40) throw error; // the page may still be loading
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } finally {
      await this.cmd('POST', '/window', { handle: this.tabs.page });
    }
  }

  /** How many drafts the tally has counted as sent, read from the add-on's storage. */
  async sentCount() {
    const tally = await this.inAddon(() => browser.storage.local.get('tally').then((l) => l.tally ?? {}));
    return (tally.conversation ?? 0) + (tally.noRoom ?? 0) + (tally.pitch ?? 0);
  }

  goto(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Runs `fn(arg)` in the page, like Playwright's page.evaluate. */
  evaluate(fn, arg) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] });
  }

  /** Real keystrokes; "\n" is Enter. */
  async type(text) {
    const actions = [];
    for (const ch of text) {
      const value = ch === '\n' ? '\uE007' : ch;
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  async pressCtrl(key) {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [
        { type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: key },
        { type: 'keyUp', value: key }, { type: 'keyUp', value: '\uE009' },
      ] }],
    });
  }

  async click(x, y) {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ] }],
    });
    await this.cmd('DELETE', '/actions');
  }

  async clickSelector(selector) {
    const at = await this.evaluate((s) => {
      // In the page or in an open shadow root.
      const find = (root) => root.querySelector(s)
        ?? [...root.querySelectorAll('*')].reduce((found, el) => found ?? (el.shadowRoot && find(el.shadowRoot)), null);
      const r = find(document)?.getBoundingClientRect();
      return r ? { x: r.left + Math.min(20, r.width / 2), y: r.top + Math.min(12, r.height / 2) } : null;
    }, selector);
    if (!at) throw new Error(`no ${selector}`);
    await this.click(at.x, at.y);
  }

  async close() {
    try {
      await this.send('DELETE', `/session/${this.session}`);
    } finally {
      this.driver.kill();
    }
  }
}
