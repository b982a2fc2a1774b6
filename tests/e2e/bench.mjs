// Benchmarks of the built extension in Chromium: keystroke-to-underline latency, WASM
// start-up in the service worker (the performance measures it records, read from the
// worker), the first answer after the worker was stopped, and the package sizes. Prints
// the numbers; asserts nothing. Run ./build.sh first.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.mjs';
import { until } from './harness.mjs';
import { buildPages, startServer } from './server.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'dist');
const EDITOR = '[data-testid="tweetTextarea_0"]';
const LONG_EDITOR = 'textarea[name="text"]';
const LONG_CHARS = 200 * 1024;
const SENTENCE = 'We just launched our new course and it is the best way to learn, so what do you think of it? ';

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

/**
 * In the service worker: the start-up measures background.ts records (performance.measure),
 * and the worker's time origin, which is new each time the worker starts.
 */
function startupMeasures() {
  const duration = (name) => performance.getEntriesByName(name, 'measure')[0]?.duration;
  return { timeOrigin: performance.timeOrigin, instantiateMs: duration('sociable-instantiate'), warmUpMs: duration('sociable-warm-up'), firstAnalysisMs: duration('sociable-first-analysis') };
}

/** In the page: arms a timer at the next keydown, resolves when the overlay shows `length`. */
function armProbe(length) {
  return new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
    window.__sociableDone = new Promise((done) => {
      const host = () => [...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.length);
      const check = () => {
        const h = host();
        if (h && Number(h.dataset.length) === length && t0) {
          observer.disconnect();
          const dom = performance.now() - t0;
          // And until the frame that paints the new underlines.
          requestAnimationFrame(() => done({ dom, frame: performance.now() - t0 }));
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-rev'] });
    });
    resolve();
  });
}

/**
 * Keystroke-to-update times on `url`'s `editor`: `chars` characters pasted at once (less
 * the keys to come), then one key at a time at the end, timed to the overlay's update (the
 * indicator's scores and the underlines in view).
 */
async function keystrokeTimes(page, { url, editor, chars, samples, timeout = 30000 }) {
  await page.goto(url);
  await page.click(editor);
  const text = SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars);
  await page.keyboard.insertText(text);
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-sociable-overlay]')].some((h) => Number(h.dataset.length) === n), text.length, { timeout });
  const times = [];
  for (let i = 0; i < samples; i++) {
    await page.evaluate(armProbe, text.length + i + 1);
    await page.keyboard.press('a');
    times.push(await page.evaluate(() => window.__sociableDone));
  }
  return times;
}

/** A short draft on the Draft.js page, `chars` long once the keys are typed. */
const latency = (page, chars, samples) => keystrokeTimes(page, { url: page.__url, editor: EDITOR, chars: chars - samples, samples });

/** A long textarea draft (the Reddit page). */
const longLatency = (page, chars, samples) => keystrokeTimes(page, { url: page.__longUrl, editor: LONG_EDITOR, chars, samples, timeout: 60000 });

/**
 * Stops the service worker `runs` times, each time pressing one key in a fresh draft:
 * the keystroke-to-underline time of that key, and the restarted worker's start-up measures.
 */
async function coldStarts(browser, page, runs) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const startups = [];
  const firsts = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(page.__url);
    await page.click(EDITOR);
    await page.keyboard.insertText('Buy now and get 50% off our new course');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-sociable-overlay]')].some((h) => h.dataset.verdict));
    const stopped = (await browser.worker.evaluate(startupMeasures)).timeOrigin;
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
    const length = await page.evaluate(() => Number([...document.querySelectorAll('[data-sociable-overlay]')].find((h) => h.dataset.length).dataset.length));
    await page.evaluate(armProbe, length + 1);
    await page.keyboard.press('!');
    firsts.push((await page.evaluate(() => window.__sociableDone)).dom);
    // Playwright's worker handle follows the restarted worker; a new time origin proves
    // that the measures are the new start's.
    startups.push(await until(() => browser.worker.evaluate(startupMeasures),
      (m) => m.timeOrigin !== stopped && m.firstAnalysisMs !== undefined, 'the restarted worker to measure its start-up'));
  }
  await cdp.detach();
  return { startups, firsts };
}

