// Open shadow roots: compose boxes can live in them (LinkedIn's share box sits in the open
// shadow root of #interop-outlet), and `closest` stops at their edge. Closed roots stay
// closed to us, as to the page.

/** The element around `el`: its parent, or the host when `el` is at the top of a shadow root. */
export function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `el.closest(selector)` that steps out of shadow roots through their hosts. */
export function closestAcross(el: Element, selector: string): Element | null {
  for (let at: Element | null = el; at; ) {
    const found = at.closest(selector);
    if (found) return found;
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Every element from `el` outwards that matches `selector`, across shadow roots. */
export function* ancestorsAcross(el: Element, selector: string): Generator<Element> {
  for (let at = closestAcross(el, selector); at; ) {
    yield at;
    const next = parentAcross(at);
    at = next && closestAcross(next, selector);
  }
}

/**
 * Every open shadow root in `root`, nested ones included, but not our own overlays'. A
 * tree walk over a 5000-element page takes about 0.2 ms.
 */
export function openShadowRoots(root: Document | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (!shadow || (node as HTMLElement).dataset?.sociableOverlay !== undefined) continue;
    found.push(shadow, ...openShadowRoots(shadow));
  }
  return found;
}

/** The focused element, inside open shadow roots too (`document.activeElement` stops at the host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The selection's first range as seen from `node`'s tree: inside an open shadow root, read
 * through `getComposedRanges` (Chromium 137+, Firefox 142+) or Chromium's older
 * `ShadowRoot.getSelection`, since the document's selection may be retargeted to the host
 * there (Chromium keeps a range set with `addRange` as it is, not always one an editor or
 * the user made).
 * Null without a selection; undefined where the browser offers no way to read it.
 */
export function selectionRangeIn(node: Node): AbstractRange | null | undefined {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return selection.getRangeAt(0);
  if (typeof selection.getComposedRanges === 'function') {
    return selection.getComposedRanges({ shadowRoots: [root] })[0] ?? null;
  }
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  if (own) return own.rangeCount > 0 ? own.getRangeAt(0) : null;
  return undefined;
}
