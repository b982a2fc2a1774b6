// Settings (storage.sync) and the weekly tally (storage.local), parsed field by field:
// whatever is missing or corrupt falls back to its default, never to an exception; what is
// corrupt is also logged as a warning.
import { CATEGORIES, MAX_PHRASES, MAX_PHRASE_LENGTH, STRICTNESSES, type Category, type Strictness, type Verdict } from './core-types';
import { api } from './browser-api';

export interface Settings {
  strictness: Strictness;
  /** Pause everywhere. */
  paused: boolean;
  /** Hosts the user switched off (supported sites) or on (other sites). */
  sites: Record<string, boolean>;
  /** The writer's own words to flag (product names) and to allow (a brand), from the options page. */
  flagPhrases: string[];
  allowPhrases: string[];
  /** Categories switched off on the options page. */
  disabledCategories: Category[];
  /** The writer's target: at least this many conversations for each pitch posted. */
  targetRatio: number;
}

/** The range a target ratio may take: 1 to 20 conversations per pitch, whole numbers. */
export const TARGET_RATIO = { min: 1, max: 20, default: 4 } as const;

export const DEFAULT_SETTINGS: Settings = {
  strictness: 'balanced', paused: false, sites: {}, flagPhrases: [], allowPhrases: [], disabledCategories: [],
  targetRatio: TARGET_RATIO.default,
};
const SETTINGS_KEYS = ['strictness', 'paused', 'sites', 'flagPhrases', 'allowPhrases', 'disabledCategories', 'targetRatio'] as const;

/** A whole number of conversations per pitch in TARGET_RATIO's range. */
export function isTargetRatio(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= TARGET_RATIO.min && (value as number) <= TARGET_RATIO.max;
}

/**
 * A list of phrases as the core takes them: strings, trimmed, not empty, at most
 * MAX_PHRASE_LENGTH characters, no repeats, at most MAX_PHRASES. What does not fit is
 * dropped and named in `problems`.
 */
