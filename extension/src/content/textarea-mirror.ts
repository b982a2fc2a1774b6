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

  /** Syncs text, style and place; returns the line boxes of each requested span. */
  measure(text: string, spans: { start: number; end: number }[]): DOMRect[][] {
    const style = getComputedStyle(this.textarea);
    const m = this.mirror.style;
    for (const key of COPIED) m[key] = style[key];
    const box = this.textarea.getBoundingClientRect();
    m.position = 'fixed';
    m.left = `${box.left}px`;
    m.top = `${box.top}px`;
    m.width = `${box.width}px`;
    m.height = `${box.height}px`;
    m.boxSizing = 'border-box';
    m.whiteSpace = 'pre-wrap';
    m.overflowWrap = 'break-word';
    m.overflow = 'hidden';
    m.visibility = 'hidden';
    m.pointerEvents = 'none';
    m.borderColor = 'transparent';
    // A scrollbar narrows the textarea's text box; narrow the mirror's by the same amount.
    const scrollbar = this.textarea.offsetWidth - this.textarea.clientWidth
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    m.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
    // A trailing newline needs a character after it to take up a line.
    const content = text.endsWith('\n') ? `${text} ` : text;
    if (this.textNode.data !== content) this.textNode.data = content;
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
