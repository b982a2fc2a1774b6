// The content script: attaches a Checker to every compose box on the page while the
// extension is on for this site, and follows settings changes at once.
import type { Options } from '../core-types';
import { BackgroundAnalyzer } from '../messages';
import { isOnFor, loadSettings, onSettingsChanged, type Settings } from '../settings';
import { adapterFor, parentText, sendButtons } from './adapters';
import { findBoxes, isExcluded, watchPage } from './find-boxes';
import { Checker } from './overlay';
import { watchSends } from './sends';

// By host, or by markup on a host the user enabled (a Mastodon server anywhere).
const adapter = adapterFor(location.hostname, document);
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

/**
 * A short fingerprint of the post a draft answers (FNV-1a, 32 bits, over its UTF-16 code
 * units, 8 hex digits), for tests to tell which post was sent with the draft. It is a hash
 * of text the page itself shows, never of the draft, and the text itself is never written
 * to the page.
 */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function attach(box: HTMLElement): void {
  const controller = new AbortController();
  const checker: Checker = new Checker(box, {
    analyze: (request) => background.analyze(request),
    options: () => {
      const options = optionsFor(box);
      // Plain facts for tests, as the overlay's others: how the draft is read, and the
      // length and fingerprint of the post it answers, never that post's text.
      const { context } = options;
      const parent = context?.kind === 'reply' ? context.parent ?? '' : undefined;
      checker.host.dataset.context = context?.kind ?? '';
      checker.host.dataset.parentLength = parent === undefined ? '' : String(parent.length);
      checker.host.dataset.parentHash = parent === undefined ? '' : fingerprint(parent);
      return options;
    },
    avoid: () => sendButtons(adapter, box),
    signal: controller.signal,
  });
  checkers.set(box, { checker, controller });
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
    watchSends(adapter, function* () {
      for (const [box, { checker }] of checkers) yield [box, checker];
    }, pageController.signal);
    scan();
  } else if (analysisChanged) {
    for (const { checker } of checkers.values()) checker.refresh();
  }
}

void loadSettings().then((loaded) => {
  apply(loaded);
  onSettingsChanged(apply, new AbortController().signal);
});
