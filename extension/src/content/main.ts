// The content script: attaches a Checker to every compose box on the page while the
// extension is on for this site, and follows settings changes at once.
import type { Options } from '../core-types';
import { BackgroundAnalyzer, reportPosted } from '../messages';
import { isOnFor, loadSettings, onSettingsChanged, type Settings } from '../settings';
import { adapterFor, parentText, sendButtons } from './adapters';
import { findBoxes, isExcluded, watchPage } from './find-boxes';
import { Checker } from './overlay';

const adapter = adapterFor(location.hostname);
const checkers = new Map<HTMLElement, { checker: Checker; controller: AbortController }>();
let settings: Settings | undefined;
let pageController: AbortController | undefined;
const background = new BackgroundAnalyzer();

function optionsFor(box: HTMLElement): Options {
  const parent = parentText(adapter, box);
  return {
    strictness: settings?.strictness ?? 'balanced',
    context: parent ? { kind: 'reply', parent } : { kind: 'new-post' },
  };
}

function attach(box: HTMLElement): void {
  const controller = new AbortController();
  const checker = new Checker(box, {
    analyze: (request) => background.analyze(request),
    options: () => optionsFor(box),
    avoid: () => sendButtons(adapter, box),
    signal: controller.signal,
  });
  checkers.set(box, { checker, controller });
}

/** Counts a sent draft's verdict when the site's send button is pressed. */
function watchSends(signal: AbortSignal): void {
  const onSend = (event: Event) => {
    const target = event.target as Element | null;
    if (!target) return;
    for (const [box, { checker }] of checkers) {
      if (!box.isConnected) continue;
      const report = checker.lastReport;
      if (report && sendButtons(adapter, box).some((b) => b.contains(target))) reportPosted(report.verdict);
    }
  };
  addEventListener('click', onSend, { capture: true, signal });
}

function scan(): void {
  for (const [box, { controller }] of checkers) {
    if (!box.isConnected || isExcluded(box)) {
      controller.abort();
      checkers.delete(box);
    }
  }
  for (const box of findBoxes(document, adapter)) if (!checkers.has(box)) attach(box);
}

function stop(): void {
  pageController?.abort();
  pageController = undefined;
  for (const { controller } of checkers.values()) controller.abort();
  checkers.clear();
}

function apply(next: Settings): void {
  const strictnessChanged = settings?.strictness !== next.strictness;
  settings = next;
  if (!isOnFor(next, location.hostname, adapter !== undefined)) {
    stop();
    return;
  }
  if (!pageController) {
    pageController = new AbortController();
    watchPage(scan, pageController.signal);
    watchSends(pageController.signal);
    scan();
  } else if (strictnessChanged) {
    for (const { checker } of checkers.values()) checker.refresh();
  }
}

void loadSettings().then((loaded) => {
  apply(loaded);
  onSettingsChanged(apply, new AbortController().signal);
});
