// The popup: strictness, on/off for the current site, pause, this week's tally, and the
// way to the options page.
// Every change is saved at once; open tabs follow through storage.onChanged.
import type { Strictness } from '../core-types';
import { api } from '../browser-api';
import { adapterFor } from '../content/adapters';
import { originPattern } from '../optional-sites';
import { isOnFor, loadSettings, loadTally, saveSettings } from '../settings';
import { localize, t } from '../i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function currentHost(): Promise<{ host: string; url: string } | undefined> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? { host: url.hostname, url: url.href } : undefined;
  } catch {
    return undefined;
  }
}

async function render(): Promise<void> {
  const settings = await loadSettings();
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="strictness"]')) {
    input.checked = input.value === settings.strictness;
  }
  showHint(settings.strictness);
  $<HTMLInputElement>('paused').checked = settings.paused;

  const site = await currentHost();
  $('site-none').hidden = site !== undefined;
  const siteOn = $<HTMLInputElement>('site-on');
  siteOn.parentElement!.hidden = site === undefined;
  $('site-grant').hidden = true;
  if (site) {
    $('site-label').textContent = t('popupSiteOn', site.host);
    const supported = adapterFor(site.host) !== undefined;
    const pattern = originPattern(site.url);
    const granted = supported || (pattern !== undefined
      && await api.permissions.contains({ origins: [pattern], permissions: ['scripting'] }));
    siteOn.checked = isOnFor({ ...settings, paused: false }, site.host, supported) && granted;
    siteOn.disabled = settings.paused;
    if (!granted) {
      siteOn.parentElement!.hidden = true;
      $('site-grant').hidden = false;
    }
  }

  const tally = await loadTally();
  $('tally-conversation').textContent = String(tally.conversation);
  $('tally-pitch').textContent = String(tally.pitch);
  $('tally-no-room').textContent = String(tally.noRoom);
}

const HINT = { relaxed: 'strictnessRelaxedHint', balanced: 'strictnessBalancedHint', strict: 'strictnessStrictHint' } as const;

function showHint(strictness: Strictness): void {
  $('strictness-hint').textContent = t(HINT[strictness]);
}

$('strictness').addEventListener('change', (event) => {
  const value = (event.target as HTMLInputElement).value as Strictness;
  showHint(value);
  void saveSettings({ strictness: value });
});

$('open-options').addEventListener('click', () => {
  void api.runtime.openOptionsPage().then(() => window.close());
});

$('paused').addEventListener('change', async (event) => {
  await saveSettings({ paused: (event.target as HTMLInputElement).checked });
  await render();
});

$('site-on').addEventListener('change', async (event) => {
  const site = await currentHost();
  if (!site) return;
  const settings = await loadSettings();
  const sites = { ...settings.sites, [site.host]: (event.target as HTMLInputElement).checked };
  await saveSettings({ sites });
});

$('site-grant').addEventListener('click', async () => {
  const site = await currentHost();
  const pattern = site && originPattern(site.url);
  if (!site || !pattern) return;
  // Must run straight from the click: browsers only prompt inside a user gesture.
  const granted = await api.permissions.request({ origins: [pattern], permissions: ['scripting'] });
  if (granted) {
    const settings = await loadSettings();
    await saveSettings({ sites: { ...settings.sites, [site.host]: true } });
  }
  await render();
});

localize(document);
void render();
