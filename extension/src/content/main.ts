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
    flag_phrases: settings?.flagPhrases ?? [],
    allow_phrases: settings?.allowPhrases ?? [],
    disabled_categories: settings?.disabledCategories ?? [],
  };
}

function attach(box: HTMLElement): void {
  const controller = new AbortController();
  const checker: Checker = new Checker(box, {
    analyze: (request) => background.analyze(request),
    options: () => {
      const options = optionsFor(box);
      // Plain facts for tests, as the overlay's others: how the draft is read, and the
      // length of the post it answers, never that post's text.
      const { context } = options;
      checker.host.dataset.context = context?.kind ?? '';
      checker.host.dataset.parentLength = context?.kind === 'reply' ? String(context.parent?.length ?? 0) : '';
      return options;
    },
    avoid: () => sendButtons(adapter, box),
    signal: controller.signal,
  });
  checkers.set(box, { checker, controller });
}

/** Counts a sent draft's verdict when the site's send button is pressed. */
function watchSends(signal: AbortSignal): void {
  const onSend = (event: Event) => {
    // The element pressed, also inside a shadow root (`target` is its host out here).
    const target = event.composedPath()[0];
    if (!(target instanceof Node)) return;
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
  for (const box of findBoxes(document, adapter, checkers)) if (!checkers.has(box)) attach(box);
}

function stop(): void {
  pageController?.abort();
  pageController = undefined;
  for (const { controller } of checkers.values()) controller.abort();
  checkers.clear();
}

/** What the analysis reads from the settings: a change to any of it checks open drafts again. */
const analysisSettings = (s: Settings | undefined) =>
  JSON.stringify([s?.strictness, s?.flagPhrases, s?.allowPhrases, s?.disabledCategories]);

function apply(next: Settings): void {
  const analysisChanged = analysisSettings(settings) !== analysisSettings(next);
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
  } else if (analysisChanged) {
    for (const { checker } of checkers.values()) checker.refresh();
  }
}

void loadSettings().then((loaded) => {
  apply(loaded);
  onSettingsChanged(apply, new AbortController().signal);
});
