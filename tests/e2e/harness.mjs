// A tiny test harness: named tests, run in order, each timed; a failure never stops the run.

export class Suite {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    this.failures = [];
  }

  async test(name, fn) {
    // SOCIABLE_ONLY=regex runs the matching tests only, for quick iterations.
    if (process.env.SOCIABLE_ONLY && !new RegExp(process.env.SOCIABLE_ONLY).test(name)) return;
    const started = Date.now();
    try {
      await fn();
      this.passed += 1;
      console.log(`ok    ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      this.failed += 1;
      this.failures.push(name);
      console.log(`FAIL  ${name} (${Date.now() - started} ms)\n      ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n      ')}`);
    }
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `probe` until `done(value)` holds; throws with the last value after `timeout` ms. */
export async function until(probe, done, what, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The draft every editor gets: two paragraphs, an emoji before the flagged words. */
export const PITCH_DRAFT = 'Hello 👋 friends,\n\nBuy now and get 50% off our new course! Limited time only.';
export const PITCH_WORDS = 'Buy now';

/** Issue 11: an announcement with no opening; self-promotion's "add a question" once landed after "announce". */
export const ANNOUNCE_DRAFT = '🚀 Thrilled to announce our new AI CRM!\n\nBuy now and get 50% off.';
export const ANNOUNCE_QUESTION = 'What would you want to see next?';

/** Harper's race case: three flagged phrases on three lines; only the middle one ("Buy") has a replacement. */
export const RACE_DRAFT = 'Limited time only, friends.\nBuy it here today.\nUse code SAVE10 at checkout.';
export const RACE_WORDS = 'Buy';

/** Pages standing for the sites, each with its real editor. */
export const EDITORS = [
  { name: 'X (Draft.js)', host: 'x.com', path: 'x.html', selector: '[data-testid="tweetTextarea_0"]' },
  { name: 'Facebook (Lexical)', host: 'www.facebook.com', path: 'facebook.html', selector: '#composer' },
  { name: 'LinkedIn (Quill)', host: 'www.linkedin.com', path: 'linkedin.html', selector: '.ql-editor' },
  { name: 'LinkedIn (Quill 1.3.7, which marks its editor data-gramm=false)', host: 'www.linkedin.com', path: 'linkedin-quill1.html', selector: '#composer .ql-editor' },
  { name: 'Bluesky (ProseMirror, dark page)', host: 'bsky.app', path: 'bluesky.html', selector: '.ProseMirror', theme: 'dark' },
  { name: 'Reddit (textarea, CSP script-src self)', host: 'www.reddit.com', path: 'reddit.html', selector: 'textarea[name="text"]', theme: 'light' },
  { name: 'Mastodon (textarea, dark page)', host: 'mastodon.social', path: 'mastodon.html', selector: 'textarea.autosuggest-textarea__textarea', theme: 'dark' },
  { name: 'YouTube (contenteditable that appears on click)', host: 'www.youtube.com', path: 'youtube.html', selector: '#contenteditable-root', open: '#placeholder-area' },
];

/** X's real home page, saved logged in (../shared/pages/README.md): 20 timeline tweets under the composer. */
export const SAVED_X_HOME = 'x-home-logged-in-2026-02.html';

/** LinkedIn's share box in the open shadow root of #interop-outlet, hidden decoys beside it. */
export const LINKEDIN_SHADOW = { name: 'LinkedIn (Quill in an open shadow root)', host: 'www.linkedin.com', path: 'linkedin-shadow.html', selector: '#composer .ql-editor' };
