// The pages modelled on the live sites' markup (tests/pages/, each citing what it models):
// for each, the box is found, its text is read exactly, the underlines lie on the flagged
// words, the reply context is the post answered (by its text: the overlay gives tests a
// hash of the post it sent, never its text, compared with the hash of the post expected) or none, and a sent draft counts once in the
// tally, whatever the button's label says.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { assert, assertReplyTo, countedOnce as countedOnceIn, until, PITCH_DRAFT } from './harness.mjs';
import { checkUnderlines, overlayState, underlineWave } from './probes.mjs';

/** One line: boxes that send on Enter must not get the draft's line breaks. */
const PITCH_LINE = PITCH_DRAFT.replace(/\n+/g, ' ');

/** The trimmed text of each element matching `selector`, in the page. */
function textsOf(selector) {
  return [...document.querySelectorAll(selector)].map((el) => el.textContent.trim());
}

/** Whether the element at `selector` is a TipTap editor's (TipTap sets `dom.editor`). */
function isTipTap(selector) {
  return Boolean(document.querySelector(selector)?.editor?.commands);
}

export async function chromiumSiteTests(suite, { browser, server, watch, open }) {
  const { context } = browser;
  const settled = (page, what, check) => until(() => page.evaluate(overlayState), (s) => s.count > 0 && check(s), what);
  /** The drafts counted so far, to compare with after a send. */
  const mark = (b = browser) => b.sentCount();
  const countedOnce = (what, before, b = browser) => countedOnceIn(b.sentCount, what, before);
  const notCounted = async (what, before, b = browser) => {
    await new Promise((r) => setTimeout(r, 600));
    const after = await b.sentCount();
    assert(after === before, `${what} counted as sent (${after - before} times)`);
  };
  /** Types `text` in the box and checks what every page must show. */
  const typeAndCheck = async (page, selector, text, verdict = 'pitch') => {
    // `verdict`: 'pitch' (with underlines to check), or 'any' for a reply that is not one.
    await page.click(selector);
    await page.keyboard.type(text);
    const state = await settled(page, `a ${verdict} verdict on all ${text.length} characters`,
      (s) => s.length === text.length && (verdict === 'pitch' ? s.verdict === 'pitch' && s.lines.length > 0 : s.verdict !== ''));
    if (verdict === 'pitch') {
      const check = await page.evaluate(checkUnderlines, { selector, text });
      assert(check.ok, `underlines off their words: ${check.why}`);
    }
    return state;
  };
  const isReplyTo = assertReplyTo;
  const isNewPost = (state) => assert(state.context === 'new-post', `checked as ${state.context} (parent of ${state.parentLength} characters)`);
  const boxText = (page, selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

  await suite.test('chromium: Reddit shreddit-composer, Lexical in slot=rte: the top-level box answers the post (title and body), its Comment button counts once', async () => {
    const page = await open({ host: 'www.reddit.com', path: 'reddit-comments.html', selector: '#top-box' });
    const state = await typeAndCheck(page, '#top-box', PITCH_DRAFT);
    // Rich text makes each line a paragraph (plain text would break lines inside one).
    const paragraphs = await page.evaluate(() => document.querySelectorAll('#top-box > p').length);
    assert(paragraphs === 3, `${paragraphs} paragraphs for three lines: not Lexical rich text?`);
    const [title, body] = await page.evaluate(textsOf, 'shreddit-post [slot="title"], shreddit-post [slot="text-body"]');
    isReplyTo(state, `${title}\n${body}`);
    const before = await mark();
    await page.click('#top-level [slot="submit-button"]');
    await countedOnce('the Comment button', before);
    assert((await boxText(page, '#top-box')) === '', 'the page did not empty the box');
    await page.close();
  });

  await suite.test('chromium: Reddit reply box inside a nested shreddit-comment answers that comment, not its parent or the post; its Comment button counts once', async () => {
    const page = await open({ host: 'www.reddit.com', path: 'reddit-comments.html', selector: '#nested-box' });
    const state = await typeAndCheck(page, '#nested-box', 'Jonathan Strange, and then Piranesi again. What did you think of the ending?', 'any');
    const [outer, inner] = await page.evaluate(textsOf, 'shreddit-comment > [slot="comment"]');
    assert(outer !== inner, 'the two comments must differ for this test to tell them apart');
    isReplyTo(state, inner);
    const before = await mark();
    await page.click('#nested [slot="submit-button"]');
    await countedOnce('the reply\'s Comment button', before);
    await page.close();
  });

  await suite.test('chromium: Facebook feed (French labels): a comment box answers its post\'s story_message; Enter that empties it counts once', async () => {
    const page = await open({ host: 'www.facebook.com', path: 'facebook-feed.html', selector: '#comment-box' });
    const state = await typeAndCheck(page, '#comment-box', PITCH_LINE);
    const [first] = await page.evaluate(textsOf, '[aria-posinset] [data-ad-rendering-role="story_message"]');
    isReplyTo(state, first);
    const before = await mark();
    await page.keyboard.press('Enter');
    await countedOnce('Enter in the comment box', before);
    assert((await boxText(page, '#comment-box')) === '', 'the page did not empty the box');
    await page.close();
  });

  await suite.test('chromium: Facebook post opened in a [role=dialog]: its comment box answers that post\'s story_message, not the first post', async () => {
    const page = await open({ host: 'www.facebook.com', path: 'facebook-feed.html', selector: '#open-post-2' });
    await page.waitForSelector('#dialog-box[contenteditable="true"]');
    const state = await typeAndCheck(page, '#dialog-box', PITCH_LINE);
    const [first, second] = await page.evaluate(textsOf, '[aria-posinset] [data-ad-rendering-role="story_message"]');
    assert(first !== second, 'the two posts must differ for this test to tell them apart');
    isReplyTo(state, second);
    await page.close();
  });

  await suite.test('chromium: Facebook feed: the "create post" box is a new post; Enter that only adds a line sends nothing', async () => {
    const page = await open({ host: 'www.facebook.com', path: 'facebook-feed.html', selector: '#new-post-box' });
    const before = await mark();
    const state = await typeAndCheck(page, '#new-post-box', PITCH_DRAFT);
    isNewPost(state);
    await page.keyboard.press('Enter');
    await notCounted('Enter that added a line', before);
    await page.close();
  });

  await suite.test('chromium: Bluesky reply dialog: the fallback textarea is found, then TipTap in its place; the reply answers the preview (no test id); Post counts once', async () => {
    const page = watch(await context.newPage());
    await page.goto(browser.pageUrl('bsky.app', 'bluesky-reply.html'));
    await until(() => page.evaluate(() => ({
      textarea: Boolean(document.querySelector('#fallback')),
      overlays: document.querySelectorAll('[data-sociable-overlay]').length,
    })), (s) => s.textarea && s.overlays === 1, 'an overlay for the fallback textarea');
    await page.waitForSelector('html[data-editor="tiptap"]', { state: 'attached' });
    const selector = '#editor .ProseMirror';
    const state = await typeAndCheck(page, selector, PITCH_DRAFT);
    assert(await page.evaluate(isTipTap, selector), 'the box is not a TipTap editor');
    assert(state.count === 1, `${state.count} overlays: the textarea's outlived it`);
    const [, post] = await page.evaluate(textsOf, '.reply-to div[dir="auto"]');
    isReplyTo(state, post);
    const before = await mark();
    await page.click('[data-testid="composerPublishBtn"]');
    await countedOnce('the Post button', before);
    await page.close();
  });

  await suite.test('chromium: YouTube: the placeholder turns into the box; a top-level comment is a new post and Comment counts once; a reply answers its comment', async () => {
    const page = await open({ host: 'www.youtube.com', path: 'youtube.html', open: '#placeholder-area', selector: '#contenteditable-root' });
    const state = await typeAndCheck(page, '#contenteditable-root', PITCH_DRAFT);
    isNewPost(state);
    const before = await mark();
    await page.click('#submit-button button');
    await countedOnce('the Comment button', before);
    await page.waitForSelector('#placeholder-area');
    await page.click('#reply-button-end');
    const reply = await typeAndCheck(page, '#reply-box #contenteditable-root', 'About an hour, then I shape it. How warm is your kitchen?', 'any');
    const [comment] = await page.evaluate(textsOf, 'ytd-comment-view-model #content-text');
    isReplyTo(reply, comment);
    await page.close();
  });

  await suite.test('chromium: LinkedIn TipTap comment box: answers its post (feed-commentary_), the button under commentButtonSection (French label) counts once', async () => {
    const selector = '#comment-place .ProseMirror';
    const page = await open({ host: 'www.linkedin.com', path: 'linkedin-comment.html', selector });
    const state = await typeAndCheck(page, selector, PITCH_DRAFT);
    assert(await page.evaluate(isTipTap, selector), 'the box is not a TipTap editor');
    const posts = await page.evaluate(textsOf, '[componentkey^="feed-commentary_"]');
    isReplyTo(state, posts[1]);
    const before = await mark();
    await page.click('#send-comment');
    await countedOnce('the Commenter button', before);
    await page.close();
  });

  await suite.test('chromium: Threads reply dialog: the reply answers the post (the second text block, not the author\'s name); without a post above, a new post; Publier counts once', async () => {
    const page = await open({ host: 'www.threads.com', path: 'threads.html', selector: '#reply-box' });
    const state = await typeAndCheck(page, '#reply-box', PITCH_DRAFT);
    const [name, post] = await page.evaluate(textsOf, '[data-pressable-container] span[dir="auto"]');
    assert(name !== post, 'the name and the post must differ for this test to tell them apart');
    isReplyTo(state, post);
    const before = await mark();
    await page.click('#post');
    await countedOnce('the Publier button', before);
    // The same dialog for a new thread: no post above the box.
    await page.evaluate(() => document.querySelector('[data-pressable-container]').remove());
    isNewPost(await typeAndCheck(page, '#reply-box', PITCH_DRAFT));
    await page.close();
  });

  await suite.test('chromium: Instagram comment form (French labels): the emoji button sends nothing, Publier counts once', async () => {
    const page = await open({ host: 'www.instagram.com', path: 'instagram.html', selector: 'textarea' });
    const state = await typeAndCheck(page, 'textarea', PITCH_LINE);
    const [title] = await page.evaluate(textsOf, 'article h1');
    isReplyTo(state, title);
    const before = await mark();
    await page.click('#emoji');
    await notCounted('the emoji button', before);
    await page.click('#post');
    await countedOnce('the Publier button', before);
    await page.close();
  });

  await suite.test('chromium: LinkedIn share box in an open shadow root: apply a suggestion, undo it with Ctrl+Z', async () => {
    const selector = '#composer .ql-editor';
    const page = await open({ host: 'www.linkedin.com', path: 'linkedin-shadow.html', selector });
    await page.keyboard.type(PITCH_LINE);
    // Quill 2 loses its caret in a shadow root (the first letter lands last): go by what it holds.
    const text = () => page.evaluate(() => document.getElementById('interop-outlet').shadowRoot.querySelector('.ql-editor').textContent);
    const before = await until(text, (t) => t.length === PITCH_LINE.length, 'the typed text');
    const start = before.indexOf('Buy now');
    const state = await settled(page, 'an underline at "Buy now"', (s) => s.lines.some((l) => l.start === start));
    const line = state.lines.find((l) => l.start === start);
    await page.waitForTimeout(1100); // Quill merges edits within a second into one undo step
    // A click on the wave opens the card (one on the words only moves the caret).
    const applied = await page.evaluate(underlineWave, { rule: line.rule, start });
    await page.mouse.click(applied.x, applied.y);
    await settled(page, 'the card', (s) => s.cardOpen);
    const apply = page.locator('[data-sociable-overlay] .card button[data-action="apply"]').first();
    const replacement = (await apply.textContent()).match(/“(.*)”/)?.[1];
    assert(replacement, 'no suggestion to apply');
    await apply.click();
    const after = await until(text, (t) => t.includes(replacement), 'the suggestion in the shadow root\'s editor');
    // Typed over the words, inside the shadow root, not at a caret elsewhere.
    assert(after.startsWith(before.slice(0, start)) && after.endsWith(before.slice(line.end)), `applied elsewhere: ${JSON.stringify(after)}`);
    await page.keyboard.press('Control+z');
    await until(text, (t) => t === before, 'undo to restore the text');
    await page.close();
  });

  // Sites the user enables from the popup: optional-sites.ts registers content.js for each
  // granted origin (document_idle). Chromium grants an optional host permission only at a
  // person's prompt, so this copy of the extension lists the two test hosts among its
  // content-script matches instead: the same script, on hosts no adapter names.
  const patched = mkdtempSync(join(tmpdir(), 'sociable-enabled-'));
  let other;
  try {
    cpSync(browser.dist, patched, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(patched, 'manifest.json'), 'utf8'));
    const enabled = ['*://social.example.org/*', '*://forum.example.org/*'];
    manifest.content_scripts[0].matches.push(...enabled);
    manifest.host_permissions.push(...enabled);
    writeFileSync(join(patched, 'manifest.json'), JSON.stringify(manifest));
    other = await launchChromium(patched, server);
    // What "Enable on this site" saves once granted; Mastodon needs no entry: its markup says it.
    await other.worker.evaluate(() => chrome.storage.sync.set({ sites: { 'forum.example.org': true } }));
    const openOn = async (host, path, selector) => {
      const page = watch(await other.context.newPage());
      await page.goto(other.pageUrl(host, path));
      await page.waitForSelector(selector);
      return page;
    };

    await suite.test('chromium: a Mastodon server no list names is recognised by #mastodon[data-props]: reply context, .compose-form__submit counts once', async () => {
      const page = await openOn('social.example.org', 'mastodon-server.html', 'textarea');
      const state = await typeAndCheck(page, 'textarea', PITCH_DRAFT);
      const [answered] = await page.evaluate(textsOf, '.reply-indicator__content');
      isReplyTo(state, answered);
      const before = await mark(other);
      await page.click('.compose-form__submit button');
      await countedOnce('the Publier button', before, other);
      await page.close();
    });

    await suite.test('chromium: a site the table does not know: a click in the form that empties the box counts once, one that does not sends nothing', async () => {
      const page = await openOn('forum.example.org', 'forum.html', 'textarea');
      await typeAndCheck(page, 'textarea', PITCH_DRAFT);
      const before = await mark(other);
      await page.click('#bold');
      await notCounted('a click that left the text', before, other);
      await page.click('#send');
      await countedOnce('the Absenden link', before, other);
      await page.close();
    });
  } finally {
    await other?.close();
    rmSync(patched, { recursive: true, force: true });
  }
}
