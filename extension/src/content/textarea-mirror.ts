// Textareas have no DOM for their text, so a hidden mirror with the same box, font and
// wrapping stands in: ranges over the mirror's text give the words' line boxes.

const COPIED = [
  'boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'fontFeatureSettings', 'fontKerning', 'letterSpacing', 'wordSpacing', 'lineHeight',
  'textTransform', 'textIndent', 'textAlign', 'tabSize', 'direction', 'writingMode',
] as const;

export class TextareaMirror {
  private readonly mirror: HTMLDivElement;
  private readonly textNode: Text;

  constructor(private readonly textarea: HTMLTextAreaElement, parent: Node) {
    this.mirror = document.createElement('div');
    this.mirror.setAttribute('aria-hidden', 'true');
    this.textNode = document.createTextNode('');
    this.mirror.append(this.textNode);
    parent.appendChild(this.mirror);
  }

  /**
   * Syncs text, style and place with the textarea; returns the text as laid out. Only what
   * changed is written: any write to the mirror's style or text makes the browser lay out
   * all of its text again, which costs tens of milliseconds in a 200 KB draft.
   */
  private sync(text: string): string {
    const style = getComputedStyle(this.textarea);
    const box = this.textarea.getBoundingClientRect();
    const want: Partial<Record<keyof CSSStyleDeclaration, string>> = {};
    for (const key of COPIED) want[key] = style[key];
    // A scrollbar narrows the textarea's text box; narrow the mirror's by the same amount.
    const scrollbar = this.textarea.offsetWidth - this.textarea.clientWidth
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    Object.assign(want, {
      position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`,
      boxSizing: 'border-box', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', overflow: 'hidden',
      visibility: 'hidden', pointerEvents: 'none', borderColor: 'transparent',
      paddingRight: `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`,
    });
    const m = this.mirror.style as unknown as Record<string, string>;
    for (const [key, value] of Object.entries(want)) if (m[key] !== value) m[key] = value as string;
    // A trailing newline needs a character after it to take up a line.
    const content = text.endsWith('\n') ? `${text} ` : text;
    this.setText(content);
    return content;
  }

  /**
   * Replaces only the changed middle of the mirror's text (a keystroke changes a few
   * characters): the browser then reuses its shaping of the rest.
   */
  private setText(content: string): void {
    const old = this.textNode.data;
    if (old === content) return;
    let prefix = 0;
    const shorter = Math.min(old.length, content.length);
    while (prefix < shorter && old.charCodeAt(prefix) === content.charCodeAt(prefix)) prefix += 1;
    let suffix = 0;
    while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === content.charCodeAt(content.length - 1 - suffix)) suffix += 1;
    this.textNode.replaceData(prefix, old.length - prefix - suffix, content.slice(prefix, content.length - suffix));
  }

  /**
   * The offsets of `text` whose lines lie between viewport heights `top` and `bottom` (the
   * part of the draft in view), by binary search over the laid-out mirror: about twenty
   * caret boxes, however long the draft.
   */
  visibleRange(text: string, top: number, bottom: number): { start: number; end: number } {
    const content = this.sync(text);
    const dy = this.textarea.scrollTop;
    const range = document.createRange();
    const caret = (offset: number) => {
      range.setStart(this.textNode, offset);
      range.setEnd(this.textNode, offset);
      const r = range.getBoundingClientRect();
      return { top: r.top - dy, bottom: r.bottom - dy };
    };
    // The first offset whose line ends below `top`, and the last whose line starts above `bottom`.
    let lo = 0;
    let hi = content.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (caret(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = content.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (caret(mid).top > bottom) hi = mid - 1;
      else lo = mid;
    }
    return { start, end: Math.min(text.length, lo + 1) };
  }

  /** The line boxes of each requested span of `text`, in viewport coordinates. */
  measure(text: string, spans: { start: number; end: number }[]): DOMRect[][] {
    const content = this.sync(text);
    const dx = this.textarea.scrollLeft;
    const dy = this.textarea.scrollTop;
    const range = document.createRange();
    return spans.map(({ start, end }) => {
      range.setStart(this.textNode, Math.min(start, content.length));
      range.setEnd(this.textNode, Math.min(end, content.length));
      return [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => new DOMRect(r.left - dx, r.top - dy, r.width, r.height));
    });
  }

  remove(): void {
    this.mirror.remove();
  }
}
