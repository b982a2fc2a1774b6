// Builds the playground into dist/www/: the page's TypeScript bundled with the extension's
// own overlay code, the same WASM core the extension ships, and the static files. Run by
// ./build.sh after extension/build.mjs; it uses the extension's esbuild and tsc, so the
// playground needs no package.json of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const extension = join(root, 'extension');
const out = join(root, 'dist', 'www');
import { wasmAnswers as answers } from '../extension/wasm-check.mjs';

const esbuild = createRequire(join(extension, 'package.json'))('esbuild');

// The extension may have rebuilt the package (Debian's wasm-opt can break it, see
// extension/build.mjs). Take the package whose module is byte for byte the one in
// dist/chrome, so the page runs exactly the extension's core; else the first that starts.
const candidates = ['wasm-pkg-extension', 'wasm-pkg'].map((name) => join(root, 'target', name))
  .filter((dir) => existsSync(join(dir, 'sociable.js')) && existsSync(join(dir, 'sociable_bg.wasm')));
const shipped = join(root, 'dist', 'chrome', 'sociable_bg.wasm');
let pkg = existsSync(shipped)
  ? candidates.find((dir) => readFileSync(join(dir, 'sociable_bg.wasm')).equals(readFileSync(shipped)))
  : undefined;
if (!pkg) {
  // Without dist/chrome, prefer the newest package that starts.
  candidates.sort((a, b) => statSync(join(b, 'sociable_bg.wasm')).mtimeMs - statSync(join(a, 'sociable_bg.wasm')).mtimeMs);
  for (const dir of candidates) if (!(await answers(dir))) { pkg = dir; break; }
}
if (!pkg) {
  console.error('no working WASM package in target/: run ./build.sh (it builds the WASM and the extension first)');
  process.exit(1);
}
const problem = await answers(pkg);
if (problem) {
  console.error(`${relative(root, pkg)} does not start: ${problem}`);
  process.exit(1);
}

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
