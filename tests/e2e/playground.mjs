// The playground page (dist/www) in Debian's Chromium: real keystrokes, the extension's
// overlay on both editors, strictness, the examples, reply mode, apply and undo, keyboard,
// phone width, and proof that the page asks nothing of anyone but its own server.
// Run by ./build.sh test; alone: node tests/e2e/playground.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, Suite, until } from './harness.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const site = join(root, 'dist', 'www');
const output = join(root, 'tests', 'output');
const { chromium } = createRequire(join(root, 'tests', 'package.json'))('playwright-core');
const started = Date.now();

// extension/build.mjs empties dist/ when it runs; build the page again if it went missing.
if (!existsSync(join(site, 'index.html'))) execFileSync('node', [join(root, 'www', 'build.mjs')], { stdio: 'inherit' });

// ---- a tiny static server that logs every request ---------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const served = [];
const server = createServer((req, res) => {
  served.push(req.url);
  const path = new URL(req.url, 'http://x').pathname;
  const file = normalize(join(site, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (!file.startsWith(site) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- harness ----------------------------------------------------------------------------

const suite = new Suite();
const test = (name, fn) => suite.test(name, fn);

// ---- the browser ------------------------------------------------------------------------

const profile = mkdtempSync(join(tmpdir(), 'sociable-playground-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic'],
  viewport: { width: 1280, height: 900 },
  colorScheme: 'light',
  // Meters animate; screenshots should show where they end.
  reducedMotion: 'reduce',
});
const requests = [];
const errors = [];
context.on('request', (request) => requests.push(request.url()));
const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') errors.push(`console: ${message.text()}`);
});
mkdirSync(output, { recursive: true });

/** What the overlay drew: its facts (never the text) and its underlines. */
const overlay = () => page.evaluate(() => {
  const host = document.querySelector('[data-sociable-overlay]');
  if (!host?.shadowRoot) return undefined;
  const lines = [...host.shadowRoot.querySelectorAll('.line')].map((l) => {
    const r = l.getBoundingClientRect();
    return { rule: l.dataset.rule, start: Number(l.dataset.start), end: Number(l.dataset.end), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  const d = host.dataset;
  // Findings about the whole draft are notes at the indicator, never underlines.
  const notes = (host.shadowRoot.querySelector('.indicator')?.dataset.notes ?? '').split(' ').filter(Boolean);
  return { verdict: d.verdict, pitch: Number(d.pitch), length: Number(d.length), rev: Number(d.rev ?? 0), lines, notes };
});
const draftText = () => page.evaluate(() => {
  const el = document.getElementById('draft');
  return el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\n$/, '');
});
const panelVerdict = () => page.locator('#verdict').getAttribute('data-verdict');
/** Waits for the overlay to draw a report for a text of `length` characters. */
const settled = (length, after = -1) => until(overlay, (o) => o && o.length === length && o.rev > after && o.verdict, `a report for ${length} characters`);
const rules = (o) => new Set([...o.lines.map((l) => l.rule), ...o.notes]);
/** The page replaces the draft as typing would, a few tasks after the click: wait for it. */
const edited = () => until(() => page.evaluate(() => !('editing' in document.body.dataset)), Boolean, 'the draft edit to land');
const loadExample = async (id) => {
  await page.locator(`button[data-example="${id}"]`).click();
  await edited();
};
const clearDraft = async () => {
  await page.locator('#clear').click();
  await edited();
};
/** What the overlay's card shows: open or not, its findings' rules, whether it has focus. */
const card = () => page.evaluate(() => {
  const root = document.querySelector('[data-sociable-overlay]')?.shadowRoot;
  const node = root?.querySelector('.card');
  return {
    open: Boolean(node && !node.hidden),
    rules: node ? [...node.querySelectorAll('li[data-rule]')].map((li) => li.dataset.rule) : [],
    focused: Boolean(node && root.activeElement && node.contains(root.activeElement)),
  };
});
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom + 4 && b.top < a.bottom + 4;

const PITCH = 'Buy now and get 50% off our new course! Limited time only.';
const EXPECTED = {
  launch: (v) => v === 'pitch',
  discount: (v) => v === 'pitch',
  bait: (v) => v === 'pitch',
  question: (v) => v === 'conversation',
  reply: (v) => v !== 'pitch',
};

await test('the page loads its own files and starts the core', async () => {
  await page.goto(`${origin}/`);
  await until(() => page.evaluate(() => 'ready' in document.body.dataset || 'failed' in document.body.dataset), Boolean, 'the core to start', 15000);
  assert(await page.evaluate(() => 'ready' in document.body.dataset), `core failed: ${await page.locator('#why').textContent()}`);
  assert((await page.locator('h1').textContent()).length > 10, 'no headline');
  for (const file of ['/main.js', '/sociable.js', '/sociable_bg.wasm', '/style.css']) assert(served.some((u) => u.startsWith(file)), `${file} not loaded`);
});

await test('typing a pitch with real keystrokes: verdict, meters and underlines in the textarea', async () => {
  const box = page.locator('#draft');
  assert(await box.evaluate((el) => el instanceof HTMLTextAreaElement), 'plain editor is not a textarea');
  await box.click();
  await page.keyboard.type(PITCH, { delay: 5 });
  const o = await settled(PITCH.length);
  assert(o.verdict === 'pitch', `verdict ${o.verdict}`);
  assert(await panelVerdict() === 'pitch', 'the panel does not say pitch');
  const meter = Number(await page.locator('#meter-pitch').getAttribute('aria-valuenow'));
  assert(meter === o.pitch && meter > 50, `pitch meter ${meter}, overlay ${o.pitch}`);
  const buy = o.lines.find((l) => l.start === 0 && l.end === 'Buy now'.length);
  assert(buy, `no underline under "Buy now": ${JSON.stringify(o.lines)}`);
  const area = await box.boundingBox();
  // "Buy now" opens the first line: its underline sits at the box's top left, inside it.
  assert(buy.left >= area.x && buy.left < area.x + 40 && buy.top > area.y && buy.bottom < area.y + 60, `underline at ${JSON.stringify(buy)}, box ${JSON.stringify(area)}`);
  assert(await page.locator('.finding[data-axis="pitch"]').count() >= 3, 'the findings list has too few pitch findings');
});

await test('rich text editor: the same draft, underlines overlap the flagged words', async () => {
  await page.locator('label:has(input[name="editor"][value="rich"])').click();
  assert(await page.locator('#draft[contenteditable="true"]').count() === 1, 'no contenteditable editor');
  assert(await draftText() === PITCH, 'the draft did not carry over');
  const o = await settled(PITCH.length);
  for (const words of ['Buy now', '50% off']) {
    const at = PITCH.indexOf(words);
    const line = o.lines.find((l) => l.start <= at && l.end >= at + words.length);
    assert(line, `no underline for "${words}"`);
    const box = await page.evaluate(([start, end]) => {
      const el = document.getElementById('draft');
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode();
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }, [at, at + words.length]);
    assert(overlap(line, box), `underline ${JSON.stringify(line)} misses "${words}" at ${JSON.stringify(box)}`);
  }
});

await test('strictness: stricter presets flag more, looser ones less', async () => {
  const pick = async (value) => {
    const before = (await overlay()).rev;
    await page.locator(`label:has(input[name="strictness"][value="${value}"])`).click();
    return settled(PITCH.length, before);
  };
  const relaxed = rules(await pick('relaxed'));
  const strict = rules(await pick('strict'));
  const balanced = rules(await pick('balanced'));
  assert(relaxed.size < strict.size, `relaxed ${[...relaxed]} vs strict ${[...strict]}`);
  for (const r of relaxed) assert(balanced.has(r) && strict.has(r), `${r} flagged when relaxed but not stricter`);
});

await test('the findings list selects the flagged words and opens their card through the Checker (rich, then plain)', async () => {
  const selected = () => page.evaluate(() => {
    const el = document.getElementById('draft');
    return el instanceof HTMLTextAreaElement ? el.value.slice(el.selectionStart, el.selectionEnd) : String(getSelection());
  });
  for (const kind of ['rich', 'plain']) {
    await page.locator(`label:has(input[name="editor"][value="${kind}"])`).click();
    const o = await settled(PITCH.length);
    const words = page.locator('.finding button.words', { hasText: '50% off' });
    const rule = await words.evaluate((button) => button.closest('.finding').dataset.rule);
    await words.click();
    assert(await selected() === '50% off', `${kind}: selected "${await selected()}"`);
    assert(await page.evaluate(() => document.activeElement?.id) === 'draft', `${kind}: focus did not move to the draft`);
    // The card is the overlay's own, opened next to the words' underline.
    const shown = await card();
    assert(shown.open && shown.rules.length === 1 && shown.rules[0] === rule, `${kind}: card ${JSON.stringify(shown)}, expected ${rule}`);
    const at = PITCH.indexOf('50% off');
    const line = o.lines.find((l) => l.rule === rule && l.start <= at);
    assert(line, `${kind}: no underline for "50% off"`);
    const box = await page.locator('[data-sociable-overlay] .card').boundingBox();
    const beside = Math.abs(box.y - line.bottom) < 12 || box.y + box.height <= line.top;
    assert(beside && Math.abs(box.x - line.left) < 40, `${kind}: card at ${JSON.stringify(box)}, underline ${JSON.stringify(line)}`);
    await page.keyboard.press('Escape');
    await until(card, (c) => !c.open, `${kind}: Escape to close the card`);
  }
});

await test('examples: each loads with one click and gets its verdict (balanced)', async () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    const before = (await overlay()).rev;
    await loadExample(id);
    const text = await draftText();
    const o = await settled(text.length, before);
    assert(expected(o.verdict), `${id}: verdict ${o.verdict}`);
    assert(await panelVerdict() === o.verdict, `${id}: panel says ${await panelVerdict()}, overlay ${o.verdict}`);
  }
  // The genuine question says what is good, not only what sells.
  await loadExample('question');
  await until(() => page.locator('.finding[data-severity="good"]').count(), (n) => n >= 1, 'a good finding for the question');
});

await test('reply mode: a product named for someone who asked is help; alone it reads as a pitch', async () => {
  let before = (await overlay()).rev;
  await loadExample('reply');
  const text = await draftText();
  let o = await settled(text.length, before);
  assert(await page.locator('input[name="mode"][value="reply"]').isChecked(), 'not in reply mode');
  assert((await page.locator('#parent').inputValue()).includes('recommend'), 'the parent was not filled');
  assert(o.verdict !== 'pitch', `as a reply: ${o.verdict}`);
  assert(await page.locator('#compare').isVisible(), 'no comparison with the draft read alone');
  before = o.rev;
  await page.locator('label:has(input[name="mode"][value="post"])').click();
  o = await settled(text.length, before);
  assert(o.verdict === 'pitch', `as a new post: ${o.verdict}`);
  assert(await page.locator('#parent-field').isHidden(), 'the parent field stays in new-post mode');
});

/** Ways to apply the suggestion for the draft's first words ("Buy now"); each clicks its button and returns its label. */
const APPLY_FROM = {
  'the card': async (o) => {
    const line = o.lines.find((l) => l.start === 0);
    assert(line, 'no underline under "Buy now"');
    // On the wave itself: a click on the words only moves the caret.
    await page.mouse.click((line.left + line.right) / 2, line.top + 1);
    const apply = page.locator('[data-sociable-overlay] .card li[data-rule] button[data-action="apply"]').first();
    await apply.waitFor({ timeout: 4000 });
    const label = await apply.textContent();
    await apply.click();
    return label;
  },
  'the findings list': async () => {
    const apply = page.locator('.finding[data-start="0"] button.suggestion').first();
    const label = await apply.textContent();
    await apply.click();
    return label;
  },
};

for (const [where, applyFrom] of Object.entries(APPLY_FROM)) {
  for (const kind of ['plain', 'rich']) {
    await test(`apply a suggestion from ${where}, then Ctrl+Z restores the draft (${kind})`, async () => {
      await page.locator(`label:has(input[name="editor"][value="${kind}"])`).click();
      await clearDraft();
      await page.locator('#draft').click();
      await page.keyboard.type(PITCH);
      const label = await applyFrom(await settled(PITCH.length));
      const replacement = label.match(/“(.*)”/)?.[1];
      assert(replacement, `no suggestion for "Buy now": ${label}`);
      const changed = await until(draftText, (t) => t !== PITCH, 'the suggestion to apply');
      assert(changed.includes(replacement) && !changed.startsWith('Buy now') && changed.endsWith('Limited time only.'),
        `applied "${replacement}": ${changed}`);
      await settled(changed.length);
      await page.locator('#draft').focus();
      await page.keyboard.press('Control+z');
      await until(draftText, (t) => t === PITCH, 'Ctrl+Z to restore the draft');
    });
  }
}

await test('keyboard: controls are reachable with Tab, focus is visible, the card opens and closes', async () => {
  await loadExample('launch');
  await settled((await draftText()).length);
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const seen = new Set();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el.matches('input') ? el.nextElementSibling ?? el : el) : null;
      return { id: el?.id || el?.getAttribute('name') || el?.dataset.example || el?.tagName, outline: style?.outlineStyle, borderColor: style?.borderColor };
    });
    seen.add(info.id);
    if (info.id === 'review') assert(info.outline !== 'none', 'no visible focus on the review button');
  }
  for (const want of ['theme', 'mode', 'strictness', 'editor', 'draft', 'launch', 'review']) assert(seen.has(want), `Tab never reached ${want}: ${[...seen]}`);
  // The review button opens the overlay's card through the Checker, with focus in it;
  // Escape closes it and gives focus back to the button.
  await page.locator('#review').focus();
  await page.keyboard.press('Enter');
  const opened = await until(card, (c) => c.open, 'the card to open from the review button', 3000);
  assert(opened.focused && opened.rules.length > 1, `card ${JSON.stringify(opened)}`);
  await page.keyboard.press('Escape');
  await until(card, (c) => !c.open, 'Escape to close the card', 3000);
  assert(await page.evaluate(() => document.activeElement?.id) === 'review', 'focus did not return to the review button');
  assert(await page.evaluate(() => document.querySelectorAll('[role="button"], a[onclick], div[onclick]').length) === 0, 'fake buttons');
});

