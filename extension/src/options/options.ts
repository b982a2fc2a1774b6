// The options page: the writer's own words (phrases to flag, phrases to allow) and the
// categories switched on or off. Saved in storage.sync as the user types; open tabs
// follow through storage.onChanged. What the core could not use (an empty or too long
// phrase, too many) is not saved, and the page says which lines were left out.
import { CATEGORIES, MAX_PHRASES, MAX_PHRASE_LENGTH, type Category } from '../core-types';
import { localize, t } from '../i18n';
import { CATEGORY_LABEL } from '../content/labels';
import { loadSettings, onSettingsChanged, parsePhrases, saveSettings, type Settings } from '../settings';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const flag = $<HTMLTextAreaElement>('flag-phrases');
const allow = $<HTMLTextAreaElement>('allow-phrases');
const status = $('status');
/** The conversation signals: switching them off lowers the conversation score. */
const GOOD: readonly Category[] = ['question', 'invitation', 'acknowledgement', 'reader-focus'];

function categoryBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('input[name="category"]')];
}

function buildCategories(): void {
  for (const category of CATEGORIES) {
    const label = document.createElement('label');
    label.className = 'switch';
    const name = document.createElement('span');
    name.textContent = CATEGORY_LABEL[category];
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'category';
    input.value = category;
    label.append(name, input);
    $(GOOD.includes(category) ? 'categories-good' : 'categories-warnings').append(label);
  }
}

function show(settings: Settings): void {
  // Never rewrite a box while someone types in it.
  if (document.activeElement !== flag) flag.value = settings.flagPhrases.join('\n');
  if (document.activeElement !== allow) allow.value = settings.allowPhrases.join('\n');
  for (const box of categoryBoxes()) box.checked = !settings.disabledCategories.includes(box.value as Category);
}

/** The lines of a box as the core takes them, and what was left out. */
function phrasesOf(box: HTMLTextAreaElement, problems: string[]): string[] {
  const lines = box.value.split('\n').map((l) => l.trim()).filter(Boolean);
  const tooLong = lines.filter((l) => [...l].length > MAX_PHRASE_LENGTH);
  if (tooLong.length > 0) problems.push(t('optionsTooLong', tooLong.length, MAX_PHRASE_LENGTH));
  if (lines.length - tooLong.length > MAX_PHRASES) problems.push(t('optionsTooMany', MAX_PHRASES));
  return parsePhrases(lines.filter((l) => !tooLong.includes(l)), box.id, []);
}

async function save(): Promise<void> {
  const problems: string[] = [];
  const flagPhrases = phrasesOf(flag, problems);
  const allowPhrases = phrasesOf(allow, problems);
  const disabledCategories = categoryBoxes().filter((b) => !b.checked).map((b) => b.value as Category);
  try {
    await saveSettings({ flagPhrases, allowPhrases, disabledCategories });
    status.dataset.state = problems.length > 0 ? 'problem' : 'saved';
    status.textContent = [t('optionsSaved'), ...problems].join(' ');
  } catch (error) {
    status.dataset.state = 'problem';
    status.textContent = t('optionsSaveFailed', String(error));
  }
}

let timer = 0;
const saveSoon = () => {
  clearTimeout(timer);
  timer = window.setTimeout(() => void save(), 300);
};

localize(document);
buildCategories();
flag.addEventListener('input', saveSoon);
allow.addEventListener('input', saveSoon);
document.addEventListener('change', (e) => {
  if ((e.target as HTMLInputElement).name === 'category') void save();
});
void loadSettings().then(show);
onSettingsChanged(show, new AbortController().signal);
