// Every string shown to people comes from _locales/<language>/messages.json through the
// browser's i18n API, so the extension can be translated. Pages without that API (the
// playground, which reuses the overlay) read the English file, bundled, the same way.
import english from '../_locales/en/messages.json';

export type MessageKey = keyof typeof english;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

type I18n = { getMessage(key: string, substitutions?: string[]): string };
const browserI18n: I18n | undefined =
  (globalThis as { browser?: { i18n?: I18n } }).browser?.i18n ?? (globalThis as { chrome?: { i18n?: I18n } }).chrome?.i18n;

/** The message `key` in the browser's language, with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const args = substitutions.map(String);
  try {
    const found = browserI18n?.getMessage(key, args);
    if (found) return found;
  } catch {
    // Not an extension page: fall through to the bundled English.
  }
  return format(english[key] as Entry, args);
}

/** The i18n API's own substitution rules: `$NAME$` placeholders, `$1`…`$9`, `$$` for `$`. */
function format(entry: Entry, args: string[]): string {
  const numbered = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\d)|\$\$/g, (all: string, name?: string, n?: string) => {
    if (name) return numbered(entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    if (n) return args[Number(n) - 1] ?? '';
    return all === '$$' ? '$' : all;
  });
}

/**
 * Fills an extension page from its markup: `data-i18n` sets an element's text,
 * `data-i18n-aria-label` and `data-i18n-title` its attributes, with the message named.
 */
export function localize(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel as MessageKey));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle as MessageKey);
}
