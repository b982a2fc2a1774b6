// One compose box, whatever its kind: read its text, measure spans, and edit through the
// editor's own input path so the site keeps its state and its undo stack.
import { offsetOf, readText, rangeFor, rectsFor, type TextMap } from './text-map';
import { TextareaMirror } from './textarea-mirror';
import { selectionRangeIn } from './shadow-dom';

export interface Surface {
  readonly element: HTMLElement;
  /** Reads the current text (and remembers the DOM mapping for `measure`). */
  read(): string;
  /** Viewport line boxes for each span of the text last read. */
  measure(spans: { start: number; end: number }[]): DOMRect[][];
  /**
   * The offsets of the text last read that show inside `box` (viewport coordinates), or
   * undefined when it cannot tell (then every span is measured).
   */
  visibleRange(box: { left: number; top: number; right: number; bottom: number }): { start: number; end: number } | undefined;
  /** The caret's offset in the text last read; undefined when text is selected or the caret is elsewhere. */
  caret(): number | undefined;
  /**
   * Replaces `start..end` of the current text with `text`, as if typed ('' deletes). Says
   * whether it typed: not when the words could not be selected.
   */
  edit(start: number, end: number, text: string): Promise<boolean>;
  dispose(): void;
}

export function isTextarea(el: Element): el is HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement;
}

/**
 * Types `text` over the selection the way a person would; '' deletes it. Rich editors
 * (Draft.js, Lexical, ProseMirror, Quill) all listen to the native input events this fires,
 * so their model, and their undo history, see an ordinary edit. False where it is refused.
 */
function typeOverSelection(text: string): boolean {
  return text ? document.execCommand('insertText', false, text) : document.execCommand('delete');
}

function wholeContents(element: HTMLElement): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

/**
 * Whether `a` covers the same text of `box` as `b`: the same text before each end. Editors
 * may move the selection to an equivalent DOM position (the end of a text node, or after it).
 */
function samePlace(a: AbstractRange, b: AbstractRange, box: Node): boolean {
  const before = (node: Node, offset: number) => {
    const r = document.createRange();
    r.setStart(box, 0);
    r.setEnd(node, offset);
    return r.toString();
  };
  return box.contains(a.startContainer) && box.contains(a.endContainer)
    && before(a.startContainer, a.startOffset) === before(b.startContainer, b.startOffset)
    && before(a.endContainer, a.endOffset) === before(b.endContainer, b.endOffset);
}

export class EditableSurface implements Surface {
  private map: TextMap = { text: '', segments: [] };

  constructor(readonly element: HTMLElement) {}

  read(): string {
    this.map = readText(this.element);
    return this.map.text;
  }

  measure(spans: { start: number; end: number }[]): DOMRect[][] {
    return spans.map(({ start, end }) => rectsFor(this.map, start, end));
  }

  visibleRange(box: { left: number; top: number; right: number; bottom: number }): { start: number; end: number } | undefined {
    if (box.right <= box.left || box.bottom <= box.top) return { start: 0, end: 0 };
    const at = (x: number, y: number) => {
      const p = document.caretPositionFromPoint?.(x, y);
      if (!p || !this.element.contains(p.offsetNode)) return undefined;
      return offsetOf(this.map, p.offsetNode, p.offset);
    };
    const start = at(box.left + 1, box.top + 1);
    const end = at(box.right - 1, box.bottom - 1);
    if (start === undefined || end === undefined || end < start) return undefined;
    // A line's worth of slack either side: the corners can fall just past a line's ends.
    return { start: Math.max(0, start - 1), end: end + 1 };
  }

  caret(): number | undefined {
    // Inside a shadow root, Chromium's document selection stops at the host.
    const root = this.element.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
    const selection = root instanceof ShadowRoot && root.getSelection ? root.getSelection() : getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return undefined;
    const { focusNode, focusOffset } = selection;
    if (!focusNode || !this.element.contains(focusNode)) return undefined;
    return offsetOf(this.map, focusNode, focusOffset);
  }

  async edit(start: number, end: number, text: string): Promise<boolean> {
    // A box without text (empty, or only line breaks) has no text node to select: select
    // the whole box, so typing replaces whatever it holds.
    const range = rangeFor(readText(this.element), start, end) ?? wholeContents(this.element);
    this.element.focus();
    const selection = getSelection();
    if (!selection) return false;
    selection.removeAllRanges();
    selection.addRange(range);
    // Editors learn of a new selection from `selectionchange`, which fires in a later task;
    // Draft.js in Firefox would insert at its stale caret if we typed before that.
    await new Promise((resolve) => setTimeout(resolve, 0));
    selection.removeAllRanges();
    selection.addRange(range);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Typing over anything but the words would change other text: read the selection back,
    // inside a shadow root too, where the browser lets us.
    const selected = selectionRangeIn(this.element);
    if (selected === null || (selected && !samePlace(selected, range, this.element))) return false;
    return typeOverSelection(text);
  }

  dispose(): void {}
}

export class TextareaSurface implements Surface {
  private readonly mirror: TextareaMirror;
  private text = '';

  constructor(readonly element: HTMLTextAreaElement, mirrorParent: Node) {
    this.mirror = new TextareaMirror(element, mirrorParent);
  }

  read(): string {
    this.text = this.element.value;
    return this.text;
  }

  measure(spans: { start: number; end: number }[]): DOMRect[][] {
    return this.mirror.measure(this.text, spans);
  }

  visibleRange(box: { left: number; top: number; right: number; bottom: number }): { start: number; end: number } | undefined {
    if (box.right <= box.left || box.bottom <= box.top) return { start: 0, end: 0 };
    return this.mirror.visibleRange(this.text, box.top, box.bottom);
  }

  caret(): number | undefined {
    const el = this.element;
    return el.selectionStart === el.selectionEnd ? el.selectionStart ?? undefined : undefined;
  }

  async edit(start: number, end: number, text: string): Promise<boolean> {
    const el = this.element;
    el.focus();
    el.setSelectionRange(start, end);
    // execCommand keeps the native undo stack; setRangeText is the fallback where it is off.
    if (!typeOverSelection(text)) {
      el.setRangeText(text, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: text ? 'insertText' : 'deleteContent', data: text || null }));
    }
    return true;
  }

  dispose(): void {
    this.mirror.remove();
  }
}
