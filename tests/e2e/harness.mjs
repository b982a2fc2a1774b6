// A tiny test harness: named tests, run in order, each timed; a failure never stops the run.

export class Suite {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    this.failures = [];
  }

  async test(name, fn) {
    // SOCIABLE_ONLY=<regex> runs the tests whose names match it, for quick iterations.
    const only = process.env.SOCIABLE_ONLY;
    if (only && !new RegExp(only).test(name)) return;
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

/**
 * The fingerprint the overlay gives of the post a draft answers (data-parent-hash): FNV-1a,
 * 32 bits, over the UTF-16 code units, 8 hex digits. Tests compare it with the one of the
 * post they expect, read from the page, so the reply context is asserted by its text while
 * the extension never writes that text to the page.
 */
export function textHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Throws unless `state` (overlayState) is a reply to exactly `parent`. */
export function assertReplyTo(state, parent) {
  assert(state.context === 'reply', `checked as ${state.context}, not as a reply to ${JSON.stringify(parent)}`);
  assert(state.parentHash === textHash(parent),
    `the post answered (${state.parentLength} characters, hash ${state.parentHash}) is not ${JSON.stringify(parent)} (${parent.length}, ${textHash(parent)})`);
}

/**
 * After a send: the tally (`sentCount()`) counts one more draft than `before`, and still
 * one once the page settled (a button and the box it empties are one draft).
 */
export async function countedOnce(sentCount, what, before) {
  await new Promise((r) => setTimeout(r, 800));
  const after = await until(sentCount, (n) => n > before, what);
  assert(after === before + 1, `${what}: counted ${after - before} times`);
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

/**
 * Pages standing for the sites, each with its real editor; `send` is its post button (YouTube's
 * is pressed in chromium-site-tests.mjs, after the placeholder); `parent`, the elements whose
 * text (a line each) is the post the box answers, where it answers one.
 */
export const EDITORS = [
  { name: 'X (Draft.js)', host: 'x.com', path: 'x.html', selector: '[data-testid="tweetTextarea_0"]', send: '[data-testid="tweetButtonInline"]' },
  { name: 'Facebook (Lexical)', host: 'www.facebook.com', path: 'facebook.html', selector: '#composer', send: '[role="button"][aria-label="Post"]' },
  { name: 'LinkedIn (Quill)', host: 'www.linkedin.com', path: 'linkedin.html', selector: '.ql-editor', send: '.share-actions__primary-action' },
  { name: 'LinkedIn (Quill 1.3.7, which marks its editor data-gramm=false)', host: 'www.linkedin.com', path: 'linkedin-quill1.html', selector: '#composer .ql-editor', send: '.share-actions__primary-action' },
  { name: 'Bluesky (TipTap, dark page)', host: 'bsky.app', path: 'bluesky.html', selector: '.ProseMirror', send: '[data-testid="composerPublishBtn"]', theme: 'dark' },
  { name: 'Reddit (textarea, CSP script-src self)', host: 'www.reddit.com', path: 'reddit.html', selector: 'textarea[name="text"]', send: 'form.comment-form button[type="submit"]', parent: 'shreddit-post [slot="text-body"]', theme: 'light' },
  { name: 'Mastodon (textarea, dark page)', host: 'mastodon.social', path: 'mastodon.html', selector: 'textarea.autosuggest-textarea__textarea', send: '.compose-form__publish button', theme: 'dark' },
  // More editors, their sends and reply context checked in chromium-site-tests.mjs; on
  // Reddit the nested reply box (the top-level one answers a request for recommendations,
  // and the draft gets no underline at "Buy now" there).
  { name: 'Reddit (Lexical rich text in shreddit-composer, CSP script-src self)', host: 'www.reddit.com', path: 'reddit-comments.html', selector: '#nested-box' },
  { name: 'LinkedIn (TipTap comment box)', host: 'www.linkedin.com', path: 'linkedin-comment.html', selector: '#comment-place .ProseMirror' },
  { name: 'LinkedIn (TipTap share box in a modal <dialog>)', host: 'www.linkedin.com', path: 'linkedin-dialog.html', selector: '[componentkey="ShareBox_textEditor"] .ProseMirror' },
  { name: 'YouTube (contenteditable that appears on click)', host: 'www.youtube.com', path: 'youtube.html', selector: '#contenteditable-root', open: '#placeholder-area' },
];

/** X's real home page, saved logged in (../shared/pages/README.md): 20 timeline tweets under the composer. */
export const SAVED_X_HOME = 'x-home-logged-in-2026-02.html';

/** LinkedIn's share box in the open shadow root of #interop-outlet, hidden decoys beside it. */
export const LINKEDIN_SHADOW = { name: 'LinkedIn (Quill in an open shadow root)', host: 'www.linkedin.com', path: 'linkedin-shadow.html', selector: '#composer .ql-editor' };
