// Finds compose boxes now and as they appear (dialogs, replies, SPA navigation), and skips
// the fields nobody wants checked.
import { type Adapter, GENERIC_COMPOSE } from './adapters';
import { ancestorsAcross, closestAcross, openShadowRoots } from './shadow-dom';

/**
 * Marks that keep writing tools away from an element and everything inside it: Grammarly's
 * two (sites use them for every such tool), our own, and read-only.
 */
const OPT_OUT = '[data-gramm="false"], [data-enable-grammarly="false"], [data-sociable="off"], [aria-readonly="true"]';

/**
 * Quill 1.x sets data-gramm="false" on every editor it makes (it opts out of Grammarly by
 * default), so on a Quill editor that mark is Quill's, not the site's. The site's own mark
 * sits on a wrapper, or is one of the other marks.
 */
function isQuillsOwnMark(el: Element): boolean {
  return el.matches('.ql-container > .ql-editor')
    && !el.matches('[data-enable-grammarly="false"], [data-sociable="off"], [aria-readonly="true"]');
}

/** The attributes that can opt a box out or in; a change to one is a reason to look again. */
const OPT_OUT_ATTRIBUTES = ['data-gramm', 'data-enable-grammarly', 'data-sociable', 'aria-readonly'];

/** Editable elements that are an editor's machinery, not a box: Quill 1.x's off-screen paste catcher. */
const NOT_A_BOX = '.ql-clipboard';

/** Fields whose owners asked writing tools to stay away, or that cannot be typed in. */
export function isExcluded(el: HTMLElement): boolean {
  if (el.matches(NOT_A_BOX)) return true;
  for (const mark of ancestorsAcross(el, OPT_OUT)) if (!isQuillsOwnMark(mark)) return true;
  if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled;
  if (el instanceof HTMLInputElement) return true;
  return !el.isContentEditable;
}

/** The outermost editable element: rich editors nest contenteditable islands. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  for (let p = el.parentElement; p; p = p.parentElement) if (p.isContentEditable) host = p;
  return host;
}

/**
 * A box nobody can see, such as a decoy a site keeps beside its real editor (LinkedIn
 * keeps a hidden `.ql-editor` in the page beside the one in its shadow root): no size, or
 * under `display: none` or `aria-hidden="true"`. Checked only when a box is first found:
 * a box already checked keeps its checker while a dialog hides it for a while.
 */
function isHidden(el: HTMLElement): boolean {
  const { width, height } = el.getBoundingClientRect();
  return width === 0 || height === 0 || closestAcross(el, '[aria-hidden="true"]') !== null;
}

/** Boxes in `root` and in the open shadow roots inside it; `known` boxes skip the visibility check. */
export function findBoxes(root: Document, adapter: Adapter | undefined, known: { has(box: HTMLElement): boolean }): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const scope of [root, ...openShadowRoots(root)]) {
    for (const selector of [adapter?.compose, GENERIC_COMPOSE]) {
      if (!selector) continue;
      for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
        const box = el instanceof HTMLTextAreaElement ? el : editingHost(el);
        if (found.has(box) || isExcluded(box)) continue;
        if (known.has(box) || !isHidden(box)) found.add(box);
      }
    }
  }
  return [...found];
}

/** Calls `onChange` (at most once a frame) whenever the page's DOM changes, open shadow roots included. */
export function watchPage(onChange: () => void, signal: AbortSignal): void {
  let frame = 0;
  const options: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'readonly', 'disabled', ...OPT_OUT_ATTRIBUTES] };
  const observed = new WeakSet<ShadowRoot>();
  // A shadow root's changes reach only an observer of that root.
  const observeShadowRoots = () => {
    for (const root of openShadowRoots(document)) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, options);
    }
  };
  const observer = new MutationObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      observeShadowRoots();
      onChange();
    });
  });
  observer.observe(document.documentElement, options);
  observeShadowRoots();
  // Focus catches boxes that become editable without a DOM change we observe.
  addEventListener('focusin', onChange, { signal, capture: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  }, { once: true });
}
