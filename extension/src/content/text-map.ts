// Reads a contenteditable root as plain text and maps offsets in that text back to DOM
// positions. Block elements and <br> become "\n" the way a reader sees lines, so offsets
// from the analysis (UTF-16, like JavaScript strings) land on the right words in
// multi-paragraph drafts; emoji need nothing special because both sides count UTF-16.

interface Segment {
  /** Offset in the text where this text node starts. */
  start: number;
  node: Text;
}

export interface TextMap {
  text: string;
  /** Text-node segments in order; synthetic newlines sit between them. */
  segments: Segment[];
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName);
}

/** A <br> that only keeps an empty or ending line open: editors add one to each empty block. */
function isTrailingBreak(br: Node, root: Node): boolean {
  let node: Node = br;
  while (node !== root && !isBlock(node)) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === Node.TEXT_NODE ? (next as Text).data.length > 0 : true) return false;
    }
    if (!node.parentNode) break;
    node = node.parentNode;
  }
  return true;
}

export function readText(root: HTMLElement): TextMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let started = false;
  let needBreak = false;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const flush = () => {
    if (needBreak && started) push('\n');
    needBreak = false;
    started = true;
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      flush();
      segments.push({ start: length, node: node as Text });
      push(data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || SKIPPED.has((node as Element).tagName)) return;
    if ((node as Element).tagName === 'BR') {
      flush();
      if (!isTrailingBreak(node, root)) push('\n');
      return;
    }
    const block = isBlock(node);
    if (block) needBreak = true;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) needBreak = true;
  };
  for (let child = root.firstChild; child; child = child.nextSibling) walk(child);
  return { text: parts.join(''), segments };
}

/** The DOM position of text offset `offset`; `preferEnd` picks the end of a node at a seam. */
export function positionAt(map: TextMap, offset: number, preferEnd: boolean): { node: Text; offset: number } | undefined {
  const { segments } = map;
  if (segments.length === 0) return undefined;
  // Last segment starting at or before `offset`.
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  const within = offset - seg.start;
  if (within <= seg.node.data.length && within >= 0) {
    // At the start of a node, a range end belongs to the previous node's end.
    if (preferEnd && within === 0 && lo > 0) {
      const prev = segments[lo - 1];
      if (prev.start + prev.node.data.length === offset) return { node: prev.node, offset: prev.node.data.length };
    }
    return { node: seg.node, offset: within };
  }
  // `offset` falls on a synthetic newline after `seg`: use the next node's start.
  const next = segments[lo + 1];
  return preferEnd || !next ? { node: seg.node, offset: seg.node.data.length } : { node: next.node, offset: 0 };
}

/** The text offset of DOM point (`node`, `offset`) inside the mapped root, if it is in it. */
export function offsetOf(map: TextMap, node: Node, offset: number): number | undefined {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = map.segments.find((s) => s.node === node);
    if (seg) return seg.start + Math.min(offset, seg.node.data.length);
  }
  // An element point (an empty line, a caret between blocks): the first text node that
  // starts after it, or the text's end.
  const point = document.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return undefined;
  }
  for (const seg of map.segments) {
    if (point.comparePoint(seg.node, 0) > 0) return seg.start;
  }
  return map.text.length;
}

/** A DOM Range over text offsets `start..end`. */
export function rangeFor(map: TextMap, start: number, end: number): Range | undefined {
  const from = positionAt(map, start, false);
  const to = positionAt(map, end, true);
  if (!from || !to) return undefined;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  if (range.collapsed && end > start) range.setEnd(from.node, from.offset);
  return range;
}

/** Line boxes of `start..end`, one text node at a time, so no block's whole box sneaks in. */
export function rectsFor(map: TextMap, start: number, end: number): DOMRect[] {
  const rects: DOMRect[] = [];
  const range = document.createRange();
  // The first segment that ends after `start`, by binary search: long drafts have many.
  let lo = 0;
  let hi = map.segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = map.segments[mid];
    if (seg.start + seg.node.data.length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.segments.length; i++) {
    const seg = map.segments[i];
    const segEnd = seg.start + seg.node.data.length;
    if (segEnd <= start) continue;
    if (seg.start >= end) break;
    range.setStart(seg.node, Math.max(0, start - seg.start));
    range.setEnd(seg.node, Math.min(seg.node.data.length, end - seg.start));
    for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}
