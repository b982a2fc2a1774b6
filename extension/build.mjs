// Bundles the extension's TypeScript, type-checks it, and assembles dist/chrome and
// dist/firefox (ready to load unpacked) plus their zips. Run by ./build.sh.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { requireWasmPackage } from './wasm-package.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const dist = join(root, 'dist');
// The optimised, checked core (wasm-package.mjs owns that step; build.sh has done it).
const wasmPkg = await requireWasmPackage();

// 1. Type-check: a type error fails the build.
try {
  execFileSync(join(here, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  console.error('type check failed');
  process.exit(1);
}

// 2. Bundle each entry point into one classic script (service workers, background
//    scripts and content scripts all load classic scripts in both browsers).
const common = {
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  minify: true,
  legalComments: 'none',
  alias: { 'sociable-wasm': join(wasmPkg, 'sociable.js') },
  // The glue's default wasm URL uses import.meta; we always pass the URL ourselves.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
};
const staging = join(dist, '.staging');
rmSync(dist, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await esbuild.build({
  ...common,
  entryPoints: {
    background: join(here, 'src', 'background.ts'),
    content: join(here, 'src', 'content', 'main.ts'),
    popup: join(here, 'src', 'popup', 'popup.ts'),
    options: join(here, 'src', 'options', 'options.ts'),
  },
  outdir: staging,
});

// 3. The host list comes from the adapter table, the one place that knows the sites.
const adapters = await esbuild.build({
  entryPoints: [join(here, 'src', 'content', 'adapters.ts')], bundle: true, format: 'esm', write: false,
});
const { hostPatterns } = await import(`data:text/javascript;base64,${Buffer.from(adapters.outputFiles[0].text).toString('base64')}`);
const hosts = hostPatterns();

const source = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const fill = (list) => list.flatMap((item) => (item === '@HOSTS@' ? hosts : [item]));
source.host_permissions = fill(source.host_permissions);
for (const script of source.content_scripts) script.matches = fill(script.matches);

// One manifest; each browser drops only the keys it does not read.
const perBrowser = {
  chrome(m) {
    delete m.browser_specific_settings;
    delete m.background.scripts;
  },
  firefox() {
    // Firefox reads background.scripts and ignores service_worker (lint warns, as expected).
  },
};

// 4. Icons, drawn here so the repository holds no binaries.
mkdirSync(join(staging, 'icons'), { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(staging, 'icons', `${size}.png`), icon(size));

for (const [browser, patch] of Object.entries(perBrowser)) {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  const manifest = structuredClone(source);
  patch(manifest);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ['background.js', 'content.js', 'popup.js', 'options.js', 'icons']) cpSync(join(staging, file), join(out, file), { recursive: true });
  cpSync(join(here, 'src', 'popup', 'popup.html'), join(out, 'popup.html'));
  cpSync(join(here, 'src', 'options', 'options.html'), join(out, 'options.html'));
  cpSync(join(here, 'src', 'pages.css'), join(out, 'pages.css'));
  // The playground's mark, for the extension's own pages.
  cpSync(join(here, '..', 'www', 'favicon.svg'), join(out, 'icons', 'logo.svg'));
  cpSync(join(here, '_locales'), join(out, '_locales'), { recursive: true });
  cpSync(join(wasmPkg, 'sociable_bg.wasm'), join(out, 'sociable_bg.wasm'));
  const zip = join(dist, `sociable-${browser}.zip`);
  execFileSync('zip', ['-q', '-r', '-9', '-X', zip, '.'], { cwd: out });
  // Deflated again with zopfli (advancecomp's advzip, which build.sh installs): the same
  // files, about 4% smaller, in a second or two.
  execFileSync('advzip', ['-q', '-z', '-4', zip]);
  console.log(`${browser}: dist/${browser}/ and dist/sociable-${browser}.zip (${readFileSync(zip).length} bytes)`);
}
rmSync(staging, { recursive: true, force: true });

/** A round teal speech bubble as a PNG of `size`×`size`. */
function icon(size) {
  const rows = [];
  const c = size / 2;
  const r = size * 0.42;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c;
      const dy = y + 0.5 - c * 0.92;
      const inBubble = dx * dx + dy * dy <= r * r;
      const inTail = y >= c && x >= size * 0.2 && x <= size * 0.45 && y - c <= (x - size * 0.2) * 1.6 && y < size * 0.98;
      const dotRow = Math.abs(dy) < size * 0.07 && [-0.2, 0, 0.2].some((k) => Math.abs(dx - k * size) < size * 0.07);
      if (dotRow) row.push(255, 255, 255, 255);
      else if (inBubble || inTail) row.push(0x1f, 0x8a, 0x8a, 255);
      else row.push(0, 0, 0, 0);
    }
    rows.push(Buffer.from(row));
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let crc = ~0;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
