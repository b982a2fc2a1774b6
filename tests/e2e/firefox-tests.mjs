// The extension in firefox-esr as a temporary add-on: every editor page, LinkedIn's shadow-root
// share box, Reddit's shreddit-composer, X home; sends read back from the add-on's storage.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Firefox } from './firefox.mjs';
import { assert, assertReplyTo, countedOnce as countedOnceIn, until, EDITORS, LINKEDIN_SHADOW, PITCH_DRAFT, PITCH_WORDS, SAVED_X_HOME, ANNOUNCE_DRAFT } from './harness.mjs';
import { checkUnderlines, editorText, overlayElementCentre, overlayState, underlineCentre, underlineWave } from './probes.mjs';
import { SAVED_PAGES } from './server.mjs';

/** Every editor page, over HTTPS through the test server acting as proxy. */
const FIREFOX_EDITORS = EDITORS;

export async function firefoxTests(suite, { dist, server }) {
  const firstRequest = server.requests.length;
  let firefox;
  await suite.test('firefox: the add-on installs as a temporary add-on', async () => {
    firefox = await Firefox.launch(dist, server);
  });
  if (!firefox) return;
  const settled = (what, check) => until(() => firefox.evaluate(overlayState), (s) => s.count > 0 && check(s), what);
  /**
   * Opens the card on an underline by a click on its wave (one on the words only moves the
   * caret) and gives the replacement its Apply button offers.
   */
  const openCard = async (line, start) => {
    const at = await firefox.evaluate(underlineWave, { rule: line.rule, start });
    await firefox.click(at.x, at.y);
    await settled('the card', (s) => s.cardOpen && s.cardRules.includes(line.rule));
    const label = await firefox.evaluate(() => {
      const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
      return host.shadowRoot.querySelector('.card button[data-action="apply"]')?.textContent ?? '';
    });
    const replacement = label.match(/“(.*)”/)?.[1];
    assert(replacement, `no suggestion to apply: ${label}`);
    return replacement;
  };
  const text = (selector) => firefox.evaluate(editorText, selector);
  const countedOnce = (what, before) => countedOnceIn(() => firefox.sentCount(), what, before);
  try {
    for (const editor of FIREFOX_EDITORS) {
      await suite.test(`firefox: ${editor.name}: underlines over the words, verdict, apply and undo`, async () => {
        await firefox.goto(`https://${editor.host}/${editor.path}`);
        if (editor.open) await firefox.clickSelector(editor.open);
        await until(() => firefox.evaluate((s) => Boolean(document.querySelector(s)), editor.selector), Boolean, 'the editor');
        await firefox.clickSelector(editor.selector);
        await firefox.type(PITCH_DRAFT);
        const state = await settled('a pitch verdict with underlines',
          (s) => s.verdict === 'pitch' && s.lines.length > 0 && s.indicator?.verdict === 'pitch');
        const check = await firefox.evaluate(checkUnderlines, { selector: editor.selector, text: PITCH_DRAFT });
        assert(check.ok, `underlines off their words: ${check.why}`);

        const start = PITCH_DRAFT.indexOf(PITCH_WORDS);
        const line = state.lines.find((l) => l.start === start);
        assert(line, `no underline starts at "${PITCH_WORDS}"`);
        const before = await text(editor.selector);
        const replacement = await openCard(line, start);
        // Editors merge edits made within a second into one undo step.
        await new Promise((r) => setTimeout(r, 1100));
        const button = await firefox.evaluate(overlayElementCentre, '.card button[data-action="apply"]');
        await firefox.click(button.x, button.y);
        const after = await until(() => text(editor.selector), (t) => t.includes(replacement), 'the suggestion in the text');
        assert(!after.includes(PITCH_WORDS), `"${PITCH_WORDS}" still there after applying`);
        await firefox.pressCtrl('z');
        await until(() => text(editor.selector), (t) => t === before, 'undo to restore the text');
      });
    }

    for (const editor of FIREFOX_EDITORS.filter((e) => /Reddit|Lexical/.test(e.name))) {
      await suite.test(`firefox: ${editor.name}: issue 11: the whole-draft note is no underline; a click on the words opens no card, one on the underline does; typing closes it`, async () => {
        await firefox.goto(`https://${editor.host}/${editor.path}`);
        await until(() => firefox.evaluate((s) => Boolean(document.querySelector(s)), editor.selector), Boolean, 'the editor');
        await firefox.clickSelector(editor.selector);
        await firefox.type(ANNOUNCE_DRAFT);
        const start = ANNOUNCE_DRAFT.indexOf('Buy now');
        const state = await settled('a note and underlines', (s) => s.notes.includes('no-opening') && s.lines.some((l) => l.start === start));
        assert(!state.lines.some((l) => l.rule === 'no-opening'), 'the whole-draft finding is drawn as an underline');
        const words = await firefox.evaluate(underlineCentre, state.lines.find((l) => l.start === start).rule);
        await firefox.click(words.x, words.y);
        await new Promise((r) => setTimeout(r, 600));
        assert(!(await firefox.evaluate(overlayState)).cardOpen, 'a click that moved the caret opened the card');
        const at = await firefox.evaluate(underlineWave, { start });
        await firefox.click(at.x, at.y);
        await settled('the card from the underline', (s) => s.cardOpen);
        await firefox.type('\uE010 Really.');
        await settled('the card closed by typing', (s) => !s.cardOpen && s.length > ANNOUNCE_DRAFT.length);
      });
    }

    await suite.test('firefox: LinkedIn share box in an open shadow root: text read exactly, underlines on the words, a new post, Post counts once; hidden decoys get nothing', async () => {
      const editor = LINKEDIN_SHADOW;
      await firefox.goto(`https://${editor.host}/${editor.path}`);
      await until(() => firefox.evaluate(editorText, editor.selector), (t) => t !== null, 'the editor');
      await firefox.clickSelector(editor.selector);
      // One line: Quill 2 itself loses its caret in a shadow root in Firefox (Enter splits the
      // text letter by letter, the first letter lands last), so compare with what it holds.
      await firefox.type(PITCH_DRAFT.replace(/\n+/g, ' '));
      const held = (await text(editor.selector)).replace(/\n$/, '');
      const state = await settled('a pitch verdict with underlines', (s) => s.length === held.length && s.verdict === 'pitch' && s.lines.length > 0 && s.indicator);
      assert(state.length === held.length, `read ${state.length} characters of ${held.length}`);
      const check = await firefox.evaluate(checkUnderlines, { selector: editor.selector, text: held });
      assert(check.ok, `underlines off their words: ${check.why}`);
      const count = await firefox.evaluate(() => document.querySelectorAll('[data-sociable-overlay]').length);
      assert(count === 1, `${count} overlays; the decoys got one`);
      assert(state.context === 'new-post', `the share box checked as ${state.context}`);
      const before = await firefox.sentCount();
      await firefox.clickSelector('.share-actions__primary-action');
      await countedOnce('the Post button in the shadow root', before);
    });

    await suite.test('firefox: LinkedIn share box in an open shadow root: apply a suggestion over the words, undo it with Ctrl+Z', async () => {
      const editor = LINKEDIN_SHADOW;
      await firefox.goto(`https://${editor.host}/${editor.path}`);
      await until(() => firefox.evaluate(editorText, editor.selector), (t) => t !== null, 'the editor');
      await firefox.clickSelector(editor.selector);
      const typed = PITCH_DRAFT.replace(/\n+/g, ' ');
      await firefox.type(typed);
      // Quill 2 loses its caret in a shadow root: go by what it holds.
      const held = () => firefox.evaluate(() => document.getElementById('interop-outlet').shadowRoot.querySelector('.ql-editor').textContent);
      const before = await until(held, (t) => t.length === typed.length, 'the typed text');
      const start = before.indexOf(PITCH_WORDS);
      const state = await settled(`an underline at "${PITCH_WORDS}"`, (s) => s.lines.some((l) => l.start === start));
      const line = state.lines.find((l) => l.start === start);
      const replacement = await openCard(line, start);
      await new Promise((r) => setTimeout(r, 1100)); // Quill merges edits within a second into one undo step
      const button = await firefox.evaluate(overlayElementCentre, '.card button[data-action="apply"]');
      await firefox.click(button.x, button.y);
      const after = await until(held, (t) => t.includes(replacement), 'the suggestion in the shadow root\'s editor');
      assert(after.startsWith(before.slice(0, start)) && after.endsWith(before.slice(line.end)), `applied elsewhere: ${JSON.stringify(after)}`);
      await firefox.pressCtrl('z');
      await until(held, (t) => t === before, 'undo to restore the text');
    });

    // Reddit's shreddit-composer with Lexical in slot=rte (tests/pages/reddit-comments.html).
    const redditBoxes = [
      { box: '#top-box', send: '#top-level [slot="submit-button"]', text: PITCH_DRAFT, parent: () => [...document.querySelectorAll('shreddit-post [slot="title"], shreddit-post [slot="text-body"]')].map((e) => e.textContent.trim()).join('\n'), what: 'the top-level box answers the post' },
      { box: '#nested-box', send: '#nested [slot="submit-button"]', text: 'Jonathan Strange, and then Piranesi again. Buy now and get 50% off!', parent: () => document.querySelector('[thingid="t1_bbb"] > [slot="comment"]').textContent.trim(), what: 'a nested reply box answers its comment' },
    ];
    for (const { box, send, text: draft, parent, what } of redditBoxes) {
      await suite.test(`firefox: Reddit shreddit-composer, Lexical in slot=rte: ${what}; text read exactly, underlines on the words, Comment counts once`, async () => {
        await firefox.goto('https://www.reddit.com/reddit-comments.html');
        await until(() => firefox.evaluate((s) => Boolean(document.querySelector(s)?.isContentEditable), box), Boolean, 'the Lexical box');
        await firefox.clickSelector(box);
        await firefox.type(draft);
        const state = await settled('a pitch verdict on the whole draft', (s) => s.length === draft.length && s.verdict === 'pitch' && s.lines.length > 0);
        const check = await firefox.evaluate(checkUnderlines, { selector: box, text: draft });
        assert(check.ok, `underlines off their words: ${check.why}`);
        const expected = await firefox.evaluate(parent);
        assertReplyTo(state, expected);
        const before = await firefox.sentCount();
        await firefox.clickSelector(send);
        await countedOnce('the Comment button', before);
        assert(await firefox.evaluate((s) => document.querySelector(s).textContent, box) === '', 'the page did not empty the box');
      });
    }

    await suite.test('firefox: X home composer (Draft.js page, a tweet in the timeline below it): a new post; text read exactly, underlines on the words; Post counts once', async () => {
      const editor = EDITORS.find((e) => e.path === 'x.html');
      await firefox.goto(`https://${editor.host}/${editor.path}`);
      await until(() => firefox.evaluate((s) => Boolean(document.querySelector(s)), editor.selector), Boolean, 'the composer');
      await firefox.evaluate(() => document.querySelector('[data-testid="primaryColumn"]').insertAdjacentHTML('beforeend',
        '<article data-testid="tweet"><div data-testid="tweetText">Can anyone recommend a note-taking app?</div></article>'));
      await firefox.clickSelector(editor.selector);
      await firefox.type(PITCH_DRAFT);
      const state = await settled('a pitch verdict on the whole draft', (s) => s.length === PITCH_DRAFT.length && s.verdict === 'pitch' && s.lines.length > 0);
      const check = await firefox.evaluate(checkUnderlines, { selector: editor.selector, text: PITCH_DRAFT });
      assert(check.ok, `underlines off their words: ${check.why}`);
      assert(state.context === 'new-post', `checked as ${state.context} (parent of ${state.parentLength} characters)`);
      const before = await firefox.sentCount();
      await firefox.clickSelector('[data-testid="tweetButtonInline"]');
      await countedOnce('the Post button', before);
    });

    /** Where in `server.requests` the saved page's own requests (its images on the web) are. */
    let savedRequests = [0, 0];
    if (existsSync(join(SAVED_PAGES, SAVED_X_HOME))) {
      await suite.test('firefox: the real saved X home page: composer found, underlines over the words, a new post', async () => {
        savedRequests = [server.requests.length, Infinity];
        await firefox.goto(`https://x.com/saved/${SAVED_X_HOME}`);
        const selector = 'div.public-DraftEditor-content[contenteditable="true"][data-testid="tweetTextarea_0"]';
        await until(() => firefox.evaluate((s) => Boolean(document.querySelector(s)), selector), Boolean, 'the composer');
        await firefox.clickSelector(selector);
        await firefox.type(PITCH_DRAFT);
        const state = await settled('a pitch verdict with underlines', (s) => s.verdict === 'pitch' && s.lines.length > 0);
        const check = await firefox.evaluate(checkUnderlines, { selector, text: PITCH_DRAFT });
        assert(check.ok, `underlines off their words: ${check.why}`);
        assert(state.context === 'new-post', `checked as ${state.context} (parent of ${state.parentLength} characters)`);
        // A blank page, so the saved page asks for nothing more.
        await firefox.goto('about:blank');
        savedRequests[1] = server.requests.length;
      });
    } else {
      console.log(`skip  firefox: the real saved X home page (${SAVED_PAGES} is missing)`);
    }

    await suite.test('firefox: the pages were the only requests', async () => {
      const [from, to] = savedRequests.map((i) => i - firstRequest);
      const seen = server.requests.slice(firstRequest).filter((_, i) => i < from || i >= to);
      assert(seen.length > 0, 'the server saw nothing: the check is blind');
      // Firefox's own remote-settings client keeps trying its server whatever the prefs say,
      // with or without the add-on installed (checked by hand): it is not ours.
      const firefoxItself = (url) => url === 'connect://firefox.settings.services.mozilla.com:443';
      const unknown = seen.filter((url) => !firefoxItself(url)
        && !/^https:\/\/[a-z.]+\/([a-z0-9-]+\.html|saved\/[a-z0-9-]+\.html|pages\/[a-z0-9-]+\.(js|css)|favicon\.ico)$/.test(url));
      assert(unknown.length === 0, `unexpected requests: ${[...new Set(unknown)].join(', ')} (${unknown.length} in all)`);
    });
  } finally {
    await firefox.close();
  }
}
