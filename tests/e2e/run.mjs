// Browser end-to-end tests: the built extension (dist/) in Chromium and Firefox, on local
// pages built with the real editors; first, the overlay's scheduler in Node. Prints
// `browsers: N passed, M failed`; exits non-zero on any failure. Run ./build.sh first
// (./build.sh test does both).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumTests } from './chromium-tests.mjs';
import { firefoxTests } from './firefox-tests.mjs';
import { schedulerTests } from './scheduler-tests.mjs';
import { assert, Suite } from './harness.mjs';
import { buildPages, startServer } from './server.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'dist');
const started = Date.now();
const suite = new Suite();

if (!existsSync(join(dist, 'chrome', 'manifest.json')) || !existsSync(join(dist, 'firefox', 'manifest.json'))) {
  console.error('dist/chrome and dist/firefox are missing: run ./build.sh first');
  process.exit(2);
}

await suite.test('web-ext lint: no errors, no warnings but BACKGROUND_SERVICE_WORKER_IGNORED', async () => {
  let output;
  try {
    output = execFileSync(join(root, 'extension', 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', join(dist, 'firefox'), '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = error.stdout; // web-ext exits non-zero when it finds errors
  }
  const report = JSON.parse(output);
  const problems = [...report.errors, ...report.warnings.filter((w) => w.code !== 'BACKGROUND_SERVICE_WORKER_IGNORED')];
  assert(problems.length === 0, problems.map((p) => `${p.code}: ${p.message}`).join('\n'));
});

await suite.test('i18n: every message key used exists in _locales/en/messages.json, every message is used, the manifest names default_locale', async () => {
  const extension = join(root, 'extension');
  const messages = JSON.parse(readFileSync(join(extension, '_locales', 'en', 'messages.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(dist, 'chrome', 'manifest.json'), 'utf8'));
  assert(manifest.default_locale === 'en', `default_locale ${manifest.default_locale}`);
  const files = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const sources = [...files(join(extension, 'src')), join(extension, 'manifest.json')]
    .filter((f) => /\.(ts|html|json)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
  const named = new Set([
    ...[...sources.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]),
    ...[...sources.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z]+)"/g)].map((m) => m[1]),
    ...[...sources.matchAll(/__MSG_([A-Za-z]+)__/g)].map((m) => m[1]),
  ]);
  // A key may also be passed around as a string (a table of keys, say).
  const quoted = new Set([...sources.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]));
  const missing = [...named].filter((key) => !(key in messages));
  const unused = Object.keys(messages).filter((key) => !named.has(key) && !quoted.has(key));
  assert(missing.length === 0, `used but not in messages.json: ${missing.join(', ')}`);
  assert(unused.length === 0, `in messages.json but never used: ${unused.join(', ')}`);
  for (const [key, entry] of Object.entries(messages)) {
    assert(entry.message && entry.description, `${key} needs a message and a description`);
    const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase());
    for (const name of named) assert(entry.placeholders?.[name], `${key}: placeholder $${name}$ is not defined`);
  }
});

await suite.test('the popup and options page share the playground\'s colours (pages.css and www/style.css agree)', async () => {
  const variables = (css) => {
    const blocks = [...css.matchAll(/:root(?:\[data-theme="dark"\]|:not\(\[data-theme="light"\]\))?\s*\{([^}]*)\}/g)].map((m) => m[1]);
    return blocks.map((block) => Object.fromEntries([...block.matchAll(/(--[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()])));
  };
  const pages = variables(readFileSync(join(root, 'extension', 'src', 'pages.css'), 'utf8'));
  const www = variables(readFileSync(join(root, 'www', 'style.css'), 'utf8'));
  assert(pages.length === 2 && www.length >= 2, `found ${pages.length} and ${www.length} colour blocks`);
  for (const [i, theme] of ['light', 'dark'].entries()) {
    const differ = Object.keys(www[i]).filter((name) => pages[i][name] !== www[i][name]);
    assert(differ.length === 0, `${theme}: ${differ.map((n) => `${n} ${pages[i][n]} vs ${www[i][n]}`).join(', ')}`);
  }
});

await schedulerTests(suite);

await buildPages();
const server = await startServer();
try {
  // SOCIABLE_BROWSERS=chromium (or firefox) runs one browser only, for quick iterations.
  const only = process.env.SOCIABLE_BROWSERS;
  if (!only || only === 'chromium') await chromiumTests(suite, { dist: join(dist, 'chrome'), server });
  if (!only || only === 'firefox') await firefoxTests(suite, { dist: join(dist, 'firefox'), server });
} finally {
  await server.close();
}

console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
if (suite.failures.length) console.log(`failed: ${suite.failures.join('; ')}`);
console.log(`browsers: ${suite.passed} passed, ${suite.failed} failed`);
process.exit(suite.failed === 0 ? 0 : 1);
