// The extension in firefox-esr as a temporary add-on: the textarea and two rich editors.
import { Firefox } from './firefox.mjs';
import { assert, until, EDITORS, PITCH_DRAFT, PITCH_WORDS } from './harness.mjs';
import { checkUnderlines, editorText, overlayElementCentre, overlayState, underlineCentre } from './probes.mjs';

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
  const text = (selector) => firefox.evaluate(editorText, selector);
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
        const at = await firefox.evaluate(underlineCentre, line.rule);
        await firefox.click(at.x, at.y);
        await settled('the card', (s) => s.cardOpen && s.cardRules.includes(line.rule));
        const label = await firefox.evaluate(() => {
          const host = [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.verdict);
          return host.shadowRoot.querySelector('.card button[data-action="apply"]')?.textContent ?? '';
        });
        const replacement = label.match(/“(.*)”/)?.[1];
        assert(replacement, `no suggestion to apply: ${label}`);
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

    await suite.test('firefox: the pages were the only requests', async () => {
      const seen = server.requests.slice(firstRequest);
      assert(seen.length > 0, 'the server saw nothing: the check is blind');
      // Firefox's own remote-settings client keeps trying its server whatever the prefs say,
      // with or without the add-on installed (checked by hand): it is not ours.
      const firefoxItself = (url) => url === 'connect://firefox.settings.services.mozilla.com:443';
      const unknown = seen.filter((url) => !firefoxItself(url)
        && !/^https:\/\/[a-z.]+\/([a-z-]+\.html|pages\/[a-z]+\.(js|css)|favicon\.ico)$/.test(url));
      assert(unknown.length === 0, `unexpected requests: ${[...new Set(unknown)].join(', ')} (${unknown.length} in all)`);
    });
  } finally {
    await firefox.close();
  }
}
