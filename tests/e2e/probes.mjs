// Functions that run inside the test page, shared by the Chromium (Playwright) and Firefox
// (WebDriver) runs. Each takes one JSON argument and returns JSON. They find the words on
// their own (DOM text search, or the browser's caret hit-testing for textareas), never
// through the extension's mapping, so a wrong mapping fails them.

/** What the overlay shows: verdict, scores, underlines with their boxes, card, theme. */
export function overlayState() {
  const hosts = [...document.querySelectorAll('[data-sociable-overlay]')];
  const host = hosts.find((h) => h.dataset.verdict) ?? hosts[0];
  if (!host) return { count: 0 };
  const root = host.shadowRoot;
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const indicator = root.querySelector('.indicator');
  const card = root.querySelector('.card');
  return {
    count: hosts.length,
    verdict: host.dataset.verdict,
    pitch: Number(host.dataset.pitch),
    conversation: Number(host.dataset.conversation),
    length: Number(host.dataset.length),
    rev: Number(host.dataset.rev),
    context: host.dataset.context,
    parentLength: host.dataset.parentLength,
    parentHash: host.dataset.parentHash,
    theme: root.querySelector('.theme')?.dataset.theme,
    live: root.querySelector('[aria-live]')?.textContent ?? '',
    indicator: indicator && !indicator.hidden ? { ...box(indicator), verdict: indicator.dataset.verdict, label: indicator.getAttribute('aria-label') } : null,
    /** Rules noted on the whole draft at the indicator (never underlined). */
    notes: indicator && !indicator.hidden ? (indicator.dataset.notes ?? '').split(' ').filter(Boolean) : [],
    cardOpen: Boolean(card && !card.hidden),
    cardRules: card ? [...card.querySelectorAll('li[data-rule]')].map((li) => li.dataset.rule) : [],
    focusInCard: Boolean(card && root.activeElement && card.contains(root.activeElement)),
    lines: [...root.querySelectorAll('.line')].map((l) => ({
      rule: l.dataset.rule, axis: l.dataset.axis, start: Number(l.dataset.start), end: Number(l.dataset.end), ...box(l),
    })),
  };
}

/**
 * Checks that every underline lies under its words. `text` is the draft as the test typed
 * it; an underline's words are `text.slice(start, end)`, found again in the editor.
 */
export function checkUnderlines({ selector, text }) {
  // The editor, in the page or in an open shadow root.
  const find = (root) => root.querySelector(selector)
    ?? [...root.querySelectorAll('*')].reduce((found, el) => found ?? (el.shadowRoot && find(el.shadowRoot)), null);
  const editor = find(document);
  const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
  if (!editor || !host) return { ok: false, why: 'no editor or no overlay' };
  const lines = [...host.shadowRoot.querySelectorAll('.line')];
  if (lines.length === 0) return { ok: false, why: 'no underlines' };
  const problems = [];
  const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom + 6 && b.top < a.bottom + 6;
  for (const line of lines) {
    const start = Number(line.dataset.start);
    const end = Number(line.dataset.end);
    const u = line.getBoundingClientRect();
    if (editor instanceof HTMLTextAreaElement) {
      // The browser's own hit test says which characters lie just above the underline.
      for (const x of [u.left + 2, u.right - 2]) {
        const p = document.caretPositionFromPoint(x, u.top - 6);
        if (!p || p.offsetNode !== editor || p.offset < start || p.offset > end) {
          problems.push(`${line.dataset.rule}: caret at x=${Math.round(x)} is ${p ? p.offset : 'none'}, not in ${start}..${end}`);
        }
      }
      continue;
    }
    // The words' own box: the k-th occurrence of the (first line of the) span's text.
    const words = text.slice(start, end).split('\n').find((s) => s.trim()) ?? '';
    const skip = text.slice(0, start).split(words).length - 1;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let range = null;
    for (let node = walker.nextNode(); node && !range; node = walker.nextNode()) {
      let from = 0;
      for (let at = node.data.indexOf(words, from); at >= 0; at = node.data.indexOf(words, from)) {
        if (seen++ === skip) {
          range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          break;
        }
        from = at + 1;
      }
    }
    if (!range) {
      problems.push(`${line.dataset.rule}: words ${JSON.stringify(words)} not found in the editor`);
      continue;
    }
    if (![...range.getClientRects()].some((r) => overlaps(u, r))) {
      const r = range.getBoundingClientRect();
      problems.push(`${line.dataset.rule}: underline at ${Math.round(u.left)},${Math.round(u.top)} misses ${JSON.stringify(words)} at ${Math.round(r.left)},${Math.round(r.top)}`);
    }
  }
  return { ok: problems.length === 0, why: problems.join('; '), count: lines.length };
}

/** The editor's text as the page sees it. */
export function editorText(selector) {
  // The editor, in the page or in an open shadow root.
  const find = (root) => root.querySelector(selector)
    ?? [...root.querySelectorAll('*')].reduce((found, el) => found ?? (el.shadowRoot && find(el.shadowRoot)), null);
  const el = find(document);
  if (!el) return null;
  return el instanceof HTMLTextAreaElement ? el.value : el.innerText;
}

/** The centre of the first underline for `rule`. */
export function underlineCentre(rule) {
  const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
  const line = host?.shadowRoot.querySelector(`.line[data-rule="${rule}"]`);
  if (!line) return null;
  const r = line.getBoundingClientRect();
  // Just above the wave: on the words themselves.
  return { x: (r.left + r.right) / 2, y: r.top - 6 };
}

/**
 * A point on the first underline for `rule` (or the underline starting at `start`): on the
 * wave itself, inside the words' line box, where a click opens the card.
 */
export function underlineWave({ rule, start }) {
  const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
  const line = [...(host?.shadowRoot.querySelectorAll('.line') ?? [])]
    .find((l) => (rule === undefined || l.dataset.rule === rule) && (start === undefined || Number(l.dataset.start) === start));
  if (!line) return null;
  const r = line.getBoundingClientRect();
  return { x: (r.left + r.right) / 2, y: r.top + 1 };
}

/** The centre of an element in the overlay's shadow root. */
export function overlayElementCentre(selector) {
  const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
  const el = host?.shadowRoot.querySelector(selector);
  if (!el || el.hidden) return null;
  const r = el.getBoundingClientRect();
  return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
}
