// The playground: one compose box checked by the extension's own Checker (underlines,
// indicator, card), fed by the WASM core running in this page. Everything else here is
// the page around it: settings, examples and the panel that spells the report out.
import { STRICTNESSES, type Finding, type Options, type Report, type Strictness } from '../../extension/src/core-types';
import { Checker } from '../../extension/src/content/overlay';
import { rangeFor, readText } from '../../extension/src/content/text-map';
import { analyze, analyzeNow, start } from './core';
import { EXAMPLES } from './examples';
import { Panel } from './panel';

type Mode = 'post' | 'reply';
type EditorKind = 'plain' | 'rich';
type Theme = 'auto' | 'light' | 'dark';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
};

const state = {
  strictness: 'balanced' as Strictness,
  mode: 'post' as Mode,
  editor: 'plain' as EditorKind,
};

const slot = $('editor-slot');
const parent = $<HTMLTextAreaElement>('parent');
const parentField = $('parent-field');
let editor!: HTMLElement;
const review = $<HTMLButtonElement>('review');
const panel = new Panel({
  verdict: $('verdict'),
  why: $('why'),
  pitch: $('meter-pitch'),
  conversation: $('meter-conversation'),
  compare: $('compare'),
  findings: $('findings'),
}, {
  reveal,
  apply: (finding) => void checker?.apply(finding),
});
let checker: Checker | undefined;
let controller: AbortController | undefined;

function options(): Options {
  const reply = state.mode === 'reply' && parent.value.trim();
  return { strictness: state.strictness, context: reply ? { kind: 'reply', parent: parent.value } : { kind: 'new-post' } };
}

function clearPanel(): void {
  panel.clear();
  review.disabled = true;
  delete document.body.dataset.verdict;
}

function textOf(node: HTMLElement): string {
  // The overlay's own reader, so offsets in its reports match this text exactly.
  return node instanceof HTMLTextAreaElement ? node.value : readText(node).text;
}

/** Selects a finding's words in the draft, where the underline is, and opens its card. */
function reveal(finding: Finding): void {
  const { start, end } = finding.span_utf16;
  editor.focus();
  if (editor instanceof HTMLTextAreaElement) {
    editor.setSelectionRange(start, end);
  } else {
    const range = rangeFor(readText(editor), start, end);
    const selection = getSelection();
    if (range && selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
  checker?.openCard(finding);
}

function render(report: Report): void {
  const text = textOf(editor);
  // In reply mode, the same draft read as a new post shows what the parent changes.
  const alone = options().context?.kind === 'reply' ? analyzeNow(text, { strictness: state.strictness }) : undefined;
  panel.show(report, text, alone);
  review.disabled = false;
  $('verdict-strictness').textContent = `· ${report.strictness}`;
  document.body.dataset.verdict = report.verdict;
}

/** A fresh Checker on the current editor: after a switch of editor or theme. */
function attach(): void {
  controller?.abort();
  controller = new AbortController();
  checker = new Checker(editor, { analyze, options, onReport: render, signal: controller.signal });
  // The Checker says nothing for an empty box; the panel should not keep the old report.
  editor.addEventListener('input', () => {
    if (!textOf(editor).trim()) {
      clearPanel();
    }
  }, { signal: controller.signal });
}

function makeEditor(kind: EditorKind, text: string): void {
  let next: HTMLTextAreaElement | HTMLElement;
  if (kind === 'plain') {
    const area = document.createElement('textarea');
    area.value = text;
    area.spellcheck = true;
    next = area;
  } else {
    next = document.createElement('div');
    next.contentEditable = 'true';
    next.setAttribute('role', 'textbox');
    next.setAttribute('aria-multiline', 'true');
    // One block per line, as rich editors keep paragraphs.
    for (const line of text.split('\n')) {
      const block = document.createElement('div');
      if (line) block.textContent = line;
      else block.append(document.createElement('br'));
      block.normalize();
      next.append(block);
    }
    if (!text) next.replaceChildren();
  }
  next.id = 'draft';
  next.className = `draft draft-${kind}`;
  next.setAttribute('aria-labelledby', 'draft-label');
  next.setAttribute('aria-describedby', 'draft-hint');
  next.dataset.placeholder = 'Write a post…';
  editor?.remove();
  editor = next;
  slot.append(editor);
  attach();
}

/**
 * Replaces the whole draft the way typing would (the Checker's Surface.edit), so the
 * editor's own undo can bring the previous draft back. The edit lands a few tasks later
 * (editors need to see the selection first): `data-editing` says it is on its way.
 */
async function setDraft(text: string): Promise<void> {
  if (!checker) return;
  document.body.dataset.editing = '';
  try {
    await checker.surface.edit(0, textOf(editor).length, text);
  } finally {
    delete document.body.dataset.editing;
  }
  if (!text) clearPanel();
}

function setMode(mode: Mode): void {
  state.mode = mode;
  parentField.hidden = mode !== 'reply';
  check('mode', mode);
  checker?.refresh();
}

function setTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  check('theme', theme);
  // The overlay reads the page's colours when it starts: give it a fresh start.
  if (editor) attach();
}

/** Ticks the radio button of `name` with `value` (when set from code, e.g. by an example). */
function check(name: string, value: string): void {
  const radio = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (radio) radio.checked = true;
}

function onRadio(name: string, handle: (value: string) => void): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
    radio.addEventListener('change', () => radio.checked && handle(radio.value));
  }
}

onRadio('strictness', (value) => {
  if (!(STRICTNESSES as readonly string[]).includes(value)) return;
  state.strictness = value as Strictness;
  checker?.refresh();
});
onRadio('mode', (value) => setMode(value === 'reply' ? 'reply' : 'post'));
onRadio('editor', (value) => {
  state.editor = value === 'rich' ? 'rich' : 'plain';
  makeEditor(state.editor, textOf(editor));
});
onRadio('theme', (value) => setTheme(value === 'light' || value === 'dark' ? value : 'auto'));
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => attach());

// The parent changes the reading of the draft: re-check once typing in it pauses.
let parentTimer = 0;
parent.addEventListener('input', () => {
  clearTimeout(parentTimer);
  parentTimer = window.setTimeout(() => checker?.refresh(), 150);
});

const examples = $('examples');
for (const example of EXAMPLES) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chip';
  button.dataset.example = example.id;
  button.textContent = example.label;
  button.addEventListener('click', () => {
    if (example.parent !== undefined) parent.value = example.parent;
    setMode(example.parent !== undefined ? 'reply' : 'post');
    void setDraft(example.text);
  });
  examples.append(button);
}
$('clear').addEventListener('click', () => void setDraft(''));

// The indicator opens the card with every finding and its suggestion; this button is a
// larger way to the same card.
review.addEventListener('click', () => {
  if (!checker?.openCard()) editor.focus();
});

makeEditor(state.editor, '');
setMode('post');
check('strictness', state.strictness);
check('editor', state.editor);
check('theme', 'auto');
start().then(
  () => {
    document.body.dataset.ready = '';
  },
  (error: unknown) => {
    $('why').textContent = `The checker could not start: ${String(error)}`;
    document.body.dataset.failed = '';
  },
);