export function parsePhrases(raw: unknown, field: string, problems: string[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${field} ${JSON.stringify(raw)?.slice(0, 80)} is not a list of phrases`);
    return [];
  }
  const phrases: string[] = [];
  for (const item of raw) {
    const phrase = typeof item === 'string' ? item.trim() : '';
    if (!phrase || [...phrase].length > MAX_PHRASE_LENGTH) {
      problems.push(`${field} entry ${JSON.stringify(item)?.slice(0, 80)} is not a phrase of 1 to ${MAX_PHRASE_LENGTH} characters`);
    } else if (!phrases.includes(phrase)) {
      phrases.push(phrase);
    }
  }
  if (phrases.length > MAX_PHRASES) problems.push(`${field} has ${phrases.length} phrases; the first ${MAX_PHRASES} are kept`);
  return phrases.slice(0, MAX_PHRASES);
}

function parseCategories(raw: unknown, problems: string[]): Category[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`disabledCategories ${JSON.stringify(raw)?.slice(0, 80)} is not a list of categories`);
    return [];
  }
  const known = raw.filter((c): c is Category => CATEGORIES.includes(c as Category));
  for (const c of raw) if (!known.includes(c as Category)) problems.push(`disabledCategories entry ${JSON.stringify(c)?.slice(0, 80)} is not a category`);
  return CATEGORIES.filter((c) => known.includes(c));
}

/**
 * Parses stored settings field by field. A missing field takes its default quietly; one
 * that is there but unusable takes its default too, with a warning that names it.
 */
export function parseSettings(raw: Record<string, unknown>): Settings {
  const problems: string[] = [];
  let strictness = DEFAULT_SETTINGS.strictness;
  if (STRICTNESSES.includes(raw.strictness as Strictness)) strictness = raw.strictness as Strictness;
  else if (raw.strictness !== undefined) problems.push(`strictness ${JSON.stringify(raw.strictness)} is not one of ${STRICTNESSES.join(', ')}`);
  let paused = DEFAULT_SETTINGS.paused;
  if (typeof raw.paused === 'boolean') paused = raw.paused;
  else if (raw.paused !== undefined) problems.push(`paused ${JSON.stringify(raw.paused)} is not true or false`);
  const sites: Record<string, boolean> = {};
  if (typeof raw.sites === 'object' && raw.sites !== null && !Array.isArray(raw.sites)) {
    for (const [host, on] of Object.entries(raw.sites as Record<string, unknown>)) {
      if (typeof on === 'boolean' && host.length > 0 && host.length < 256) sites[host] = on;
      else problems.push(`sites entry ${JSON.stringify(host)}: ${JSON.stringify(on)} is not true or false for a host name`);
    }
  } else if (raw.sites !== undefined) {
    problems.push(`sites ${JSON.stringify(raw.sites)} is not a map of host names to true or false`);
  }
  const flagPhrases = parsePhrases(raw.flagPhrases, 'flagPhrases', problems);
  const allowPhrases = parsePhrases(raw.allowPhrases, 'allowPhrases', problems);
  const disabledCategories = parseCategories(raw.disabledCategories, problems);
  let targetRatio: number = TARGET_RATIO.default;
  if (isTargetRatio(raw.targetRatio)) targetRatio = raw.targetRatio;
  else if (raw.targetRatio !== undefined) problems.push(`targetRatio ${JSON.stringify(raw.targetRatio)} is not a whole number from ${TARGET_RATIO.min} to ${TARGET_RATIO.max}`);
  if (problems.length > 0) console.warn(`Sociable: stored settings it cannot use were replaced by the defaults: ${problems.join('; ')}`);
  return { strictness, paused, sites, flagPhrases, allowPhrases, disabledCategories, targetRatio };
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await api.storage.sync.get([...SETTINGS_KEYS]));
  } catch (error) {
    console.warn(`Sociable: the settings could not be read, so the defaults apply: ${String(error)}`);
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(change: Partial<Settings>): Promise<void> {
  await api.storage.sync.set(change);
}

/** Calls `listener` with fresh settings whenever any of them changes, until `signal` aborts. */
export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !SETTINGS_KEYS.some((key) => key in changes)) return;
    void loadSettings().then((settings) => signal.aborted || listener(settings));
  };
  api.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => api.storage.onChanged.removeListener(handler), { once: true });
}

/** Whether the extension checks drafts on `host`, given whether the host is supported. */
export function isOnFor(settings: Settings, host: string, supported: boolean): boolean {
  if (settings.paused) return false;
  return settings.sites[host] ?? supported;
}

// ---- tally: counts of posted drafts per verdict, for the current ISO week (`tally`) and
// the weeks before it (`history`, the last HISTORY_WEEKS weeks with the current one);
// counts only, never text ----

export interface Tally {
  week: string;
  conversation: number;
  noRoom: number;
  pitch: number;
}

/** ISO 8601 week, `2026-W48`: the tally resets when it changes. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;

export function parseTally(raw: unknown, week: string): Tally {
  const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (t.week !== week) return { week, conversation: 0, noRoom: 0, pitch: 0 };
  return { week, conversation: count(t.conversation), noRoom: count(t.noRoom), pitch: count(t.pitch) };
}

/** How many weeks the popup's chart shows, this one included. */
export const HISTORY_WEEKS = 8;

/** The ISO weeks of the chart, oldest first, ending with `now`'s. */
export function chartWeeks(now: Date): string[] {
  return Array.from({ length: HISTORY_WEEKS }, (_, i) => isoWeek(new Date(now.getTime() - (HISTORY_WEEKS - 1 - i) * 7 * 86400000)));
}

/**
 * The counts of each chart week, oldest first: stored past weeks (`history`) and this
 * week's `tally`. Weeks outside the chart roll off; anything unreadable counts as an empty
 * week.
 */
export function parseHistory(history: unknown, tally: unknown, now: Date): Tally[] {
  const weeks = chartWeeks(now);
  const entries = Array.isArray(history) ? history : [];
  return weeks.map((week, i) => {
    if (i === weeks.length - 1) return parseTally(tally, week);
    const found = entries.find((e) => typeof e === 'object' && e !== null && (e as Tally).week === week);
    return parseTally(found, week);
  });
}

export async function loadHistory(now = new Date()): Promise<Tally[]> {
  try {
    const { history, tally } = await api.storage.local.get(['history', 'tally']);
    return parseHistory(history, tally, now);
  } catch (error) {
    console.warn(`Sociable: the weekly counts could not be read, so they start from zero: ${String(error)}`);
    return parseHistory(undefined, undefined, now);
  }
}

export async function loadTally(now = new Date()): Promise<Tally> {
  const week = isoWeek(now);
  try {
    const { tally } = await api.storage.local.get('tally');
    return parseTally(tally, week);
  } catch (error) {
    console.warn(`Sociable: the weekly tally could not be read, so it starts from zero: ${String(error)}`);
    return parseTally(undefined, week);
  }
}

export async function addToTally(verdict: Verdict, now = new Date()): Promise<void> {
  const stored = await api.storage.local.get(['tally', 'history']);
  const week = isoWeek(now);
  const tally = parseTally(stored.tally, week);
  // A new week: last week's counts join the history, and weeks past the chart roll off.
  const last = stored.tally as Partial<Tally> | undefined;
  if (last && typeof last.week === 'string' && last.week !== week) {
    const weeks = chartWeeks(now);
    const past = parseHistory(stored.history, undefined, now).slice(0, -1)
      .map((t) => (t.week === last.week ? parseTally(last, t.week) : t))
      .filter((t, i) => weeks[i] === t.week && t.conversation + t.noRoom + t.pitch > 0);
    await api.storage.local.set({ history: past });
  }
  if (verdict === 'conversation') tally.conversation += 1;
  else if (verdict === 'pitch') tally.pitch += 1;
  else tally.noRoom += 1;
  await api.storage.local.set({ tally });
}
