// Finds compose boxes now and as they appear (dialogs, replies, SPA navigation), and skips
// the fields nobody wants checked.
import { type Adapter, GENERIC_COMPOSE } from './adapters';

/** Fields whose owners asked writing tools to stay away, or that cannot be typed in. */
export function isExcluded(el: HTMLElement): boolean {
  if (el.closest('[data-gramm="false"], [data-enable-grammarly="false"], [aria-readonly="true"]')) return true;
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

export function findBoxes(root: ParentNode, adapter: Adapter | undefined): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const selector of [adapter?.compose, GENERIC_COMPOSE]) {
    if (!selector) continue;
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      const box = el instanceof HTMLTextAreaElement ? el : editingHost(el);
      if (!isExcluded(box)) found.add(box);
    }
  }
  return [...found];
}

/** Calls `onChange` (at most once a frame) whenever the page's DOM changes. */
export function watchPage(onChange: () => void, signal: AbortSignal): void {
  let frame = 0;
  const observer = new MutationObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'readonly', 'disabled'] });
  // Focus catches boxes that become editable without a DOM change we observe.
  addEventListener('focusin', onChange, { signal, capture: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  }, { once: true });
}
