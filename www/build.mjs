// Builds the playground into dist/www/: the page's TypeScript bundled with the extension's
// own overlay code, the same WASM core the extension ships, and the static files. Run by
// ./build.sh after extension/build.mjs; it uses the extension's esbuild and tsc, so the
// playground needs no package.json of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWasmPackage } from '../extension/wasm-package.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const extension = join(root, 'extension');
const out = join(root, 'dist', 'www');

const esbuild = createRequire(join(extension, 'package.json'))('esbuild');

// The same optimised, checked core as the extension's (extension/wasm-package.mjs).
const pkg = await requireWasmPackage();

// 1. Type-check the page and the extension code it imports; a type error fails the build.
try {
  execFileSync(join(extension, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  console.error('www: type check failed');
  process.exit(1);
}

// 2. Bundle. The glue stays a file of its own (sociable.js, as wasm-bindgen wrote it),
//    loaded by the page's module, next to the module it instantiates.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { main: join(here, 'src', 'main.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  target: ['chrome120', 'firefox128', 'safari16'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [{
    name: 'sociable-wasm',
    setup(build) {
      build.onResolve({ filter: /^sociable-wasm$/ }, () => ({ path: './sociable.js', external: true }));
    },
  }],
});

// 3. Static files and the core.
for (const file of ['index.html', 'style.css', 'favicon.svg']) cpSync(join(here, file), join(out, file));
for (const file of ['sociable.js', 'sociable_bg.wasm']) cpSync(join(pkg, file), join(out, file));

const size = (file) => statSync(join(out, file)).size;
console.log(`playground: dist/www/ (main.js ${size('main.js')} bytes, wasm ${size('sociable_bg.wasm')} bytes from ${relative(root, pkg)}); ./build.sh serve`);