await buildPages();
const server = await startServer();
const browser = await launchChromium(join(dist, 'chrome'), server);
try {
  const page = await browser.context.newPage();
  page.__url = browser.pageUrl('x.com', 'x.html');

  page.__longUrl = browser.pageUrl('www.reddit.com', 'reddit.html');
  {
    await longLatency(page, LONG_CHARS, 5); // warm-up
    const times = await longLatency(page, LONG_CHARS, 40);
    const dom = times.map((t) => t.dom);
    const frame = times.map((t) => t.frame);
    console.log(`keystroke in a 200 KB textarea draft (Reddit page), to the indicator and underlines in view updated: p50 ${ms(quantile(dom, 0.5))}, p95 ${ms(quantile(dom, 0.95))} (target p95 <= 100 ms); painted p50 ${ms(quantile(frame, 0.5))}, p95 ${ms(quantile(frame, 0.95))}`);
  }
  // SOCIABLE_BENCH=long measures the long draft only, for quick iterations.
  if (process.env.SOCIABLE_BENCH !== 'long') await shortAndCold(browser, page);
} finally {
  await browser.close();
  await server.close();
}

async function shortAndCold(browser, page) {
  console.log('keystroke to underline (Draft.js page; keydown to overlay updated, and to the next frame):');
  for (const chars of [280, 3000]) {
    await latency(page, chars, 10); // warm-up
    const times = await latency(page, chars, 60);
    const dom = times.map((t) => t.dom);
    const frame = times.map((t) => t.frame);
    console.log(`  ${String(chars).padStart(4)} chars: updated p50 ${ms(quantile(dom, 0.5))}, p95 ${ms(quantile(dom, 0.95))} (target p95 <= 16 ms); painted p50 ${ms(quantile(frame, 0.5))}, p95 ${ms(quantile(frame, 0.95))}`);
  }

  console.log('service worker stopped, then one keystroke:');
  const cold = await coldStarts(browser, page, 7);
  const total = cold.startups.map((s) => s.instantiateMs + s.warmUpMs);
  console.log(`  WASM start-up in the worker: median ${ms(quantile(total, 0.5))}, max ${ms(Math.max(...total))} (target <= 20 ms)`);
  console.log(`    of which fetch + compile + instantiate: median ${ms(quantile(cold.startups.map((s) => s.instantiateMs), 0.5))}; warmUp (reading the stored patterns): median ${ms(quantile(cold.startups.map((s) => s.warmUpMs), 0.5))}`);
  console.log(`    then its first analysis, a short draft (building the first DFA states, running code not yet compiled): median ${ms(quantile(cold.startups.map((s) => s.firstAnalysisMs), 0.5))}`);
  console.log(`  first answer after the stop (keystroke to underline): median ${ms(quantile(cold.firsts, 0.5))}, max ${ms(Math.max(...cold.firsts))} (target <= 60 ms)`);
  // An open extension page keeps the extension's process alive, so the worker restarts
  // without a new process (the benchmark measured it so until it stopped asking the worker
  // through the popup).
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.bringToFront();
  const warm = await coldStarts(browser, page, 7);
  await popup.close();
  console.log(`    with an extension page open (its process stays up): median ${ms(quantile(warm.firsts, 0.5))}, max ${ms(Math.max(...warm.firsts))}`);
}

console.log('sizes:');
for (const browserName of ['chrome', 'firefox']) {
  const bytes = statSync(join(dist, `sociable-${browserName}.zip`)).size;
  console.log(`  dist/sociable-${browserName}.zip: ${bytes} bytes (${(bytes / 1024).toFixed(0)} KB; target <= 300 KB)`);
}
const wasm = readFileSync(join(dist, 'chrome', 'sociable_bg.wasm'));
console.log(`  sociable_bg.wasm: ${wasm.length} bytes (${gzipSync(wasm, { level: 9 }).length} gzipped)`);
