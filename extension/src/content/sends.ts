// Counts a sent draft in the weekly tally, once, however the site sends it. Send buttons
// come from the adapter table, but labels are translated and some boxes send on Enter, so
// the sign that works everywhere is the box itself: emptied right after Enter in it, or
// after a click inside its composer (its form or send scope), the draft was posted.
import { reportPosted } from '../messages';
import type { Report } from '../core-types';
import { type Adapter, composerOf, sendButtons } from './adapters';
import type { Checker } from './overlay';

/** How long after Enter or a click an emptied box still counts as sent. */
export const EMPTIED_WITHIN_MS = 1500;
const POLL_MS = 50;

export function watchSends(adapter: Adapter | undefined, checkers: () => Iterable<[HTMLElement, Checker]>, signal: AbortSignal): void {
  /** Reports already counted: a draft counts once, whichever signs it gives (a button, then its emptied box). */
  const counted = new WeakSet<Report>();
  const count = (report: Report) => {
    if (counted.has(report)) return;
    counted.add(report);
    reportPosted(report.verdict);
  };
  const polls = new Set<number>();
  /**
   * Counts the box's draft if the box empties within the window. Any other change first
   * (Enter that added a line, a click that formatted the text) ends the watch.
   */
  const countIfEmptied = (checker: Checker) => {
    const draft = checker.text();
    const deadline = performance.now() + EMPTIED_WITHIN_MS;
    const poll = window.setInterval(() => {
      const now = checker.element.isConnected ? checker.text() : draft;
      const report = checker.lastDraft;
      if (!now.trim() && report) count(report);
      if (!now.trim() || now !== draft || performance.now() > deadline) {
        clearInterval(poll);
        polls.delete(poll);
      }
    }, POLL_MS);
    polls.add(poll);
  };
  const draftOf = (box: HTMLElement, checker: Checker) => (box.isConnected && checker.text().trim() ? checker.lastDraft : undefined);

  addEventListener('click', (event) => {
    // The element pressed, also inside a shadow root (`target` is its host out here).
    const path = event.composedPath();
    for (const [box, checker] of checkers()) {
      const report = draftOf(box, checker);
      if (!report || path.includes(box)) continue;
      if (sendButtons(adapter, box).some((b) => path.includes(b))) count(report);
      else {
        const composer = composerOf(adapter, box);
        if (composer && path.includes(composer)) countIfEmptied(checker);
      }
    }
  }, { capture: true, signal });

  addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    const path = event.composedPath();
    for (const [box, checker] of checkers()) {
      if (path.includes(box) && draftOf(box, checker)) countIfEmptied(checker);
    }
  }, { capture: true, signal });

  signal.addEventListener('abort', () => {
    for (const poll of polls) clearInterval(poll);
  }, { once: true });
}
