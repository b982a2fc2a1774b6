// The popup: strictness, on/off for the current site, pause, this week's tally, and the
// way to the options page.
// Every change is saved at once; open tabs follow through storage.onChanged.
import type { Strictness } from '../core-types';
import { api } from '../browser-api';
import { adapterFor } from '../content/adapters';
import { originPattern } from '../optional-sites';
import { isOnFor, isTargetRatio, loadHistory, loadSettings, saveSettings, type Tally } from '../settings';
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

  const weeks = await loadHistory();
  const tally = weeks[weeks.length - 1];
  $('tally-conversation').textContent = String(tally.conversation);
  $('tally-pitch').textContent = String(tally.pitch);
  $('tally-no-room').textContent = String(tally.noRoom);
  const target = $<HTMLInputElement>('target-ratio');
  if (document.activeElement !== target) target.value = String(settings.targetRatio);
  chart(weeks);
  standing(tally, settings.targetRatio);
}

/** Conversations and pitches per week as bars, the tallest week full height; counts only. */
function chart(weeks: Tally[]): void {
  const most = Math.max(1, ...weeks.flatMap((w) => [w.conversation, w.pitch]));
  const columns = weeks.map((w, i) => {
    const column = document.createElement('div');
    column.className = 'week';
    Object.assign(column.dataset, { week: w.week, conversation: String(w.conversation), pitch: String(w.pitch) });
    if (i === weeks.length - 1) column.dataset.current = '';
    column.title = t('popupWeekTitle', w.week, w.conversation, w.pitch);
    const bars = document.createElement('div');
    bars.className = 'bars';
    for (const [kind, value] of [['talk', w.conversation], ['pitch', w.pitch]] as const) {
      const bar = document.createElement('div');
      bar.className = `bar ${kind}`;
      bar.style.height = `${(100 * value) / most}%`;
      bars.append(bar);
    }
    const label = document.createElement('span');
    label.textContent = w.week.slice(w.week.indexOf('W'));
    column.append(bars, label);
    return column;
  });
  const box = $('chart');
  box.replaceChildren(...columns);
  box.setAttribute('aria-label', weeks.map((w) => t('popupWeekTitle', w.week, w.conversation, w.pitch)).join('; '));
}

/** This week's conversations per pitch against the writer's target. */
function standing(week: Tally, target: number): void {
  const el = $('standing');
  if (week.pitch === 0) {
    el.dataset.state = week.conversation > 0 ? 'on' : 'none';
    el.textContent = t(week.conversation > 0 ? 'popupStandingNoPitch' : 'popupStandingNothing', target);
    return;
  }
  const ratio = week.conversation / week.pitch;
  el.dataset.state = ratio >= target ? 'on' : 'below';
  el.textContent = t(ratio >= target ? 'popupStandingOn' : 'popupStandingBelow', ratio.toFixed(1).replace(/\.0$/, ''), target);
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

$('target-ratio').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const value = Number(input.value);
  if (isTargetRatio(value)) await saveSettings({ targetRatio: value });
  await render();
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