await test('screenshots (light, dark) and a phone width of 360 px without horizontal scrolling', async () => {
  await page.locator('label:has(input[name="editor"][value="plain"])').click();
  await loadExample('launch');
  await settled((await draftText()).length);
  await page.evaluate(() => scrollTo(0, 0));
  // The README's picture (./build.sh screenshot copies it to www/screenshot.png):
  // underlines, the indicator, and the card open on one finding.
  const text = await draftText();
  const o = await overlay();
  const at = text.indexOf('link in bio') + 2;
  const line = o.lines.find((l) => l.start <= at && l.end > at);
  assert(line, 'no underline under "link in bio"');
  await page.mouse.click((line.left + line.right) / 2, line.top + 1);
  await page.locator('[data-sociable-overlay] .card').waitFor({ state: 'visible', timeout: 3000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(output, 'playground-light.png') });
  await page.keyboard.press('Escape');
  await loadExample('reply');
  await settled((await draftText()).length);
  await page.screenshot({ path: join(output, 'playground-reply.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadExample('discount');
  await settled((await draftText()).length);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert(bg !== 'rgb(245, 246, 248)', 'dark scheme did not change the page');
  const overlayTheme = await page.evaluate(() => document.querySelector('[data-sociable-overlay]').shadowRoot.querySelector('.theme').dataset.theme);
  assert(overlayTheme === 'dark', `overlay theme ${overlayTheme} on the dark page`);
  await page.screenshot({ path: join(output, 'playground-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // The page's own switch wins over the system, and the overlay follows the page.
  const themeOf = () => page.evaluate(() => document.querySelector('[data-sociable-overlay]')?.shadowRoot.querySelector('.theme').dataset.theme);
  await page.locator('label:has(input[name="theme"][value="dark"])').click();
  await until(themeOf, (t) => t === 'dark', 'the overlay to turn dark with the page switch');
  await page.locator('label:has(input[name="theme"][value="auto"])').click();
  await until(themeOf, (t) => t === 'light', 'the overlay to follow the light system again');
  await page.setViewportSize({ width: 360, height: 780 });
  await loadExample('bait');
  await settled((await draftText()).length);
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: innerWidth }));
  assert(widths.doc <= widths.inner && widths.body <= widths.inner, `horizontal overflow at 360 px: ${JSON.stringify(widths)}`);
  await page.screenshot({ path: join(output, 'playground-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

await test('no request leaves 127.0.0.1, no page errors', async () => {
  const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert(outside.length === 0, `requests elsewhere: ${outside.join(', ')}`);
  assert(errors.length === 0, errors.join('\n'));
});

await context.close();
rmSync(profile, { recursive: true, force: true });
server.closeAllConnections();
server.close();
console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (suite.failures.length) console.log(`failed: ${suite.failures.join('; ')}`);
console.log(`playground: ${suite.passed} passed, ${suite.failed} failed`);
process.exit(suite.failed === 0 ? 0 : 1);
